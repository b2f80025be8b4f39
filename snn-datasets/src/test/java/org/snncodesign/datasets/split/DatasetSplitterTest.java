package org.snncodesign.datasets.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.datasets.digits.EmbeddedDigits;

class DatasetSplitterTest {

  /** Sample i holds the single value i, so parts can be traced back to their source samples. */
  private static LabeledDataset traced(int n, int classes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] features = new float[n];
    int[] labels = new int[n];
    List<String> names = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      names.add("c" + c);
    }
    for (int i = 0; i < n; i++) {
      features[i] = i;
      labels[i] = random.nextInt(classes);
    }
    return new LabeledDataset("traced", new int[] {1}, features, labels, names);
  }

  private static List<Integer> ids(LabeledDataset part) {
    List<Integer> ids = new ArrayList<>();
    for (float f : part.features()) {
      ids.add((int) f);
    }
    return ids;
  }

  @Test
  @DisplayName(
      "for many seeds and sizes the three parts are disjoint, cover every sample and keep labels")
  void partitionLaw() {
    SplittableRandom cases = new SplittableRandom(42);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + cases.nextInt(300);
      LabeledDataset data = traced(n, 1 + cases.nextInt(6), cases.nextLong());
      double train = cases.nextDouble();
      double validation = cases.nextDouble() * (1 - train);
      long seed = cases.nextLong();
      DatasetSplit split =
          trial % 2 == 0
              ? DatasetSplitter.stratified(data, train, validation, seed)
              : DatasetSplitter.random(data, train, validation, seed);
      List<Integer> all = new ArrayList<>(ids(split.train()));
      all.addAll(ids(split.validation()));
      all.addAll(ids(split.test()));
      assertThat(all).hasSize(n).doesNotHaveDuplicates();
      for (LabeledDataset part :
          new LabeledDataset[] {split.train(), split.validation(), split.test()}) {
        for (int k = 0; k < part.samples(); k++) {
          assertThat(part.labels()[k]).isEqualTo(data.labels()[(int) part.features()[k]]);
        }
      }
    }
  }

  @Test
  @DisplayName("a stratified split keeps each class's share within one sample per class")
  void stratification() {
    LabeledDataset digits = EmbeddedDigits.load();
    DatasetSplit split = DatasetSplitter.stratified(digits, 0.7, 0.1, 3);
    int[] all = digits.labelCounts();
    int[] train = split.train().labelCounts();
    int[] validation = split.validation().labelCounts();
    for (int c = 0; c < all.length; c++) {
      assertThat((double) train[c])
          .isCloseTo(all[c] * 0.7, org.assertj.core.data.Offset.offset(1.0));
      assertThat((double) validation[c])
          .isCloseTo(all[c] * 0.1, org.assertj.core.data.Offset.offset(1.0));
    }
  }

  @Test
  @DisplayName(
      "joining the train and test parts of a split gives every sample once, and other shapes are"
          + " refused")
  void concatInvertsASplit() {
    LabeledDataset data = traced(30, 3, 5);
    DatasetSplit split = DatasetSplitter.stratified(data, 0.8, 0, 9);
    LabeledDataset joined = DatasetSplitter.concat(split.train(), split.test(), "joined");
    assertThat(joined.samples()).isEqualTo(30);
    assertThat(ids(joined)).doesNotHaveDuplicates().hasSize(30);
    assertThat(joined.sample(joined.samples() - 1))
        .isEqualTo(split.test().sample(split.test().samples() - 1));
    assertThatThrownBy(() -> DatasetSplitter.concat(data, EmbeddedDigits.load(), "x"))
        .hasMessageContaining("cannot join");
  }

  @Test
  @DisplayName("the same seed gives the same split, another seed another one")
  void determinism() {
    LabeledDataset digits = EmbeddedDigits.load();
    DatasetSplit a = DatasetSplitter.stratified(digits, 0.8, 0.0, 11);
    DatasetSplit b = DatasetSplitter.stratified(digits, 0.8, 0.0, 11);
    DatasetSplit c = DatasetSplitter.stratified(digits, 0.8, 0.0, 12);
    assertThat(a.test().features()).isEqualTo(b.test().features());
    assertThat(a.test().features()).isNotEqualTo(c.test().features());
    assertThat(a.validation().samples()).isZero();
  }

  @Test
  @DisplayName("fractions outside [0, 1] or summing past 1 are refused by value")
  void badFractions() {
    LabeledDataset digits = EmbeddedDigits.load();
    assertThatThrownBy(() -> DatasetSplitter.stratified(digits, 0.8, 0.3, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.8 + 0.3");
    assertThatThrownBy(() -> DatasetSplitter.random(digits, -0.1, 0, 1))
        .hasMessageContaining("-0.1");
  }
}
