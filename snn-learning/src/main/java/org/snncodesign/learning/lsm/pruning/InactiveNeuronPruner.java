package org.snncodesign.learning.lsm.pruning;

import java.util.Arrays;
import java.util.Comparator;
import org.snncodesign.api.Checks;
import org.snncodesign.learning.lsm.Liquid;
import org.snncodesign.learning.lsm.readout.LinearReadout;

/**
 * Inactive-neuron pruning of a liquid: neurons are scored by their activity over the training set (or by how much
 * the readout relies on them), the lowest-scoring are removed together with every synapse from or to them and
 * their readout weights, and the readout is then retrained on the smaller liquid's states. A neuron that never
 * fires on the training set contributes no feature and no recurrent input, so removing it changes nothing the
 * readout sees; removing rarely firing neurons perturbs the dynamics slightly, which retraining absorbs.
 */
public final class InactiveNeuronPruner {
  private InactiveNeuronPruner() {}

  /** Neurons that spiked fewer than {@code minSpikes} times: the inactive ones. */
  public static int countInactive(long[] activity, long minSpikes) {
    int count = 0;
    for (long a : activity) {
      count += a < minSpikes ? 1 : 0;
    }
    return count;
  }

  /** Neurons that spiked at least {@code minSpikes} times, ascending. */
  public static int[] active(long[] activity, long minSpikes) {
    return java.util.stream.IntStream.range(0, activity.length).filter(i -> activity[i] >= minSpikes).toArray();
  }

  /** Score per neuron for a ranking. */
  public static double[] scores(NeuronRanking ranking, long[] activity, LinearReadout readout, int bins) {
    int n = activity.length;
    double[] score = new double[n];
    if (ranking == NeuronRanking.ACTIVITY) {
      for (int i = 0; i < n; i++) {
        score[i] = activity[i];
      }
      return score;
    }
    Checks.checkArgument(readout != null, "ranking by readout weight needs a trained readout");
    Checks.checkArgument(readout.dimension() == (long) bins * n,
        "readout has %d features but %d bins x %d neurons were given", readout.dimension(), bins, n);
    double[] importance = readout.featureImportance();
    for (int b = 0; b < bins; b++) {
      for (int i = 0; i < n; i++) {
        score[i] += importance[b * n + i];
      }
    }
    return score;
  }

  /**
   * The {@code keep} highest-scoring neurons, ascending by index; ties keep the lower index (deterministic).
   */
  public static int[] keepTop(double[] score, int keep) {
    Checks.checkArgument(keep >= 1 && keep <= score.length, "keep must be in [1, %d], got %d", score.length,
        keep);
    Integer[] order = new Integer[score.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparingInt(i -> i));
    int[] kept = new int[keep];
    for (int i = 0; i < keep; i++) {
      kept[i] = order[i];
    }
    Arrays.sort(kept);
    return kept;
  }

  /** The liquid without the neurons outside {@code keep} (their synapses dropped). */
  public static Liquid prune(Liquid liquid, int[] keep) {
    return liquid.subLiquid(keep);
  }
}
