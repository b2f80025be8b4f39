package org.snncodesign.learning.lsm.pruning;

import java.util.Arrays;
import java.util.Comparator;
import org.snncodesign.api.Checks;
import org.snncodesign.learning.lsm.Liquid;
import org.snncodesign.learning.lsm.readout.Features;
import org.snncodesign.learning.lsm.readout.LinearReadout;

/**
 * Inactive-neuron pruning of a liquid: neurons are scored by their activity over the training set
 * (or by how much the readout relies on them), the lowest-scoring are removed together with every
 * synapse from or to them and their readout weights, and the readout is then retrained on the
 * smaller liquid's states. A neuron that never fires on the training set contributes no feature and
 * no recurrent input, so removing it changes nothing the readout sees; removing rarely firing
 * neurons perturbs the dynamics slightly, which retraining absorbs.
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
    return java.util.stream.IntStream.range(0, activity.length)
        .filter(i -> activity[i] >= minSpikes)
        .toArray();
  }

  /**
   * Score per neuron for any ranking: {@link NeuronRanking#FISHER} needs the training states and
   * labels, the others ignore them.
   */
  public static double[] scores(
      NeuronRanking ranking,
      long[] activity,
      LinearReadout readout,
      int bins,
      Features trainStates,
      int[] labels,
      int classes) {
    if (ranking == NeuronRanking.FISHER) {
      Checks.checkArgument(
          trainStates != null && labels != null, "ranking by Fisher ratio needs training states");
      return fisher(trainStates, labels, classes, bins);
    }
    return scores(ranking, activity, readout, bins);
  }

  /**
   * Per neuron, the sum over its {@code bins} features of the Fisher ratio {@code sum_c n_c (mu_c -
   * mu)^2 / sum_c sum_(s in c) (x_s - mu_c)^2}; a feature without within-class spread scores 0 if
   * it has no between-class spread either (a silent neuron), else the ratio with a tiny floor on
   * the denominator. Feature {@code b * neurons + i} is neuron i in bin b.
   */
  public static double[] fisher(Features states, int[] labels, int classes, int bins) {
    Checks.checkArgument(
        labels.length == states.samples(),
        "%d labels for %d samples",
        labels.length,
        states.samples());
    Checks.checkArgument(
        states.dimension() % bins == 0,
        "%d features are not a multiple of %d bins",
        states.dimension(),
        bins);
    int d = states.dimension();
    int n = d / bins;
    double[] classSum = new double[classes * d];
    double[] classSq = new double[classes * d];
    long[] count = new long[classes];
    float[] v = states.values();
    for (int s = 0; s < labels.length; s++) {
      int c = labels[s];
      Checks.checkArgument(
          c >= 0 && c < classes, "label %d of sample %d outside [0, %d)", c, s, classes);
      count[c]++;
      int base = s * d;
      int row = c * d;
      for (int j = 0; j < d; j++) {
        double x = v[base + j];
        classSum[row + j] += x;
        classSq[row + j] += x * x;
      }
    }
    double[] score = new double[n];
    long total = labels.length;
    for (int j = 0; j < d; j++) {
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        sum += classSum[c * d + j];
      }
      double mean = sum / Math.max(1, total);
      double between = 0;
      double within = 0;
      for (int c = 0; c < classes; c++) {
        if (count[c] == 0) {
          continue;
        }
        double mc = classSum[c * d + j] / count[c];
        between += count[c] * (mc - mean) * (mc - mean);
        within += Math.max(0, classSq[c * d + j] - count[c] * mc * mc);
      }
      if (between > 0) {
        score[j % n] += between / Math.max(within, 1e-9 * total);
      }
    }
    return score;
  }

  /** Score per neuron for a ranking that needs no training states (activity or readout weight). */
  public static double[] scores(
      NeuronRanking ranking, long[] activity, LinearReadout readout, int bins) {
    Checks.checkArgument(
        ranking != NeuronRanking.FISHER, "ranking by Fisher ratio needs training states");
    int n = activity.length;
    double[] score = new double[n];
    if (ranking == NeuronRanking.ACTIVITY) {
      for (int i = 0; i < n; i++) {
        score[i] = activity[i];
      }
      return score;
    }
    Checks.checkArgument(readout != null, "ranking by readout weight needs a trained readout");
    Checks.checkArgument(
        readout.dimension() == (long) bins * n,
        "readout has %d features but %d bins x %d neurons were given",
        readout.dimension(),
        bins,
        n);
    double[] importance = readout.featureImportance();
    for (int b = 0; b < bins; b++) {
      for (int i = 0; i < n; i++) {
        score[i] += importance[b * n + i];
      }
    }
    return score;
  }

  /**
   * The {@code keep} highest-scoring neurons, ascending by index; ties keep the lower index
   * (deterministic).
   */
  public static int[] keepTop(double[] score, int keep) {
    Checks.checkArgument(
        keep >= 1 && keep <= score.length, "keep must be in [1, %d], got %d", score.length, keep);
    Integer[] order = new Integer[score.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order, Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparingInt(i -> i));
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
