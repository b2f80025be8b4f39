package org.snncodesign.learning.lsm.readout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReadoutKindTest {

  /** Three Gaussian blobs in 4 dimensions, 30 samples each. */
  private static Features blobs(int[] labels) {
    SplittableRandom random = new SplittableRandom(11);
    float[] v = new float[labels.length * 4];
    for (int s = 0; s < labels.length; s++) {
      labels[s] = s % 3;
      for (int j = 0; j < 4; j++) {
        v[s * 4 + j] = (float) ((j == labels[s] ? 3 : 0) + random.nextGaussian());
      }
    }
    return new Features(labels.length, 4, v);
  }

  @Test
  @DisplayName(
      "each readout kind cross-validates its own model over its default lambdas and separates blobs")
  void kinds() {
    int[] labels = new int[90];
    Features x = blobs(labels);
    CrossValidation ridge =
        ReadoutKind.RIDGE.crossValidate(x, labels, 3, ReadoutKind.RIDGE.defaultLambdas(), 3, 1);
    CrossValidation direct =
        RidgeRegression.crossValidate(x, labels, 3, ReadoutKind.RIDGE.defaultLambdas(), 3, 1);
    assertThat(ridge.accuracies()).isEqualTo(direct.accuracies());
    assertThat(ridge.readout().method()).isEqualTo("ridge");
    CrossValidation logistic =
        ReadoutKind.LOGISTIC.crossValidate(
            x, labels, 3, ReadoutKind.LOGISTIC.defaultLambdas(), 3, 1);
    assertThat(logistic.readout().method()).isEqualTo("logistic");
    assertThat(logistic.lambdas()).containsExactly(1e-4, 1e-3, 1e-2);
    assertThat(logistic.readout().accuracy(x, labels)).isGreaterThan(0.85);
    assertThat(ReadoutKind.LOGISTIC.label()).isEqualTo("logistic");
    assertThat(ReadoutKind.LOGISTIC.iterations())
        .isEqualTo(ReadoutKind.DEFAULT_LOGISTIC_ITERATIONS);
  }

  @Test
  @DisplayName(
      "a logistic readout with more steps fits its training data at least as well, and steps must be positive")
  void logisticSteps() {
    int[] labels = new int[90];
    Features x = blobs(labels);
    double[] lambda = {1e-3};
    CrossValidation short_ = ReadoutKind.logistic(2).crossValidate(x, labels, 3, lambda, 3, 1);
    CrossValidation long_ = ReadoutKind.logistic(300).crossValidate(x, labels, 3, lambda, 3, 1);
    assertThat(long_.readout().accuracy(x, labels))
        .isGreaterThanOrEqualTo(short_.readout().accuracy(x, labels));
    assertThat(ReadoutKind.logistic(300).toString()).isEqualTo("logistic (300 steps)");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReadoutKind.logistic(0))
        .hasMessageContaining("iterations");
  }
}
