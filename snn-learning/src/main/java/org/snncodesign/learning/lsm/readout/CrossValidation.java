package org.snncodesign.learning.lsm.readout;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.snncodesign.api.Checks;

/**
 * The outcome of choosing a regularisation strength by k-fold cross-validation: the mean held-out
 * accuracy of each candidate and the readout refitted on all training data with the best one (ties
 * go to the larger lambda, the simpler model).
 *
 * @param lambdas candidates, as given
 * @param accuracies mean held-out accuracy per candidate
 * @param bestLambda the chosen strength
 * @param readout refitted with {@code bestLambda} on all the data
 */
public record CrossValidation(
    List<Double> lambdas, List<Double> accuracies, double bestLambda, LinearReadout readout) {

  /**
   * Stratified folds: samples are shuffled with {@code seed}, grouped by label, and dealt round
   * robin, so every fold holds nearly the same share of each class. Returns the fold of each
   * sample.
   */
  public static int[] stratifiedFolds(int[] labels, int folds, long seed) {
    Checks.checkArgument(folds >= 2, "cross-validation needs at least 2 folds, got %d", folds);
    Checks.checkArgument(
        labels.length >= folds, "%d samples cannot fill %d folds", labels.length, folds);
    int n = labels.length;
    Integer[] order = new Integer[n];
    SplittableRandom random = new SplittableRandom(seed);
    int[] shuffled = new int[n];
    Arrays.setAll(shuffled, i -> i);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
    for (int i = 0; i < n; i++) {
      order[i] = shuffled[i];
    }
    Arrays.sort(order, (a, b) -> Integer.compare(labels[a], labels[b]));
    int[] fold = new int[n];
    for (int i = 0; i < n; i++) {
      fold[order[i]] = i % folds;
    }
    return fold;
  }

  static int best(double[] lambdas, double[] accuracy) {
    int best = 0;
    for (int i = 1; i < lambdas.length; i++) {
      if (accuracy[i] > accuracy[best] + 1e-12
          || (Math.abs(accuracy[i] - accuracy[best]) <= 1e-12 && lambdas[i] > lambdas[best])) {
        best = i;
      }
    }
    return best;
  }

  static List<Double> list(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
