package org.snncodesign.conversion.snn;

import java.util.ArrayList;
import java.util.List;
import org.snncodesign.api.Checks;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.neuron.NeuronModel;
import org.snncodesign.api.neuron.NeuronPopulation;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.conversion.ann.LabeledImages;

/**
 * The rate-coded baseline (Diehl et al. 2015; Rueckauer et al. 2017): every stage runs at every
 * time step. Input neurons integrate their pixel value each step and fire at a rate proportional to
 * it; spiking neurons are integrate-and-fire with threshold 1 and reset by subtraction, {@code V <-
 * V + b + W^T s(t); if V >= 1: spike, V <- V - 1}; max-pool neurons relay the spikes of the input
 * with the highest spike count so far; the read-out accumulates its potential and is read at each
 * checkpoint.
 *
 * <p>The neurons of the input, spiking and read-out stages are either this class's own
 * integrate-and-fire loop (the fast path, {@link #RateSimulator(ConvertedNetwork, int...)}) or
 * populations of a neuron model plugin ({@link #RateSimulator(ConvertedNetwork, NeuronModel,
 * int...)}), which get a stage's summed input per step, {@code x = b + W^T s(t)}, and run their own
 * equations. For the {@code if} plugin the two are the same neurons; they add the same terms in a
 * different order ({@code (V + b) + w_1 + ...} here, {@code V + (b + w_1 + ...)} in a population),
 * so they agree bit for bit when every partial sum is exact in float and otherwise within rounding.
 * The plugin populations sum as {@link EngineRateRunner} does, so both backends give a model the
 * same spikes on feed-forward networks.
 */
public final class RateSimulator {
  private final ConvertedNetwork network;
  private final NeuronModel neuron;
  private final int[] checkpoints;
  private final List<ConvertedNetwork.Stage> stages;

  /**
   * A simulator with its own integrate-and-fire neurons.
   *
   * @param checkpoints ascending time steps at which the read-out is evaluated; the last one is the
   *     run length
   */
  public RateSimulator(ConvertedNetwork network, int... checkpoints) {
    this(network, null, checkpoints);
  }

  /**
   * A simulator whose input, spiking and read-out stages are populations of {@code neuron}, given
   * {@code v_th = 1}, {@code v_reset = 0} and reset by subtraction where the model declares them
   * (the read-out's threshold out of reach) and otherwise the model's defaults; operations are
   * counted as for integrate-and-fire neurons.
   *
   * @param neuron a neuron model, e.g. a plugin found by name ({@code
   *     PluginRegistry.require(NeuronModel.class, name)}); null for the built-in loop
   * @param checkpoints ascending time steps at which the read-out is evaluated; the last one is the
   *     run length
   */
  public RateSimulator(ConvertedNetwork network, NeuronModel neuron, int... checkpoints) {
    Checks.checkArgument(network != null, "network must not be null");
    Checks.checkArgument(checkpoints.length > 0, "need at least one checkpoint");
    for (int i = 0; i < checkpoints.length; i++) {
      Checks.positive(checkpoints[i], "checkpoint");
      Checks.checkArgument(
          i == 0 || checkpoints[i] > checkpoints[i - 1],
          "checkpoints must ascend, got %s",
          java.util.Arrays.toString(checkpoints));
    }
    this.network = network;
    this.neuron = neuron;
    this.checkpoints = checkpoints.clone();
    this.stages = network.stageList();
  }

  /** One evaluation per checkpoint, with the operations counted up to that step. */
  public List<SnnEvaluation> evaluate(LabeledImages images, int threads) {
    if (images.shape().size() != stages.get(0).neurons()) {
      throw new InvalidInputException(
          "samples of shape " + images.shape() + " do not fit network '" + network.name() + "'");
    }
    long start = System.nanoTime();
    List<Run> runs = ParallelSamples.run(images.count(), threads, () -> new Run(images));
    double seconds = (System.nanoTime() - start) / 1e9;
    CheckpointTally total =
        CheckpointTally.sum(runs.stream().map(r -> r.tally).toList(), checkpoints.length);
    List<SnnEvaluation> out = new ArrayList<>();
    for (int c = 0; c < checkpoints.length; c++) {
      out.add(
          new SnnEvaluation(
              "rate",
              images.count(),
              total.correct[c],
              checkpoints[c],
              total.synapticOps[c],
              total.neuronOps[c],
              total.spikes[c],
              network.spikingNeurons(),
              seconds * checkpoints[c] / checkpoints[checkpoints.length - 1]));
    }
    return out;
  }

  /**
   * Runs one sample to the last checkpoint and records, per time step, how many neurons of each
   * stage spiked, and the read-out potentials at each checkpoint: the reference that {@link
   * EngineRateRunner} is compared with.
   */
  RateTrace trace(LabeledImages images, int sample) {
    Checks.checkArgument(
        sample >= 0 && sample < images.count(),
        "sample %d outside [0, %d)",
        sample,
        images.count());
    Run run = new Run(images);
    run.trace =
        new RateTrace(checkpoints[checkpoints.length - 1], stages.size(), checkpoints.length);
    run.run(sample);
    return run.trace;
  }

  private final class Run implements ParallelSamples.Worker {
    RateTrace trace;
    final LabeledImages images;
    // The built-in neurons' potentials, or a population per stage (null for max pooling) with its
    // input and spike words.
    final float[][] v;
    final NeuronPopulation[] populations;
    final float[][] input;
    final long[][] bits;
    final int[][] spiking;
    final int[] spikingCount;
    final int[][] counts;
    final CheckpointTally tally = new CheckpointTally(checkpoints.length);
    long syn;
    long neu;
    long spk;

    Run(LabeledImages images) {
      this.images = images;
      int n = stages.size();
      v = new float[n][];
      populations = new NeuronPopulation[n];
      input = new float[n][];
      bits = new long[n][];
      spiking = new int[n][];
      spikingCount = new int[n];
      counts = new int[n][];
      for (int s = 0; s < n; s++) {
        ConvertedNetwork.Stage stage = stages.get(s);
        int size = stage.neurons();
        v[s] = new float[size];
        spiking[s] = new int[size];
        counts[s] = new int[size];
        if (neuron != null && stage.kind() != StageKind.MAX_POOL) {
          populations[s] = RateNeurons.create(neuron, stage);
          input[s] = new float[size];
          bits[s] = new long[(size + 63) >>> 6];
        }
      }
    }

    /** The read-out's potentials (a live view). */
    private float[] readout() {
      int last = stages.size() - 1;
      return populations[last] != null ? populations[last].membranePotential() : v[last];
    }

    /**
     * Steps stage {@code s}'s population with its input and lists the neurons that spiked in {@code
     * spiking[s]}; returns their number.
     */
    private int fire(int s) {
      populations[s].step(input[s], bits[s]);
      long[] word = bits[s];
      int[] out = spiking[s];
      int n = 0;
      for (int w = 0; w < word.length; w++) {
        long x = word[w];
        while (x != 0) {
          out[n++] = (w << 6) + Long.numberOfTrailingZeros(x);
          x &= x - 1;
        }
      }
      return n;
    }

    @Override
    public void run(int sample) {
      int offset = images.offset(sample);
      float[] pixels = images.pixels();
      for (int s = 0; s < stages.size(); s++) {
        java.util.Arrays.fill(v[s], 0f);
        java.util.Arrays.fill(counts[s], 0);
        if (populations[s] != null) {
          populations[s].reset();
        }
      }
      syn = 0;
      neu = 0;
      spk = 0;
      int next = 0;
      int last = checkpoints[checkpoints.length - 1];
      for (int t = 1; t <= last; t++) {
        step(pixels, offset);
        if (trace != null) {
          System.arraycopy(spikingCount, 0, trace.spikes()[t - 1], 0, spikingCount.length);
        }
        if (t == checkpoints[next]) {
          float[] out = readout();
          if (trace != null) {
            trace.output()[next] = out.clone();
          }
          tally.score(next, out, images.labels()[sample]);
          tally.synapticOps[next] += syn;
          tally.neuronOps[next] += neu;
          tally.spikes[next] += spk;
          next++;
        }
      }
    }

    private void step(float[] pixels, int offset) {
      for (int s = 0; s < stages.size(); s++) {
        ConvertedNetwork.Stage stage = stages.get(s);
        float[] pot = v[s];
        int[] out = spiking[s];
        int n = 0;
        switch (stage.kind()) {
          case INPUT -> {
            float inv = (float) (1 / stage.scale());
            if (populations[s] != null) {
              float[] x = input[s];
              for (int i = 0; i < x.length; i++) {
                x[i] = pixels[offset + i] * inv;
              }
              n = fire(s);
              neu += n;
            } else {
              for (int i = 0; i < pot.length; i++) {
                pot[i] += pixels[offset + i] * inv;
                if (pot[i] >= 1f) {
                  pot[i] -= 1f;
                  out[n++] = i;
                  neu++;
                }
              }
            }
            neu += 2L * pot.length;
          }
          case SPIKING, OUTPUT -> {
            float[] bias = stage.bias();
            boolean plugin = populations[s] != null;
            if (plugin) {
              // A population takes the step's summed input, bias first (as EngineRateRunner sums).
              pot = input[s];
              java.util.Arrays.fill(pot, 0f);
            }
            for (int i = 0; i < pot.length; i++) {
              if (bias[i] != 0f) {
                pot[i] += bias[i];
                neu++;
              }
            }
            for (int t = 0; t < stage.sources().length; t++) {
              int src = stage.sources()[t];
              int[] list = spiking[src];
              CsrMatrix w = stage.fanouts()[t];
              int[] ptr = w.rowPointers();
              int[] col = w.columnIndices();
              float[] val = w.values();
              for (int k = 0; k < spikingCount[src]; k++) {
                int j = list[k];
                syn += ptr[j + 1] - ptr[j];
                for (int q = ptr[j]; q < ptr[j + 1]; q++) {
                  pot[col[q]] += val[q];
                }
              }
            }
            if (plugin) {
              n = fire(s);
              if (stage.kind() == StageKind.SPIKING) {
                neu += n + pot.length;
              }
            } else if (stage.kind() == StageKind.SPIKING) {
              for (int i = 0; i < pot.length; i++) {
                if (pot[i] >= 1f) {
                  pot[i] -= 1f;
                  out[n++] = i;
                  neu++;
                }
              }
              neu += pot.length;
            }
          }
          case MAX_POOL -> {
            int src = stage.sources()[0];
            int[] count = counts[src];
            int[] list = spiking[src];
            for (int k = 0; k < spikingCount[src]; k++) {
              count[list[k]]++;
            }
            CsrMatrix w = stage.poolWindows();
            int[] ptr = w.rowPointers();
            int[] col = w.columnIndices();
            boolean[] fired = firedScratch(src, list, spikingCount[src]);
            for (int i = 0; i < pot.length; i++) {
              // Gate: pass the spike of the input with the most spikes so far (Rueckauer et al.
              // 2017, Sec. 2.3).
              int best = -1;
              int bestCount = 0;
              for (int q = ptr[i]; q < ptr[i + 1]; q++) {
                if (count[col[q]] > bestCount) {
                  bestCount = count[col[q]];
                  best = col[q];
                }
              }
              neu += ptr[i + 1] - ptr[i];
              if (best >= 0 && fired[best]) {
                out[n++] = i;
              }
            }
            clearScratch(list, spikingCount[src]);
          }
          default -> throw new AssertionError(stage.kind());
        }
        spikingCount[s] = n;
        spk += n;
      }
    }

    private boolean[] scratch;

    private boolean[] firedScratch(int src, int[] list, int n) {
      if (scratch == null || scratch.length < stages.get(src).neurons()) {
        scratch = new boolean[maxNeurons()];
      }
      for (int k = 0; k < n; k++) {
        scratch[list[k]] = true;
      }
      return scratch;
    }

    private void clearScratch(int[] list, int n) {
      for (int k = 0; k < n; k++) {
        scratch[list[k]] = false;
      }
    }

    private int maxNeurons() {
      int m = 0;
      for (ConvertedNetwork.Stage s : stages) {
        m = Math.max(m, s.neurons());
      }
      return m;
    }
  }
}
