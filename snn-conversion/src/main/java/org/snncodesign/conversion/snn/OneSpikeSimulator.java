package org.snncodesign.conversion.snn;

import java.util.List;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.conversion.ann.LabeledImages;

/**
 * Runs a {@link ConvertedNetwork} with one-spike phase coding ({@link PhaseCoding}), layer-wise
 * pipelined: the input stage spikes in window 0; spiking stage {@code l} integrates the spikes of
 * window {@code l - 1} and fires in window {@code l}, each neuron at most once, in the first phase
 * where its potential reaches the decaying threshold; a max-pool stage relays the earliest spike of
 * each window in the same window (earliest phase = largest value, so this is exactly max pooling);
 * the read-out integrates the last window and answers the arg-max of its potential. Latency is
 * {@code windows * K} time steps; a new image can enter every {@code K} steps.
 *
 * <p>Execution is event-driven: only neurons that spiked walk their fan-out rows of the {@link
 * CsrMatrix} weights. Thread-safe; {@link #evaluate} uses one set of buffers per thread.
 */
public final class OneSpikeSimulator {
  private final ConvertedNetwork network;
  private final PhaseCoding coding;
  private final float[] phi;
  private final float[] thresholds;
  private final List<ConvertedNetwork.Stage> stages;

  public OneSpikeSimulator(ConvertedNetwork network, PhaseCoding coding) {
    this.network = network;
    this.coding = coding;
    this.phi = coding.phaseWeights();
    this.thresholds = coding.thresholds();
    this.stages = network.stageList();
  }

  public PhaseCoding coding() {
    return coding;
  }

  /** Time steps from the first input phase to the read-out: {@code windows * K}. */
  public int latency() {
    return network.windows() * coding.phases();
  }

  /** Classifies every sample on {@code threads} threads and counts operations and spikes. */
  public SnnEvaluation evaluate(LabeledImages images, int threads) {
    checkShape(images);
    long start = System.nanoTime();
    List<Run> runs = ParallelSamples.run(images.count(), threads, () -> new Run(images));
    int correct = 0;
    long syn = 0;
    long neu = 0;
    long spikes = 0;
    for (Run r : runs) {
      correct += r.correct;
      syn += r.synapticOps;
      neu += r.neuronOps;
      spikes += r.spikes;
    }
    return new SnnEvaluation(
        "phase1",
        images.count(),
        correct,
        latency(),
        syn,
        neu,
        spikes,
        network.spikingNeurons(),
        (System.nanoTime() - start) / 1e9);
  }

  /** Predicted class of one sample. */
  public int predict(float[] pixels, int offset) {
    Run run = new Run(null);
    return run.simulate(pixels, offset);
  }

  /**
   * Spike phases of every stage for one sample: {@code [stage][neuron]} = phase in {@code [0, K)}
   * or -1; the output stage's entry holds no spikes (all -1).
   */
  public int[][] phases(float[] pixels, int offset) {
    Run run = new Run(null);
    run.simulate(pixels, offset);
    int[][] copy = new int[run.phase.length][];
    for (int s = 0; s < copy.length; s++) {
      copy[s] = run.phase[s].clone();
    }
    return copy;
  }

  /** Read-out potentials of one sample (normalised units). */
  public float[] outputPotentials(float[] pixels, int offset) {
    Run run = new Run(null);
    run.simulate(pixels, offset);
    return run.potential[stages.size() - 1].clone();
  }

  /** Spikes of one stage for one sample, over the stage's own window of {@code K} phases. */
  public SpikeRaster raster(float[] pixels, int offset, int stage) {
    int[] p = phases(pixels, offset)[stage];
    SpikeRaster raster = new SpikeRaster(coding.phases(), p.length);
    for (int n = 0; n < p.length; n++) {
      if (p[n] >= 0) {
        raster.set(p[n], n);
      }
    }
    return raster;
  }

  private void checkShape(LabeledImages images) {
    int expected = stages.get(0).neurons();
    if (images.shape().size() != expected) {
      throw new InvalidInputException(
          "samples of shape "
              + images.shape()
              + " do not fit network '"
              + network.name()
              + "' with "
              + expected
              + " inputs");
    }
  }

  /** Per-thread state: phases and potentials of every stage, and counters. */
  private final class Run implements ParallelSamples.Worker {
    final LabeledImages images;
    final int[][] phase;
    final float[][] potential;
    int correct;
    long synapticOps;
    long neuronOps;
    long spikes;

    Run(LabeledImages images) {
      this.images = images;
      phase = new int[stages.size()][];
      potential = new float[stages.size()][];
      for (int s = 0; s < stages.size(); s++) {
        phase[s] = new int[stages.get(s).neurons()];
        potential[s] = new float[stages.get(s).neurons()];
      }
    }

    @Override
    public void run(int sample) {
      if (simulate(images.pixels(), images.offset(sample)) == images.labels()[sample]) {
        correct++;
      }
    }

    int simulate(float[] pixels, int offset) {
      int k = coding.phases();
      for (int s = 0; s < stages.size(); s++) {
        ConvertedNetwork.Stage stage = stages.get(s);
        int[] ph = phase[s];
        switch (stage.kind()) {
          case INPUT -> {
            float inv = (float) (1 / stage.scale());
            for (int n = 0; n < ph.length; n++) {
              ph[n] = fire(pixels[offset + n] * inv, k);
            }
          }
          case SPIKING, OUTPUT -> {
            float[] v = potential[s];
            integrate(stage, v);
            if (stage.kind() == StageKind.SPIKING) {
              for (int n = 0; n < ph.length; n++) {
                ph[n] = fire(v[n], k);
              }
            } else {
              java.util.Arrays.fill(ph, -1);
            }
          }
          case MAX_POOL -> {
            // The earliest spike in a window carries the largest value; relaying it is exact max
            // pooling and
            // needs no arithmetic (a first-arrival gate).
            int[] src = phase[stage.sources()[0]];
            CsrMatrix w = stage.poolWindows();
            int[] ptr = w.rowPointers();
            int[] col = w.columnIndices();
            for (int n = 0; n < ph.length; n++) {
              int best = Integer.MAX_VALUE;
              for (int q = ptr[n]; q < ptr[n + 1]; q++) {
                int p = src[col[q]];
                if (p >= 0 && p < best) {
                  best = p;
                }
              }
              ph[n] = best == Integer.MAX_VALUE ? -1 : best;
              if (ph[n] >= 0) {
                spikes++;
              }
            }
          }
          default -> throw new AssertionError(stage.kind());
        }
      }
      float[] out = potential[stages.size() - 1];
      int best = 0;
      for (int c = 1; c < out.length; c++) {
        if (out[c] > out[best]) {
          best = c;
        }
      }
      return best;
    }

    /** Phase of a normalised potential; counts one comparison per phase waited and the spike. */
    private int fire(float value, int k) {
      for (int p = 0; p < k; p++) {
        if (value >= thresholds[p]) {
          neuronOps += p + 1;
          spikes++;
          return p;
        }
      }
      neuronOps += k;
      return -1;
    }

    private void integrate(ConvertedNetwork.Stage stage, float[] v) {
      float[] bias = stage.bias();
      System.arraycopy(bias, 0, v, 0, v.length);
      for (float b : bias) {
        if (b != 0f) {
          neuronOps++;
        }
      }
      for (int t = 0; t < stage.sources().length; t++) {
        int[] src = phase[stage.sources()[t]];
        CsrMatrix w = stage.fanouts()[t];
        int[] ptr = w.rowPointers();
        int[] col = w.columnIndices();
        float[] val = w.values();
        for (int j = 0; j < src.length; j++) {
          int p = src[j];
          if (p < 0) {
            continue;
          }
          float f = phi[p];
          int end = ptr[j + 1];
          synapticOps += end - ptr[j];
          for (int q = ptr[j]; q < end; q++) {
            v[col[q]] += val[q] * f;
          }
        }
      }
    }
  }
}
