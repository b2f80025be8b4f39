package org.snncodesign.learning.lsm.readout;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.snncodesign.api.Checks;

/**
 * Multinomial logistic regression (softmax readout) with an L2 penalty on the weights, on standardised features:
 *
 * <pre>
 *   p_k(z) = exp(b_k + w_k . z) / sum_c exp(b_c + w_c . z)
 *   loss(W, b) = -(1/n) sum_s log p_{y_s}(z_s) + (lambda / 2) ||W||^2
 * </pre>
 *
 * <p>The loss is convex and smooth; its gradient is Lipschitz with constant at most
 * {@code L = sigma_max(Z)^2 / (2 n) + lambda} (the softmax Hessian is bounded by half the identity; Böhning 1992,
 * Ann. Inst. Stat. Math. 44:197), where sigma_max is estimated by power iteration. Nesterov's accelerated
 * gradient with step 1/L then converges at rate O(1/t^2) for any conditioning, and linearly when lambda > 0
 * (Nesterov, Introductory Lectures on Convex Optimization, 2004, 2.2.1). Starts from zero: deterministic.
 */
public final class LogisticRegression {
  private LogisticRegression() {}

  /** Fits with {@code iterations} accelerated-gradient steps. */
  public static LinearReadout fit(Features x, int[] labels, int classes, double lambda, int iterations) {
    checkInput(x, labels, classes, lambda, iterations);
    Standardizer standardizer = Standardizer.fit(x);
    double[] z = standardizer.apply(x);
    int[] all = new int[x.samples()];
    Arrays.setAll(all, i -> i);
    double[] wb = train(z, x.dimension(), labels, all, classes, lambda, iterations);
    return readout(standardizer, wb, x.dimension(), classes, lambda);
  }

  /** Chooses lambda by stratified cross-validation, then refits on all of {@code x}. */
  public static CrossValidation crossValidate(Features x, int[] labels, int classes, double[] lambdas, int folds,
      int iterations, long seed) {
    Checks.checkArgument(lambdas.length > 0, "give at least one lambda");
    for (double l : lambdas) {
      checkInput(x, labels, classes, l, iterations);
    }
    Standardizer standardizer = Standardizer.fit(x);
    double[] z = standardizer.apply(x);
    int d = x.dimension();
    int[] fold = CrossValidation.stratifiedFolds(labels, folds, seed);
    double[] accuracy = new double[lambdas.length];
    for (int f = 0; f < folds; f++) {
      int[] train = rows(fold, f, false);
      int[] test = rows(fold, f, true);
      for (int li = 0; li < lambdas.length; li++) {
        double[] wb = train(z, d, labels, train, classes, lambdas[li], iterations);
        int correct = 0;
        double[] scores = new double[classes];
        for (int s : test) {
          scores(z, d, s, wb, classes, scores);
          correct += LinearReadout.argMax(scores) == labels[s] ? 1 : 0;
        }
        accuracy[li] += (double) correct / test.length / folds;
      }
    }
    int best = CrossValidation.best(lambdas, accuracy);
    int[] all = new int[x.samples()];
    Arrays.setAll(all, i -> i);
    double[] wb = train(z, d, labels, all, classes, lambdas[best], iterations);
    return new CrossValidation(CrossValidation.list(lambdas), CrossValidation.list(accuracy), lambdas[best],
        readout(standardizer, wb, d, classes, lambdas[best]));
  }

  private static void checkInput(Features x, int[] labels, int classes, double lambda, int iterations) {
    Checks.checkArgument(labels.length == x.samples(), "%d labels for %d samples", labels.length, x.samples());
    Checks.checkArgument(x.samples() > 0, "no samples to fit a readout");
    Checks.positive(classes, "classes");
    Checks.checkArgument(lambda >= 0 && Double.isFinite(lambda), "lambda must be finite and >= 0, got %s", lambda);
    Checks.positive(iterations, "iterations");
    for (int i = 0; i < labels.length; i++) {
      Checks.checkArgument(labels[i] >= 0 && labels[i] < classes, "label %d of sample %d outside [0, %d)",
          labels[i], i, classes);
    }
  }

  private static int[] rows(int[] fold, int f, boolean inFold) {
    return java.util.stream.IntStream.range(0, fold.length).filter(s -> (fold[s] == f) == inFold).toArray();
  }

  private static LinearReadout readout(Standardizer standardizer, double[] wb, int d, int k, double lambda) {
    return new LinearReadout("logistic", lambda, standardizer, Arrays.copyOf(wb, d * k),
        Arrays.copyOfRange(wb, d * k, d * k + k), k);
  }

  /** Weights (d x k, row-major) followed by the k biases. */
  static double[] train(double[] z, int d, int[] labels, int[] rows, int k, double lambda, int iterations) {
    int size = d * k + k;
    double lipschitz = largestSingularValueSquared(z, d, rows) / (2.0 * rows.length) + lambda;
    double step = 1 / Math.max(lipschitz, 1e-12);
    double[] w = new double[size];
    double[] previous = new double[size];
    double[] y = new double[size];
    double[] gradient = new double[size];
    double[] scores = new double[k];
    double tk = 1;
    for (int it = 0; it < iterations; it++) {
      gradient(z, d, labels, rows, k, lambda, y, gradient, scores);
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

  private static void gradient(double[] z, int d, int[] labels, int[] rows, int k, double lambda, double[] wb,
      double[] gradient, double[] scores) {
    Arrays.fill(gradient, 0);
    int biasAt = d * k;
    double inverseN = 1.0 / rows.length;
    for (int s : rows) {
      scores(z, d, s, wb, k, scores);
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
      int base = s * d;
      for (int j = 0; j < d; j++) {
        double zj = z[base + j];
        if (zj != 0) {
          int row = j * k;
          for (int c = 0; c < k; c++) {
            gradient[row + c] += zj * scores[c];
          }
        }
      }
    }
    for (int i = 0; i < biasAt; i++) {
      gradient[i] += lambda * wb[i];
    }
  }

  private static void scores(double[] z, int d, int s, double[] wb, int k, double[] out) {
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

  /** sigma_max([Z 1])^2 over the rows, by 50 steps of power iteration on Z^T Z (an upper estimate is taken). */
  static double largestSingularValueSquared(double[] z, int d, int[] rows) {
    double[] v = new double[d + 1];
    SplittableRandom random = new SplittableRandom(7);
    for (int j = 0; j <= d; j++) {
      v[j] = random.nextDouble() + 0.1;
    }
    double estimate = 0;
    double[] next = new double[d + 1];
    for (int it = 0; it < 50; it++) {
      double norm = 0;
      for (double e : v) {
        norm += e * e;
      }
      norm = Math.sqrt(norm);
      for (int j = 0; j <= d; j++) {
        v[j] /= norm;
      }
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
      double rayleigh = 0;
      for (int j = 0; j <= d; j++) {
        rayleigh += next[j] * v[j];
      }
      estimate = rayleigh;
      double[] swap = v;
      v = next;
      next = swap;
    }
    // Power iteration approaches sigma^2 from below; a 10 % margin keeps the step safely under 1/L.
    return estimate * 1.1;
  }
}
