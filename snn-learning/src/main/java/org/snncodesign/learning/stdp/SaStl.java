package org.snncodesign.learning.stdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.snncodesign.api.Checks;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.learning.distance.VanRossumDistance;
import org.snncodesign.learning.distance.VictorPurpuraDistance;
import org.snncodesign.learning.lsm.Liquid;
import org.snncodesign.learning.lsm.LiquidSimulator;

/**
 * STDP-assisted spike timing learning (SA-STL): trains the recurrent synapses onto designated output neurons of a
 * liquid so that those neurons fire the target spike trains, while keeping only the most relevant of those
 * synapses.
 *
 * <p>Timing learning is the remote supervised rule (ReSuMe; Ponulak &amp; Kasiński 2010, Neural Computation
 * 22:467): after each presentation (the liquid run on the engine), for every output j and step t,
 * {@code dw_ij = eta [S_target_j(t) - S_out_j(t)] (a + x_i(t))}, x_i the presynaptic trace with time constant
 * tau. Relevance is the STDP pairing of each presynaptic train with the target train,
 * {@code r_ij = | sum_t x_i(t) S_target_j(t) - y_j(t) S_i(t) |} (potentiation minus depression of pair STDP with
 * y_j the target's trace), accumulated over presentations. Every {@code pruneEvery} epochs during the first half
 * of training the least relevant live synapses are removed, the live share falling linearly to
 * {@code keepFraction}; the rest of training tunes the survivors. Removed synapses stay in the matrix with weight
 * 0 while training and are dropped from {@link Result#learner()}. Excitatory synapses stay >= 0 and inhibitory
 * ones <= 0 (Dale's law).
 */
public final class SaStl {

  /**
   * Training settings.
   *
   * @param epochs presentations, >= 1
   * @param learningRate eta
   * @param bias the non-Hebbian term a of ReSuMe
   * @param traceTauSteps tau of the traces, in steps
   * @param keepFraction share of the trainable synapses kept at the end, in (0, 1]
   * @param pruneEvery epochs between pruning rounds
   * @param distanceTauSteps tau of the van Rossum distance, in steps
   * @param victorPurpuraCost q of the Victor-Purpura distance, per step
   */
  public record Settings(int epochs, double learningRate, double bias, double traceTauSteps, double keepFraction,
      int pruneEvery, double distanceTauSteps, double victorPurpuraCost) {
    public Settings {
      Checks.positive(epochs, "epochs");
      Checks.positive(learningRate, "learningRate");
      Checks.checkArgument(bias >= 0, "bias must be >= 0, got %s", bias);
      Checks.positive(traceTauSteps, "traceTauSteps");
      Checks.checkArgument(keepFraction > 0 && keepFraction <= 1, "keepFraction must be in (0, 1], got %s",
          keepFraction);
      Checks.positive(pruneEvery, "pruneEvery");
      Checks.positive(distanceTauSteps, "distanceTauSteps");
      Checks.checkArgument(victorPurpuraCost >= 0, "Victor-Purpura cost must be >= 0, got %s",
          victorPurpuraCost);
    }

    /** The same settings with another kept fraction. */
    public Settings keeping(double fraction) {
      return new Settings(epochs, learningRate, bias, traceTauSteps, fraction, pruneEvery, distanceTauSteps,
          victorPurpuraCost);
    }
  }

  /**
   * The outcome of training.
   *
   * @param learner the trained liquid, removed synapses dropped
   * @param trainableSynapses synapses onto the outputs at the start
   * @param keptSynapses of those, the ones alive at the end
   * @param vanRossum mean van Rossum distance per output between produced and target trains, per epoch
   * @param victorPurpura mean Victor-Purpura distance per output, per epoch
   */
  public record Result(Liquid learner, int trainableSynapses, int keptSynapses, List<Double> vanRossum,
      List<Double> victorPurpura) {

    /** Distance after the last epoch. */
    public double finalVanRossum() {
      return vanRossum.get(vanRossum.size() - 1);
    }

    public double finalVictorPurpura() {
      return victorPurpura.get(victorPurpura.size() - 1);
    }

    /** Mean van Rossum distance over the last {@code count} epochs (smooths epoch-to-epoch jitter). */
    public double meanVanRossumOfLast(int count) {
      return vanRossum.subList(Math.max(0, vanRossum.size() - count), vanRossum.size()).stream()
          .mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    public double keptShare() {
      return trainableSynapses == 0 ? 1 : (double) keptSynapses / trainableSynapses;
    }
  }

  private final Settings settings;

  public SaStl(Settings settings) {
    this.settings = settings;
  }

  /**
   * Trains a copy of {@code liquid}.
   *
   * @param outputs indices of the output neurons, distinct
   * @param input the input presented every epoch
   * @param targets target spikes, {@code input.timeSteps() x outputs.length}
   */
  public Result train(Liquid liquid, int[] outputs, SpikeRaster input, SpikeRaster targets) {
    Checks.checkArgument(targets.neurons() == outputs.length, "targets have %d trains but there are %d outputs",
        targets.neurons(), outputs.length);
    Checks.checkArgument(targets.timeSteps() == input.timeSteps(), "targets span %d steps but the input %d",
        targets.timeSteps(), input.timeSteps());
    Liquid learner = liquid.copy();
    int n = learner.neurons();
    int[] outputOf = new int[n];
    Arrays.fill(outputOf, -1);
    for (int o = 0; o < outputs.length; o++) {
      Checks.checkArgument(outputs[o] >= 0 && outputs[o] < n, "output neuron %d outside [0, %d)", outputs[o], n);
      Checks.checkArgument(outputOf[outputs[o]] < 0, "output neuron %d is listed twice", outputs[o]);
      outputOf[outputs[o]] = o;
    }
    CsrMatrix w = learner.recurrent();
    int[] rp = w.rowPointers();
    int[] ci = w.columnIndices();
    float[] values = w.values();
    // Trainable synapses grouped by output: entry index and presynaptic neuron.
    List<int[]> entries = new ArrayList<>();
    int[][] byOutputEntries = new int[outputs.length][];
    int[][] byOutputRows = new int[outputs.length][];
    int[] counts = new int[outputs.length];
    for (int k = 0; k < ci.length; k++) {
      if (outputOf[ci[k]] >= 0) {
        counts[outputOf[ci[k]]]++;
      }
    }
    for (int o = 0; o < outputs.length; o++) {
      byOutputEntries[o] = new int[counts[o]];
      byOutputRows[o] = new int[counts[o]];
    }
    int[] fill = new int[outputs.length];
    for (int r = 0; r < n; r++) {
      for (int k = rp[r]; k < rp[r + 1]; k++) {
        int o = outputOf[ci[k]];
        if (o >= 0) {
          byOutputEntries[o][fill[o]] = k;
          byOutputRows[o][fill[o]++] = r;
          entries.add(new int[] {k, r});
        }
      }
    }
    int trainable = entries.size();
    boolean[] alive = new boolean[values.length];
    Arrays.fill(alive, true);
    double[] relevance = new double[values.length];
    double[] delta = new double[values.length];
    double decay = Math.exp(-1 / settings.traceTauSteps());
    int steps = input.timeSteps();
    List<Double> vanRossum = new ArrayList<>();
    List<Double> victorPurpura = new ArrayList<>();
    int[][] targetTimes = new int[outputs.length][];
    for (int o = 0; o < outputs.length; o++) {
      targetTimes[o] = targets.train(o).times();
    }
    int liveCount = trainable;
    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
      SpikeRaster spikes = new LiquidSimulator(learner, 0).raster(input);
      record(spikes, outputs, targetTimes, vanRossum, victorPurpura);
      Arrays.fill(delta, 0);
      double[] x = new double[n];
      double[] y = new double[outputs.length];
      for (int t = 0; t < steps; t++) {
        for (int o = 0; o < outputs.length; o++) {
          int err = (targets.get(t, o) ? 1 : 0) - (spikes.get(t, outputs[o]) ? 1 : 0);
          boolean targetSpike = targets.get(t, o);
          int[] ks = byOutputEntries[o];
          int[] rows = byOutputRows[o];
          for (int e = 0; e < ks.length; e++) {
            int k = ks[e];
            int i = rows[e];
            if (err != 0) {
              delta[k] += settings.learningRate() * err * (settings.bias() + x[i]);
            }
            // Pair STDP of the presynaptic train against the target train: pre-before-target potentiates,
            // target-before-pre depresses.
            if (targetSpike) {
              relevance[k] += x[i];
            }
            if (spikes.get(t, i)) {
              relevance[k] -= y[o];
            }
          }
        }
        for (int i = 0; i < n; i++) {
          x[i] = x[i] * decay + (spikes.get(t, i) ? 1 : 0);
        }
        for (int o = 0; o < outputs.length; o++) {
          y[o] = y[o] * decay + (targets.get(t, o) ? 1 : 0);
        }
      }
      for (int[] entry : entries) {
        int k = entry[0];
        if (alive[k]) {
          float updated = (float) (values[k] + delta[k]);
          values[k] = learner.isExcitatory(entry[1]) ? Math.max(0f, updated) : Math.min(0f, updated);
        }
      }
      int half = Math.max(1, settings.epochs() / 2);
      if ((epoch + 1) % settings.pruneEvery() == 0 && epoch < half) {
        double progress = Math.min(1.0, (epoch + 1.0) / half);
        int target = (int) Math.ceil(trainable * (1 - (1 - settings.keepFraction()) * progress));
        liveCount = prune(entries, alive, relevance, values, liveCount - target);
      }
    }
    // Final state after the last update.
    SpikeRaster spikes = new LiquidSimulator(learner, 0).raster(input);
    record(spikes, outputs, targetTimes, vanRossum, victorPurpura);
    Liquid compact = learner.withSynapses(dropDead(w, alive), learner.input());
    return new Result(compact, trainable, liveCount, List.copyOf(vanRossum), List.copyOf(victorPurpura));
  }

  private void record(SpikeRaster spikes, int[] outputs, int[][] targetTimes, List<Double> vanRossum,
      List<Double> victorPurpura) {
    double vr = 0;
    double vp = 0;
    for (int o = 0; o < outputs.length; o++) {
      int[] produced = spikes.train(outputs[o]).times();
      vr += VanRossumDistance.distance(produced, targetTimes[o], settings.distanceTauSteps());
      vp += VictorPurpuraDistance.distance(produced, targetTimes[o], settings.victorPurpuraCost());
    }
    vanRossum.add(vr / outputs.length);
    victorPurpura.add(vp / outputs.length);
  }

  /** Removes the {@code count} least relevant live synapses; returns the live count left. */
  private static int prune(List<int[]> entries, boolean[] alive, double[] relevance, float[] values, int count) {
    int live = 0;
    for (int[] e : entries) {
      live += alive[e[0]] ? 1 : 0;
    }
    if (count <= 0) {
      return live;
    }
    int[] candidates = entries.stream().mapToInt(e -> e[0]).filter(k -> alive[k]).toArray();
    Integer[] order = Arrays.stream(candidates).boxed().toArray(Integer[]::new);
    Arrays.sort(order, (a, b) -> {
      int c = Double.compare(Math.abs(relevance[a]), Math.abs(relevance[b]));
      return c != 0 ? c : Integer.compare(a, b);
    });
    int removed = Math.min(count, order.length);
    for (int i = 0; i < removed; i++) {
      alive[order[i]] = false;
      values[order[i]] = 0f;
    }
    return live - removed;
  }

  private static CsrMatrix dropDead(CsrMatrix w, boolean[] alive) {
    int rows = w.rows();
    int[] rp = w.rowPointers();
    int[] pointers = new int[rows + 1];
    int count = 0;
    for (boolean a : alive) {
      count += a ? 1 : 0;
    }
    int[] columns = new int[count];
    float[] values = new float[count];
    int k2 = 0;
    for (int r = 0; r < rows; r++) {
      for (int k = rp[r]; k < rp[r + 1]; k++) {
        if (alive[k]) {
          columns[k2] = w.columnIndices()[k];
          values[k2++] = w.values()[k];
        }
      }
      pointers[r + 1] = k2;
    }
    return new CsrMatrix(rows, w.cols(), pointers, columns, values);
  }
}
