package org.snncodesign.datasets.split;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.snncodesign.api.Checks;
import org.snncodesign.api.dataset.LabeledDataset;

/**
 * Deterministic train / validation / test splits. The same data, fractions and seed give the same
 * split on every machine ({@link SplittableRandom} is specified bit for bit). A stratified split
 * cuts each class separately, so every part keeps the class proportions up to one sample per class
 * (per class, the train part gets {@code round(n_c * train)} samples and the validation part {@code
 * round(n_c * (train + validation))} minus that). Within each part samples keep their original
 * order; shuffle per epoch with {@link BatchIterator}.
 */
public final class DatasetSplitter {
  private DatasetSplitter() {}

  /** A split that keeps each class's share in every part. */
  public static DatasetSplit stratified(
      LabeledDataset data, double train, double validation, long seed) {
    checkFractions(train, validation);
    int[] counts = data.labelCounts();
    int[][] byClass = new int[counts.length][];
    for (int c = 0; c < counts.length; c++) {
      byClass[c] = new int[counts[c]];
    }
    int[] fill = new int[counts.length];
    int[] labels = data.labels();
    for (int i = 0; i < labels.length; i++) {
      byClass[labels[i]][fill[labels[i]]++] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] trainIdx = new int[labels.length];
    int[] valIdx = new int[labels.length];
    int[] testIdx = new int[labels.length];
    int nTrain = 0;
    int nVal = 0;
    int nTest = 0;
    for (int[] members : byClass) {
      shuffle(members, random);
      int cutTrain = (int) Math.round(members.length * train);
      int cutVal =
          Math.max(
              cutTrain,
              (int) Math.min(members.length, Math.round(members.length * (train + validation))));
      for (int k = 0; k < members.length; k++) {
        if (k < cutTrain) {
          trainIdx[nTrain++] = members[k];
        } else if (k < cutVal) {
          valIdx[nVal++] = members[k];
        } else {
          testIdx[nTest++] = members[k];
        }
      }
    }
    return parts(data, trainIdx, nTrain, valIdx, nVal, testIdx, nTest);
  }

  /**
   * A split that ignores labels: one shuffle, then cuts at {@code round(n * train)} and {@code
   * round(n * (train + validation))}.
   */
  public static DatasetSplit random(
      LabeledDataset data, double train, double validation, long seed) {
    checkFractions(train, validation);
    int n = data.samples();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    shuffle(order, new SplittableRandom(seed));
    int cutTrain = (int) Math.round(n * train);
    int cutVal = Math.max(cutTrain, (int) Math.min(n, Math.round(n * (train + validation))));
    return parts(
        data,
        Arrays.copyOfRange(order, 0, cutTrain),
        cutTrain,
        Arrays.copyOfRange(order, cutTrain, cutVal),
        cutVal - cutTrain,
        Arrays.copyOfRange(order, cutVal, n),
        n - cutVal);
  }

  /**
   * The samples at {@code indices}, in that order, with the same shape and classes.
   *
   * @throws IllegalArgumentException naming an index outside the data set
   */
  public static LabeledDataset select(LabeledDataset data, int[] indices, String name) {
    int size = data.sampleSize();
    float[] source = data.features();
    int[] sourceLabels = data.labels();
    float[] features = new float[Math.multiplyExact(indices.length, size)];
    int[] labels = new int[indices.length];
    for (int k = 0; k < indices.length; k++) {
      int i = indices[k];
      Checks.checkArgument(
          i >= 0 && i < sourceLabels.length,
          "index %d (position %d) outside [0, %d)",
          i,
          k,
          sourceLabels.length);
      System.arraycopy(source, i * size, features, k * size, size);
      labels[k] = sourceLabels[i];
    }
    return new LabeledDataset(name, data.shape(), features, labels, data.classNames());
  }

  /**
   * The samples of {@code first} followed by those of {@code second}, which must share its sample
   * shape and classes (a training part and its test part).
   *
   * @throws IllegalArgumentException when the shapes or the class names differ
   */
  public static LabeledDataset concat(LabeledDataset first, LabeledDataset second, String name) {
    Checks.checkArgument(
        Arrays.equals(first.shape(), second.shape())
            && first.classNames().equals(second.classNames()),
        "cannot join %s (shape %s, classes %s) and %s (shape %s, classes %s)",
        first.name(),
        Arrays.toString(first.shape()),
        first.classNames(),
        second.name(),
        Arrays.toString(second.shape()),
        second.classNames());
    float[] features =
        Arrays.copyOf(first.features(), first.features().length + second.features().length);
    System.arraycopy(
        second.features(), 0, features, first.features().length, second.features().length);
    int[] labels = Arrays.copyOf(first.labels(), first.samples() + second.samples());
    System.arraycopy(second.labels(), 0, labels, first.samples(), second.samples());
    return new LabeledDataset(name, first.shape(), features, labels, first.classNames());
  }

  /** Fisher-Yates shuffle of {@code values} in place (Knuth, TAOCP vol. 2, Algorithm 3.4.2 P). */
  static void shuffle(int[] values, SplittableRandom random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }

  private static DatasetSplit parts(
      LabeledDataset data, int[] train, int nTrain, int[] val, int nVal, int[] test, int nTest) {
    int[] t = Arrays.copyOf(train, nTrain);
    int[] v = Arrays.copyOf(val, nVal);
    int[] s = Arrays.copyOf(test, nTest);
    Arrays.sort(t);
    Arrays.sort(v);
    Arrays.sort(s);
    return new DatasetSplit(
        select(data, t, data.name() + "#train"),
        select(data, v, data.name() + "#validation"),
        select(data, s, data.name() + "#test"));
  }

  private static void checkFractions(double train, double validation) {
    Checks.checkArgument(
        train >= 0 && train <= 1, "train fraction must be in [0, 1], got %s", train);
    Checks.checkArgument(
        validation >= 0 && validation <= 1,
        "validation fraction must be in [0, 1], got %s",
        validation);
    Checks.checkArgument(
        train + validation <= 1 + 1e-12,
        "train + validation fractions must be <= 1, got %s + %s",
        train,
        validation);
  }
}
