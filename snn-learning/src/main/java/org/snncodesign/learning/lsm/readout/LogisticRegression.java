package org.snncodesign.learning.lsm.readout;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.snncodesign.api.Checks;

/**
 * Multinomial logistic regression (softmax readout) with an L2 penalty on the weights, on
 * standardised features:
 *
 * <pre>
 *   p_k(z) = exp(b_k + w_k . z) / sum_c exp(b_c + w_c . z)
 *   loss(W, b) = -(1/n) sum_s log p_{y_s}(z_s) + (lambda / 2) ||W||^2
 * </pre>
 *
 * <p>The loss is convex and smooth; its gradient is Lipschitz with constant at most {@code L =
 * sigma_max(Z)^2 / (2 n) + lambda} (the softmax Hessian is bounded by half the identity; Böhning
 * 1992, Ann. Inst. Stat. Math. 44:197), where sigma_max is estimated by power iteration. Nesterov's
 * accelerated gradient with step 1/L then converges at rate O(1/t^2) for any conditioning, and
 * linearly when lambda > 0 (Nesterov, Introductory Lectures on Convex Optimization, 2004, 2.2.1).
 * Starts from zero: deterministic.
 *
 * <p>When there are fewer training samples than features (LSM states: thousands of bins x neurons)
 * the iterates are kept in dual coordinates: every gradient of the loss lies in the span of the
 * training rows, so starting from zero the weights stay {@code W = Z_S^T A} with one coefficient
 * row per training sample, and each accelerated step on W is the same step on A with the scores
 * {@code K A} taken from the Gram matrix {@code K = Z Z^T} (computed once, shared by every fold and
 * lambda). A step then costs {@code |S|^2 k} instead of {@code 2 |S| d k}.
 */
public final class LogisticRegression {
  /** Largest sample count for the dual form (its Gram matrix holds samples^2 doubles). */
  static final int DUAL_MAX_SAMPLES = 6000;

  private LogisticRegression() {}

  /** Fits with {@code iterations} accelerated-gradient steps. */
  public static LinearReadout fit(
      Features x, int[] labels, int classes, double lambda, int iterations) {
    checkInput(x, labels, classes, lambda, iterations);
    Standardizer standardizer = Standardizer.fit(x);
    Coordinates space = Coordinates.choose(standardizer.apply(x), x.samples(), x.dimension());
    int[] all = new int[x.samples()];
    Arrays.setAll(all, i -> i);
    double[] wb =
        space.weightsAndBiases(
            train(space, labels, all, classes, lambda, iterations), all, classes);
    return readout(standardizer, wb, x.dimension(), classes, lambda);
  }

  /** Chooses lambda by stratified cross-validation, then refits on all of {@code x}. */
  public static CrossValidation crossValidate(
      Features x,
      int[] labels,
      int classes,
      double[] lambdas,
      int folds,
      int iterations,
      long seed) {
    Checks.checkArgument(lambdas.length > 0, "give at least one lambda");
    for (double l : lambdas) {
      checkInput(x, labels, classes, l, iterations);
    }
    Standardizer standardizer = Standardizer.fit(x);
    int d = x.dimension();
    Coordinates space = Coordinates.choose(standardizer.apply(x), x.samples(), d);
    int[] fold = CrossValidation.stratifiedFolds(labels, folds, seed);
    double[] accuracy = new double[lambdas.length];
    double[] scores = new double[classes];
    for (int f = 0; f < folds; f++) {
      int[] train = rows(fold, f, false);
      int[] test = rows(fold, f, true);
      for (int li = 0; li < lambdas.length; li++) {
        double[] coefficients = train(space, labels, train, classes, lambdas[li], iterations);
        int correct = 0;
        for (int s : test) {
          space.scores(coefficients, train, s, classes, scores);
          correct += LinearReadout.argMax(scores) == labels[s] ? 1 : 0;
        }
        accuracy[li] += (double) correct / test.length / folds;
      }
    }
    int best = CrossValidation.best(lambdas, accuracy);
    int[] all = new int[x.samples()];
    Arrays.setAll(all, i -> i);
    double[] wb =
        space.weightsAndBiases(
            train(space, labels, all, classes, lambdas[best], iterations), all, classes);
    return new CrossValidation(
        CrossValidation.list(lambdas),
        CrossValidation.list(accuracy),
        lambdas[best],
        readout(standardizer, wb, d, classes, lambdas[best]));
  }

  private static void checkInput(
      Features x, int[] labels, int classes, double lambda, int iterations) {
    Checks.checkArgument(
        labels.length == x.samples(), "%d labels for %d samples", labels.length, x.samples());
    Checks.checkArgument(x.samples() > 0, "no samples to fit a readout");
    Checks.positive(classes, "classes");
    Checks.checkArgument(
        lambda >= 0 && Double.isFinite(lambda), "lambda must be finite and >= 0, got %s", lambda);
    Checks.positive(iterations, "iterations");
    for (int i = 0; i < labels.length; i++) {
      Checks.checkArgument(
          labels[i] >= 0 && labels[i] < classes,
          "label %d of sample %d outside [0, %d)",
          labels[i],
          i,
          classes);
    }
  }

  private static int[] rows(int[] fold, int f, boolean inFold) {
    return java.util.stream.IntStream.range(0, fold.length)
        .filter(s -> (fold[s] == f) == inFold)
        .toArray();
  }

  private static LinearReadout readout(
      Standardizer standardizer, double[] wb, int d, int k, double lambda) {
    return new LinearReadout(
        "logistic",
        lambda,
        standardizer,
        Arrays.copyOf(wb, d * k),
        Arrays.copyOfRange(wb, d * k, d * k + k),
        k);
  }

  /** Primal fit on standardised rows: weights (d x k, row-major) followed by the k biases. */
  static double[] train(
      double[] z, int d, int[] labels, int[] rows, int k, double lambda, int iterations) {
    return train(new Primal(z, d), labels, rows, k, lambda, iterations);
  }

  /** Dual fit on standardised rows, returned as weights and biases like the primal one. */
  static double[] trainDual(
      double[] z, int d, int[] labels, int[] rows, int k, double lambda, int iterations) {
    Dual dual = new Dual(z, labels.length, d);
    return dual.weightsAndBiases(train(dual, labels, rows, k, lambda, iterations), rows, k);
  }

  /**
   * Accelerated gradient in the given coordinates: the coefficients (rows x k) followed by the k
   * biases.
   */
  static double[] train(
      Coordinates space, int[] labels, int[] rows, int k, double lambda, int iterations) {
    int biasAt = space.coefficientRows(rows) * k;
    int size = biasAt + k;
    double lipschitz = space.sigmaSquared(rows) / (2.0 * rows.length) + lambda;
    double step = 1 / Math.max(lipschitz, 1e-12);
    double[] w = new double[size];
    double[] previous = new double[size];
    double[] y = new double[size];
    double[] gradient = new double[size];
    double[] scores = new double[k];
    double tk = 1;
    for (int it = 0; it < iterations; it++) {
      gradient(space, labels, rows, k, lambda, biasAt, y, gradient, scores);
      System.arraycopy(w, 0, previous, 0, size);
      for (int i = 0; i < size; i++) {
        w[i] = y[i] - step * gradient[i];
      }
      double next = (1 + Math.sqrt(1 + 4 * tk * tk)) / 2;
      double momentum = (tk - 1) / next;
      for (int i = 0; i < size; i++) {
        y[i] = w[i] + momentum * (w[i] - previous[i]);
      }
      tk = next;
    }
    return w;
  }

  private static void gradient(
      Coordinates space,
      int[] labels,
      int[] rows,
      int k,
      double lambda,
      int biasAt,
      double[] coefficients,
      double[] gradient,
      double[] scores) {
    Arrays.fill(gradient, 0);
    double inverseN = 1.0 / rows.length;
    for (int index = 0; index < rows.length; index++) {
      int s = rows[index];
      space.scores(coefficients, rows, s, k, scores);
      double max = Double.NEGATIVE_INFINITY;
      for (double v : scores) {
        max = Math.max(max, v);
      }
      double sum = 0;
      for (int c = 0; c < k; c++) {
        scores[c] = Math.exp(scores[c] - max);
        sum += scores[c];
      }
      for (int c = 0; c < k; c++) {
        scores[c] = (scores[c] / sum - (labels[s] == c ? 1 : 0)) * inverseN;
        gradient[biasAt + c] += scores[c];
      }
      space.addGradient(gradient, index, s, k, scores);
    }
    // The penalty's gradient lambda W is lambda A in dual coordinates, since W = Z_S^T A is linear
    // in A.
    for (int i = 0; i < biasAt; i++) {
      gradient[i] += lambda * coefficients[i];
    }
  }

  /**
   * The coordinates the iterates live in, over standardised rows {@code z} ({@code d} values each).
   */
  abstract static class Coordinates {
    final double[] z;
    final int d;

    Coordinates(double[] z, int d) {
      this.z = z;
      this.d = d;
    }

    /**
     * The dual form when there are fewer samples than features (and the Gram matrix fits), else the
     * primal.
     */
    static Coordinates choose(double[] z, int n, int d) {
      return n < d && n <= DUAL_MAX_SAMPLES ? new Dual(z, n, d) : new Primal(z, d);
    }

    /** Rows of the coefficient matrix when training on {@code rows}. */
    abstract int coefficientRows(int[] rows);

    /**
     * The class scores of sample {@code s} under coefficients (and biases) trained on {@code rows}.
     */
    abstract void scores(double[] coefficients, int[] rows, int s, int k, double[] out);

    /**
     * Adds the loss gradient of training sample {@code s} (the {@code index}-th row) with residual
     * {@code r}.
     */
    abstract void addGradient(double[] gradient, int index, int s, int k, double[] r);

    /** sigma_max([Z_S 1])^2 (over-estimated by 10 %), the Lipschitz scale of the loss. */
    abstract double sigmaSquared(int[] rows);

    /** The weights (d x k) followed by the k biases. */
    abstract double[] weightsAndBiases(double[] coefficients, int[] rows, int k);
  }

  /** The weights themselves. */
  static final class Primal extends Coordinates {
    Primal(double[] z, int d) {
      super(z, d);
    }

    @Override
    int coefficientRows(int[] rows) {
      return d;
    }

    @Override
    void scores(double[] wb, int[] rows, int s, int k, double[] out) {
      System.arraycopy(wb, d * k, out, 0, k);
      int base = s * d;
      for (int j = 0; j < d; j++) {
        double zj = z[base + j];
        if (zj != 0) {
          int row = j * k;
          for (int c = 0; c < k; c++) {
            out[c] += zj * wb[row + c];
          }
        }
      }
    }

    @Override
    void addGradient(double[] gradient, int index, int s, int k, double[] r) {
      int base = s * d;
      for (int j = 0; j < d; j++) {
        double zj = z[base + j];
        if (zj != 0) {
          int row = j * k;
          for (int c = 0; c < k; c++) {
            gradient[row + c] += zj * r[c];
          }
        }
      }
    }

    /** By power iteration on [Z 1]^T [Z 1]. */
    @Override
    double sigmaSquared(int[] rows) {
      return largestEigenvalue(
          d + 1,
          (v, next) -> {
            Arrays.fill(next, 0);
            for (int s : rows) {
              int base = s * d;
              double dot = v[d];
              for (int j = 0; j < d; j++) {
                dot += z[base + j] * v[j];
              }
              for (int j = 0; j < d; j++) {
                next[j] += dot * z[base + j];
              }
              next[d] += dot;
            }
          });
    }

    @Override
    double[] weightsAndBiases(double[] coefficients, int[] rows, int k) {
      return coefficients;
    }
  }

  /**
   * One coefficient row per training sample: W = Z_S^T A, scores from the Gram matrix of all
   * samples.
   */
  static final class Dual extends Coordinates {
    private final int n;
    private final double[] gram;

    Dual(double[] z, int n, int d) {
      super(z, d);
      this.n = n;
      this.gram = GramMatrix.ofRows(z, n, d);
    }

    @Override
    int coefficientRows(int[] rows) {
      return rows.length;
    }

    @Override
    void scores(double[] ab, int[] rows, int s, int k, double[] out) {
      System.arraycopy(ab, rows.length * k, out, 0, k);
      int base = s * n;
      for (int i = 0; i < rows.length; i++) {
        double kernel = gram[base + rows[i]];
        int row = i * k;
        for (int c = 0; c < k; c++) {
          out[c] += kernel * ab[row + c];
        }
      }
    }

    @Override
    void addGradient(double[] gradient, int index, int s, int k, double[] r) {
      int row = index * k;
      for (int c = 0; c < k; c++) {
        gradient[row + c] += r[c];
      }
    }

    /**
     * By power iteration on K_SS + 1 1^T, which has the same non-zero spectrum as [Z_S 1]^T [Z_S
     * 1].
     */
    @Override
    double sigmaSquared(int[] rows) {
      int m = rows.length;
      return largestEigenvalue(
          m,
          (v, next) -> {
            double sum = 0;
            for (double e : v) {
              sum += e;
            }
            for (int a = 0; a < m; a++) {
              int base = rows[a] * n;
              double acc = sum;
              for (int b = 0; b < m; b++) {
                acc += gram[base + rows[b]] * v[b];
              }
              next[a] = acc;
            }
          });
    }

    @Override
    double[] weightsAndBiases(double[] ab, int[] rows, int k) {
      double[] wb = new double[d * k + k];
      for (int i = 0; i < rows.length; i++) {
        int base = rows[i] * d;
        int row = i * k;
        for (int j = 0; j < d; j++) {
          double zj = z[base + j];
          if (zj != 0) {
            for (int c = 0; c < k; c++) {
              wb[j * k + c] += zj * ab[row + c];
            }
          }
        }
      }
      System.arraycopy(ab, rows.length * k, wb, d * k, k);
      return wb;
    }
  }

  /**
   * The largest eigenvalue of a symmetric positive semi-definite operator ({@code multiply(v,
   * next)} writes {@code next = M v}) by 50 steps of power iteration from a fixed positive start,
   * plus a 10 % margin: power iteration approaches it from below, and the margin keeps the gradient
   * step safely under 1/L.
   */
  private static double largestEigenvalue(int size, BiConsumer<double[], double[]> multiply) {
    double[] v = new double[size];
    SplittableRandom random = new SplittableRandom(7);
    for (int j = 0; j < size; j++) {
      v[j] = random.nextDouble() + 0.1;
    }
    double[] next = new double[size];
    double estimate = 0;
    for (int it = 0; it < 50; it++) {
      double norm = Math.sqrt(dot(v, v));
      for (int j = 0; j < size; j++) {
        v[j] /= norm;
      }
      multiply.accept(v, next);
      estimate = dot(next, v);
      double[] swap = v;
      v = next;
      next = swap;
    }
    return estimate * 1.1;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      sum += a[j] * b[j];
    }
    return sum;
  }
}
