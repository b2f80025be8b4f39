package org.snncodesign.learning.lsm.readout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

  @Test
  @DisplayName("logistic regression separates Gaussian blobs on held-out samples")
  void separatesBlobs() {
    int[] labels = new int[300];
    Features x = RidgeRegressionTest.blobs(300, 8, 3, 21, labels);
    int[] train = java.util.stream.IntStream.range(0, 200).toArray();
    int[] test = java.util.stream.IntStream.range(200, 300).toArray();
    CrossValidation cv =
        LogisticRegression.crossValidate(
            x.rows(train), Arrays.copyOf(labels, 200), 3, new double[] {1e-3, 1e-1}, 3, 200, 1);
    assertThat(cv.readout().method()).isEqualTo("logistic");
    assertThat(cv.readout().accuracy(x.rows(test), Arrays.copyOfRange(labels, 200, 300)))
        .isGreaterThan(0.9);
  }

  @Test
  @DisplayName("more iterations never raise the regularised loss (accelerated gradient converges)")
  void lossDecreasesWithIterations() {
    int[] labels = new int[120];
    Features x = RidgeRegressionTest.blobs(120, 5, 3, 8, labels);
    double[] z = standardized(x);
    int[] rows = java.util.stream.IntStream.range(0, 120).toArray();
    double previous = Double.POSITIVE_INFINITY;
    for (int iterations : new int[] {5, 50, 500}) {
      double[] wb = LogisticRegression.train(z, 5, labels, rows, 3, 0.01, iterations);
      double loss = loss(z, 5, labels, 3, 0.01, wb);
      assertThat(loss).isLessThanOrEqualTo(previous + 1e-9);
      previous = loss;
    }
    // At the optimum the gradient vanishes: compare with a long run.
    double[] optimum = LogisticRegression.train(z, 5, labels, rows, 3, 0.01, 5000);
    assertThat(previous - loss(z, 5, labels, 3, 0.01, optimum)).isLessThan(1e-4);
  }

  @Test
  @DisplayName(
      "with fewer samples than features the dual coordinates reach the primal fit's weights and loss")
  void dualMatchesPrimal() {
    int[] labels = new int[60];
    Features x = RidgeRegressionTest.blobs(60, 150, 3, 5, labels);
    double[] z = standardized(x);
    int[] rows = java.util.stream.IntStream.range(0, 60).filter(s -> s % 5 != 0).toArray();
    assertThat(LogisticRegression.Coordinates.choose(z, 60, 150))
        .isInstanceOf(LogisticRegression.Dual.class);
    for (int iterations : new int[] {20, 400}) {
      double[] primal = LogisticRegression.train(z, 150, labels, rows, 3, 0.05, iterations);
      double[] dual = LogisticRegression.trainDual(z, 150, labels, rows, 3, 0.05, iterations);
      double scale = Arrays.stream(primal).map(Math::abs).max().orElseThrow();
      for (int i = 0; i < primal.length; i++) {
        assertThat(dual[i]).isCloseTo(primal[i], org.assertj.core.data.Offset.offset(2e-3 * scale));
      }
      assertThat(loss(z, 150, labels, rows, 3, 0.05, dual))
          .isCloseTo(
              loss(z, 150, labels, rows, 3, 0.05, primal),
              org.assertj.core.data.Offset.offset(1e-4));
    }
  }

  private static double[] standardized(Features x) {
    return Standardizer.fit(x).apply(x);
  }

  private static double loss(double[] z, int d, int[] labels, int k, double lambda, double[] wb) {
    return loss(
        z, d, labels, java.util.stream.IntStream.range(0, labels.length).toArray(), k, lambda, wb);
  }

  private static double loss(
      double[] z, int d, int[] labels, int[] rows, int k, double lambda, double[] wb) {
    double total = 0;
    int n = rows.length;
    for (int s : rows) {
      double[] score = new double[k];
      for (int c = 0; c < k; c++) {
        score[c] = wb[d * k + c];
        for (int j = 0; j < d; j++) {
          score[c] += z[s * d + j] * wb[j * k + c];
        }
      }
      double max = Arrays.stream(score).max().orElseThrow();
      double sum = 0;
      for (double v : score) {
        sum += Math.exp(v - max);
      }
      total += -(score[labels[s]] - max - Math.log(sum)) / n;
    }
    for (int i = 0; i < d * k; i++) {
      total += lambda / 2 * wb[i] * wb[i];
    }
    return total;
  }
}
