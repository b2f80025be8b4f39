package org.snncodesign.learning.lsm.readout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RidgeRegressionTest {

  /** Gaussian blobs: class c has mean 2 e_c in the first dimensions, unit noise everywhere. */
  static Features blobs(int n, int d, int classes, long seed, int[] labels) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] v = new float[n * d];
    for (int s = 0; s < n; s++) {
      labels[s] = s % classes;
      for (int j = 0; j < d; j++) {
        v[s * d + j] = (float) (gaussian(random) + (j == labels[s] ? 3.5 : 0));
      }
    }
    return new Features(n, d, v);
  }

  static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  /**
   * Scores by the textbook formula W = (Z^T Z + lambda I)^-1 Z^T T solved by Gaussian elimination.
   */
  static double[][] referenceScores(Features x, int[] labels, int classes, double lambda) {
    int n = x.samples();
    int d = x.dimension();
    double[] mean = new double[d];
    double[] sd = new double[d];
    for (int j = 0; j < d; j++) {
      for (int s = 0; s < n; s++) {
        mean[j] += x.values()[s * d + j] / n;
      }
      for (int s = 0; s < n; s++) {
        double e = x.values()[s * d + j] - mean[j];
        sd[j] += e * e / n;
      }
      sd[j] = Math.sqrt(sd[j]);
    }
    int m = d + 1;
    double[][] z = new double[n][m];
    for (int s = 0; s < n; s++) {
      for (int j = 0; j < d; j++) {
        z[s][j] = (x.values()[s * d + j] - mean[j]) / sd[j];
      }
      z[s][d] = 1;
    }
    double[][] a = new double[m][m + classes];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        for (int s = 0; s < n; s++) {
          a[i][j] += z[s][i] * z[s][j];
        }
      }
      a[i][i] += lambda;
      for (int s = 0; s < n; s++) {
        a[i][m + labels[s]] += z[s][i];
      }
    }
    for (int c = 0; c < m; c++) {
      for (int r = c + 1; r < m; r++) {
        double f = a[r][c] / a[c][c];
        for (int j = c; j < m + classes; j++) {
          a[r][j] -= f * a[c][j];
        }
      }
    }
    double[][] w = new double[m][classes];
    for (int r = m - 1; r >= 0; r--) {
      for (int k = 0; k < classes; k++) {
        double sum = a[r][m + k];
        for (int j = r + 1; j < m; j++) {
          sum -= a[r][j] * w[j][k];
        }
        w[r][k] = sum / a[r][r];
      }
    }
    double[][] scores = new double[n][classes];
    for (int s = 0; s < n; s++) {
      for (int k = 0; k < classes; k++) {
        for (int j = 0; j < m; j++) {
          scores[s][k] += z[s][j] * w[j][k];
        }
      }
    }
    return scores;
  }

  @ParameterizedTest(name = "n = {0}, d = {1}")
  @CsvSource({"40, 6", "12, 30", "20, 19"})
  @DisplayName(
      "primal and dual Cholesky solutions both equal the textbook normal-equation solution")
  void matchesNormalEquations(int n, int d) {
    int[] labels = new int[n];
    Features x = blobs(n, d, 3, n * 31L + d, labels);
    LinearReadout readout = RidgeRegression.fit(x, labels, 3, 0.7);
    double[][] expected = referenceScores(x, labels, 3, 0.7);
    for (int s = 0; s < n; s++) {
      double[] scores = readout.scores(x, s);
      for (int k = 0; k < 3; k++) {
        assertThat(scores[k]).isCloseTo(expected[s][k], within(1e-6));
      }
    }
  }

  @Test
  @DisplayName("separable blobs are classified almost perfectly on held-out samples")
  void separatesBlobs() {
    int[] labels = new int[300];
    Features x = blobs(300, 10, 4, 5, labels);
    int[] train = java.util.stream.IntStream.range(0, 200).toArray();
    int[] test = java.util.stream.IntStream.range(200, 300).toArray();
    CrossValidation cv =
        RidgeRegression.crossValidate(
            x.rows(train),
            java.util.Arrays.copyOf(labels, 200),
            4,
            new double[] {0.1, 1, 10, 100},
            4,
            1);
    assertThat(cv.accuracies()).hasSize(4);
    assertThat(cv.readout().accuracy(x.rows(test), java.util.Arrays.copyOfRange(labels, 200, 300)))
        .isGreaterThan(0.9);
  }

  @Test
  @DisplayName(
      "cross-validation picks the lambda of highest held-out accuracy, ties to the larger lambda")
  void crossValidationPicksBest() {
    int[] labels = new int[60];
    Features x = blobs(60, 200, 2, 9, labels);
    double[] lambdas = {1e-3, 1, 1e3, 1e6};
    CrossValidation cv = RidgeRegression.crossValidate(x, labels, 2, lambdas, 3, 2);
    double best = cv.accuracies().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertThat(cv.accuracies().get(cv.lambdas().indexOf(cv.bestLambda()))).isEqualTo(best);
    assertThat(cv.readout().lambda()).isEqualTo(cv.bestLambda());
    assertThat(CrossValidation.best(new double[] {1, 10, 100}, new double[] {0.8, 0.9, 0.9}))
        .isEqualTo(2);
  }

  @Test
  @DisplayName("stratified folds hold each class in nearly equal shares")
  void stratifiedFolds() {
    int[] labels = new int[103];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 7 == 0 ? 1 : 0;
    }
    int[] fold = CrossValidation.stratifiedFolds(labels, 5, 3);
    for (int f = 0; f < 5; f++) {
      int ones = 0;
      for (int i = 0; i < labels.length; i++) {
        ones += fold[i] == f && labels[i] == 1 ? 1 : 0;
      }
      assertThat(ones).isBetween(2, 4);
    }
  }

  @Test
  @DisplayName("Cholesky solves random symmetric positive definite systems to 1e-9")
  void choleskySolves() {
    SplittableRandom random = new SplittableRandom(4);
    for (int trial = 0; trial < 20; trial++) {
      int m = 1 + random.nextInt(12);
      double[] b = new double[m * m];
      for (int i = 0; i < b.length; i++) {
        b[i] = random.nextDouble() - 0.5;
      }
      double[] a = new double[m * m];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < m; j++) {
          for (int k = 0; k < m; k++) {
            a[i * m + j] += b[i * m + k] * b[j * m + k];
          }
        }
        a[i * m + i] += 0.1;
      }
      double[] x = new double[m * 2];
      for (int i = 0; i < x.length; i++) {
        x[i] = random.nextDouble();
      }
      double[] rhs = new double[m * 2];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < m; j++) {
          rhs[i * 2] += a[i * m + j] * x[j * 2];
          rhs[i * 2 + 1] += a[i * m + j] * x[j * 2 + 1];
        }
      }
      double[] l = a.clone();
      Cholesky.factor(l, m);
      Cholesky.solve(l, m, rhs, 2);
      for (int i = 0; i < x.length; i++) {
        assertThat(rhs[i]).isCloseTo(x[i], within(1e-9));
      }
    }
  }
}
