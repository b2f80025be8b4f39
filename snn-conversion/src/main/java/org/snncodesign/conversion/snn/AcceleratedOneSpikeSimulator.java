package org.snncodesign.conversion.snn;

import java.util.Arrays;
import java.util.List;
import org.snncodesign.api.Checks;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.energy.Operation;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.LayerExecution;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.conversion.ann.LabeledImages;

/**
 * Runs a {@link ConvertedNetwork} with one-spike phase coding like {@link OneSpikeSimulator}, but
 * hands every synaptic accumulation to an executing {@link Accelerator} (for instance the {@code
 * cpu-gustavson} sparse kernel) instead of walking fan-out rows itself.
 *
 * <p>For a spiking or output stage {@code s} fed by source stages {@code src_t} through fan-out
 * matrices {@code W_t} (rows = source neurons, columns = neurons of {@code s}), the one-spike input
 * current of one sample is
 *
 * <pre>
 *   V_s = b_s + sum_t sum_{k=0}^{K-1} phi_k (S_{t,k} x W_t),   phi_k = B^-k  ({@link PhaseCoding#phaseWeights()})
 * </pre>
 *
 * where {@code S_{t,k}} is the binary row vector of the source neurons that spiked in phase {@code
 * k}. A batch of {@code N} samples is stacked into one {@link SpikeRaster} of {@code N * K} rows
 * (row {@code n * K + k} = sample {@code n}, phase {@code k}) per term, so each term is one {@code
 * execute(spikes, W_t)} call; the phase weights are applied afterwards to the {@code N * K} output
 * rows. Convolutions, average pooling, flatten and residual sums are already folded into the CSR
 * fan-out matrices by {@link AnnToSnnConverter}, so every spiking and output stage runs through the
 * kernel; max-pool stages are first-arrival relays with no arithmetic and stay here, exactly as in
 * {@link OneSpikeSimulator}.
 *
 * <p>Firing, the input encoding and the neuron-side counts are the same as {@link
 * OneSpikeSimulator}'s (float thresholds {@code rho B^-k}), so both give the same phases and
 * predictions up to the summation order of the currents (float rounding; a current that lands
 * within rounding of a threshold could fire one phase apart).
 *
 * <p>Not thread-safe: one instance per thread (the kernel may be shared if it is thread-safe).
 */
public final class AcceleratedOneSpikeSimulator {
  private final ConvertedNetwork network;
  private final PhaseCoding coding;
  private final Accelerator accelerator;
  private final float[] phi;
  private final float[] thresholds;
  private final List<ConvertedNetwork.Stage> stages;

  public AcceleratedOneSpikeSimulator(
      ConvertedNetwork network, PhaseCoding coding, Accelerator accelerator) {
    Checks.checkArgument(
        network != null && coding != null && accelerator != null,
        "network, coding and accelerator must not be null");
    if (!accelerator.executes()) {
      throw new InvalidInputException(
          "accelerator '"
              + accelerator.name()
              + "' models hardware and does not execute layers; choose an executing backend such as cpu-gustavson");
    }
    this.network = network;
    this.coding = coding;
    this.accelerator = accelerator;
    this.phi = coding.phaseWeights();
    this.thresholds = coding.thresholds();
    this.stages = network.stageList();
  }

  public PhaseCoding coding() {
    return coding;
  }

  public Accelerator accelerator() {
    return accelerator;
  }

  /** Time steps from the first input phase to the read-out: {@code windows * K}. */
  public int latency() {
    return network.windows() * coding.phases();
  }

  /**
   * Runs the samples starting at {@code offsets} (into {@code pixels}) as one batch.
   *
   * @return phases, currents, predictions and the kernel's counts
   */
  public Batch run(float[] pixels, int[] offsets) {
    Checks.checkArgument(pixels != null && offsets != null, "pixels and offsets must not be null");
    Checks.positive(offsets.length, "batch size");
    int inputs = stages.get(0).neurons();
    for (int off : offsets) {
      if (off < 0 || off + inputs > pixels.length) {
        throw new InvalidInputException(
            "sample offset "
                + off
                + " with "
                + inputs
                + " inputs lies outside "
                + pixels.length
                + " pixels");
      }
    }
    int n = offsets.length;
    int k = coding.phases();
    int[][][] phase = new int[n][stages.size()][];
    float[][][] current = new float[n][stages.size()][];
    long[] counts = new long[5];
    for (int s = 0; s < stages.size(); s++) {
      ConvertedNetwork.Stage stage = stages.get(s);
      int size = stage.neurons();
      switch (stage.kind()) {
        case INPUT -> {
          float inv = (float) (1 / stage.scale());
          for (int b = 0; b < n; b++) {
            int[] ph = new int[size];
            for (int j = 0; j < size; j++) {
              ph[j] = fire(pixels[offsets[b] + j] * inv, k, counts);
            }
            phase[b][s] = ph;
          }
        }
        case SPIKING, OUTPUT -> {
          float[] bias = stage.bias();
          long biasOps = 0;
          for (float v : bias) {
            if (v != 0f) {
              biasOps++;
            }
          }
          float[][] v = new float[n][size];
          for (int b = 0; b < n; b++) {
            System.arraycopy(bias, 0, v[b], 0, size);
            counts[NEURON_OPS] += biasOps;
          }
          for (int t = 0; t < stage.sources().length; t++) {
            accumulate(phase, stage.sources()[t], stage.fanouts()[t], n, v, counts);
          }
          for (int b = 0; b < n; b++) {
            current[b][s] = v[b];
            int[] ph = new int[size];
            if (stage.kind() == StageKind.SPIKING) {
              for (int j = 0; j < size; j++) {
                ph[j] = fire(v[b][j], k, counts);
              }
            } else {
              Arrays.fill(ph, -1);
            }
            phase[b][s] = ph;
          }
        }
        case MAX_POOL -> {
          // First-arrival relay, no arithmetic: the same gate as OneSpikeSimulator.
          CsrMatrix w = stage.poolWindows();
          int[] ptr = w.rowPointers();
          int[] col = w.columnIndices();
          for (int b = 0; b < n; b++) {
            int[] src = phase[b][stage.sources()[0]];
            int[] ph = new int[size];
            for (int j = 0; j < size; j++) {
              int best = Integer.MAX_VALUE;
              for (int q = ptr[j]; q < ptr[j + 1]; q++) {
                int p = src[col[q]];
                if (p >= 0 && p < best) {
                  best = p;
                }
              }
              ph[j] = best == Integer.MAX_VALUE ? -1 : best;
              if (ph[j] >= 0) {
                counts[SPIKES]++;
              }
            }
            phase[b][s] = ph;
          }
        }
        default -> throw new AssertionError(stage.kind());
      }
    }
    int last = stages.size() - 1;
    int[] predictions = new int[n];
    for (int b = 0; b < n; b++) {
      float[] out = current[b][last];
      int best = 0;
      for (int c = 1; c < out.length; c++) {
        if (out[c] > out[best]) {
          best = c;
        }
      }
      predictions[b] = best;
    }
    return new Batch(
        phase,
        current,
        predictions,
        counts[KERNEL_ADDS],
        counts[KERNEL_CALLS],
        counts[EVENTS],
        counts[NEURON_OPS],
        counts[SPIKES]);
  }

  /** Classifies every sample in batches of {@code batchSize} and counts operations and spikes. */
  public AcceleratedEvaluation evaluate(LabeledImages images, int batchSize) {
    Checks.positive(batchSize, "batch size");
    if (images.shape().size() != stages.get(0).neurons()) {
      throw new InvalidInputException(
          "samples of shape "
              + images.shape()
              + " do not fit network '"
              + network.name()
              + "' with "
              + stages.get(0).neurons()
              + " inputs");
    }
    long start = System.nanoTime();
    int correct = 0;
    long adds = 0;
    long calls = 0;
    long events = 0;
    long neuronOps = 0;
    long spikes = 0;
    for (int from = 0; from < images.count(); from += batchSize) {
      int n = Math.min(batchSize, images.count() - from);
      int[] offsets = new int[n];
      for (int b = 0; b < n; b++) {
        offsets[b] = images.offset(from + b);
      }
      Batch batch = run(images.pixels(), offsets);
      for (int b = 0; b < n; b++) {
        if (batch.predictions()[b] == images.labels()[from + b]) {
          correct++;
        }
      }
      adds += batch.kernelAdds();
      calls += batch.kernelCalls();
      events += batch.synapticEvents();
      neuronOps += batch.neuronOps();
      spikes += batch.spikes();
    }
    SnnEvaluation e =
        new SnnEvaluation(
            "phase1",
            images.count(),
            correct,
            latency(),
            events,
            neuronOps,
            spikes,
            network.spikingNeurons(),
            (System.nanoTime() - start) / 1e9);
    return new AcceleratedEvaluation(e, accelerator.name(), adds, calls);
  }

  /** One term {@code sum_k phi_k (S_k x W)} for every sample of the batch, added into {@code v}. */
  private void accumulate(
      int[][][] phase, int source, CsrMatrix w, int n, float[][] v, long[] counts) {
    int k = coding.phases();
    int[] ptr = w.rowPointers();
    SpikeRaster raster = new SpikeRaster(n * k, w.rows());
    boolean any = false;
    for (int b = 0; b < n; b++) {
      int[] src = phase[b][source];
      for (int j = 0; j < src.length; j++) {
        int p = src[j];
        if (p >= 0) {
          raster.set(b * k + p, j);
          counts[EVENTS] += ptr[j + 1] - ptr[j];
          any = true;
        }
      }
    }
    if (!any) {
      return; // nothing spiked: the term is zero and the kernel would do no work
    }
    LayerExecution exec = accelerator.execute(raster, w);
    int cols = w.cols();
    if (exec.timeSteps() != n * k
        || exec.outputs() != cols
        || exec.output().length != n * k * cols) {
      throw new IllegalStateException(
          "accelerator '"
              + accelerator.name()
              + "' returned "
              + exec.timeSteps()
              + " x "
              + exec.outputs()
              + " for spikes "
              + n * k
              + " x "
              + w.rows()
              + " and weights "
              + w.rows()
              + " x "
              + cols);
    }
    counts[KERNEL_CALLS]++;
    counts[KERNEL_ADDS] +=
        exec.operations() == null ? 0 : exec.operations().get(Operation.ADD_FP32);
    float[] out = exec.output();
    for (int b = 0; b < n; b++) {
      float[] vb = v[b];
      for (int p = 0; p < k; p++) {
        float f = phi[p];
        int base = (b * k + p) * cols;
        for (int c = 0; c < cols; c++) {
          float x = out[base + c];
          if (x != 0f) {
            vb[c] += x * f;
          }
        }
      }
    }
  }

  /** Phase of a normalised potential; counts one comparison per phase waited and the spike. */
  private int fire(float value, int k, long[] counts) {
    for (int p = 0; p < k; p++) {
      if (value >= thresholds[p]) {
        counts[NEURON_OPS] += p + 1;
        counts[SPIKES]++;
        return p;
      }
    }
    counts[NEURON_OPS] += k;
    return -1;
  }

  private static final int KERNEL_ADDS = 0;
  private static final int KERNEL_CALLS = 1;
  private static final int EVENTS = 2;
  private static final int NEURON_OPS = 3;
  private static final int SPIKES = 4;

  /**
   * Result of one batch.
   *
   * @param phases {@code [sample][stage][neuron]}: phase in {@code [0, K)} or -1 (the output stage
   *     is all -1)
   * @param currents {@code [sample][stage][neuron]}: input current (normalised potential) of
   *     spiking and output stages, {@code null} for input and pool stages
   * @param predictions arg-max of the read-out per sample
   * @param kernelAdds fp32 adds the accelerator reported ({@link Operation#ADD_FP32})
   * @param kernelCalls {@code execute} calls made
   * @param synapticEvents fan-out lengths of the neurons that spiked (what {@link
   *     OneSpikeSimulator} counts)
   * @param neuronOps threshold comparisons and bias additions
   * @param spikes spikes of input, spiking and pool neurons
   */
  public record Batch(
      int[][][] phases,
      float[][][] currents,
      int[] predictions,
      long kernelAdds,
      long kernelCalls,
      long synapticEvents,
      long neuronOps,
      long spikes) {}

  /**
   * Outcome of {@link #evaluate}: the usual evaluation (counts as {@link OneSpikeSimulator} defines
   * them) plus what the kernel reported.
   *
   * @param evaluation accuracy, latency, synaptic events, neuron operations, spikes
   * @param backend the accelerator's plugin name
   * @param kernelAdds fp32 adds the accelerator reported over all samples
   * @param kernelCalls {@code execute} calls made
   */
  public record AcceleratedEvaluation(
      SnnEvaluation evaluation, String backend, long kernelAdds, long kernelCalls) {}
}
