package org.snncodesign.learning.lsm.readout;

import org.snncodesign.api.Checks;

/**
 * Ridge regression onto one-hot class targets (a least-squares linear readout, as in Maass et al.
 * 2002 and most LSM work), solved in closed form: with standardised features Z augmented by a
 * constant column and one-hot targets T,
 *
 * <pre>
 *   primal (d + 1 &lt;= n):  W = (Z^T Z + lambda I)^-1 Z^T T
 *   dual   (d + 1 &gt;  n):  W = Z^T (Z Z^T + lambda I)^-1 T
 * </pre>
 *
 * <p>both by Cholesky factorisation of a positive definite matrix (lambda &gt; 0). The two forms
 * are equal (push- through identity); the smaller Gram matrix is used. Cross-validation computes
 * the Gram matrix once: in the primal a fold's training Gram is the total minus the fold's own, in
 * the dual it is a sub-matrix. The constant column is regularised like the others; features are
 * centred, so this only shrinks the class priors slightly.
 */
public final class RidgeRegression {
  private RidgeRegression() {}

  /** Fits a readout with regularisation {@code lambda} > 0. */
  public static LinearReadout fit(Features x, int[] labels, int classes, double lambda) {
    Problem p = new Problem(x, labels, classes);
    return p.readout(lambda);
  }

  /**
   * Chooses lambda among {@code lambdas} by stratified {@code folds}-fold cross-validation, then
   * refits on all of {@code x}.
   */
  public static CrossValidation crossValidate(
      Features x, int[] labels, int classes, double[] lambdas, int folds, long seed) {
    Checks.checkArgument(lambdas.length > 0, "give at least one lambda");
    for (double l : lambdas) {
      Checks.positive(l, "lambda");
    }
    Problem p = new Problem(x, labels, classes);
    int[] fold = CrossValidation.stratifiedFolds(labels, folds, seed);
    double[] accuracy = new double[lambdas.length];
    for (int f = 0; f < folds; f++) {
      double[] foldAccuracy = p.foldAccuracy(fold, f, lambdas);
      for (int i = 0; i < lambdas.length; i++) {
        accuracy[i] += foldAccuracy[i] / folds;
      }
    }
    int best = CrossValidation.best(lambdas, accuracy);
    return new CrossValidation(
        CrossValidation.list(lambdas),
        CrossValidation.list(accuracy),
        lambdas[best],
        p.readout(lambdas[best]));
  }

  /** Standardised data, targets and the Gram matrix of one training set. */
  private static final class Problem {
    final Standardizer standardizer;
    final int n;
    final int d;
    final int k;
    final double[] z;
    final double[] t;
    final int[] labels;
    final boolean primal;
    final double[] gram;

    Problem(Features x, int[] labels, int classes) {
      Checks.checkArgument(
          labels.length == x.samples(), "%d labels for %d samples", labels.length, x.samples());
      Checks.checkArgument(x.samples() > 0, "no samples to fit a readout");
      Checks.positive(classes, "classes");
      for (int i = 0; i < labels.length; i++) {
        Checks.checkArgument(
            labels[i] >= 0 && labels[i] < classes,
            "label %d of sample %d outside [0, %d)",
            labels[i],
            i,
            classes);
      }
      this.standardizer = Standardizer.fit(x);
      this.n = x.samples();
      this.d = x.dimension() + 1;
      this.k = classes;
      this.labels = labels;
      this.z = new double[Math.multiplyExact(n, d)];
      double[] row = new double[d - 1];
      for (int s = 0; s < n; s++) {
        standardizer.row(x, s, row);
        System.arraycopy(row, 0, z, s * d, d - 1);
        z[s * d + d - 1] = 1;
      }
      this.t = new double[n * k];
      for (int s = 0; s < n; s++) {
        t[s * k + labels[s]] = 1;
      }
      this.primal = d <= n;
      this.gram = primal ? covariance(null, -1) : GramMatrix.ofRows(z, n, d);
    }

    /** Z^T Z over the rows whose fold equals {@code only} (all rows when fold is null). */
    double[] covariance(int[] fold, int only) {
      double[] g = new double[d * d];
      for (int s = 0; s < n; s++) {
        if (fold != null && fold[s] != only) {
          continue;
        }
        int base = s * d;
        for (int i = 0; i < d; i++) {
          double zi = z[base + i];
          if (zi == 0) {
            continue;
          }
          int row = i * d;
          for (int j = i; j < d; j++) {
            g[row + j] += zi * z[base + j];
          }
        }
      }
      mirror(g, d);
      return g;
    }

    static void mirror(double[] g, int size) {
      for (int i = 0; i < size; i++) {
        for (int j = 0; j < i; j++) {
          g[i * size + j] = g[j * size + i];
        }
      }
    }

    /** Z^T T over the given rows. */
    double[] crossProduct(int[] fold, int exclude) {
      double[] b = new double[d * k];
      for (int s = 0; s < n; s++) {
        if (fold != null && fold[s] == exclude) {
          continue;
        }
        int base = s * d;
        int label = labels[s];
        for (int j = 0; j < d; j++) {
          b[j * k + label] += z[base + j];
        }
      }
      return b;
    }

    double[] foldAccuracy(int[] fold, int f, double[] lambdas) {
      int[] train = select(fold, f, false);
      int[] test = select(fold, f, true);
      double[] accuracy = new double[lambdas.length];
      double[] foldGram = primal ? covariance(fold, f) : null;
      for (int li = 0; li < lambdas.length; li++) {
        double[] w;
        if (primal) {
          double[] a = new double[d * d];
          for (int i = 0; i < a.length; i++) {
            a[i] = gram[i] - foldGram[i];
          }
          w = crossProduct(fold, f);
          solveRegularised(a, d, w, lambdas[li]);
        } else {
          w = dualWeights(train, lambdas[li]);
        }
        int correct = 0;
        for (int s : test) {
          correct += predict(w, s) == labels[s] ? 1 : 0;
        }
        accuracy[li] = test.length == 0 ? 0 : (double) correct / test.length;
      }
      return accuracy;
    }

    static int[] select(int[] fold, int f, boolean inFold) {
      int count = 0;
      for (int v : fold) {
        count += (v == f) == inFold ? 1 : 0;
      }
      int[] out = new int[count];
      int i = 0;
      for (int s = 0; s < fold.length; s++) {
        if ((fold[s] == f) == inFold) {
          out[i++] = s;
        }
      }
      return out;
    }

    /** W = Z_S^T (K_SS + lambda I)^-1 T_S for the rows S. */
    double[] dualWeights(int[] rows, double lambda) {
      int r = rows.length;
      double[] a = new double[r * r];
      double[] alpha = new double[r * k];
      for (int i = 0; i < r; i++) {
        for (int j = 0; j < r; j++) {
          a[i * r + j] = gram[rows[i] * n + rows[j]];
        }
        alpha[i * k + labels[rows[i]]] = 1;
      }
      solveRegularised(a, r, alpha, lambda);
      double[] w = new double[d * k];
      for (int i = 0; i < r; i++) {
        int base = rows[i] * d;
        for (int j = 0; j < d; j++) {
          double zj = z[base + j];
          if (zj != 0) {
            for (int c = 0; c < k; c++) {
              w[j * k + c] += zj * alpha[i * k + c];
            }
          }
        }
      }
      return w;
    }

    static void solveRegularised(double[] a, int size, double[] rhs, double lambda) {
      for (int i = 0; i < size; i++) {
        a[i * size + i] += lambda;
      }
      Cholesky.factor(a, size);
      Cholesky.solve(a, size, rhs, rhs.length / size);
    }

    int predict(double[] w, int s) {
      double[] score = new double[k];
      int base = s * d;
      for (int j = 0; j < d; j++) {
        double zj = z[base + j];
        if (zj != 0) {
          for (int c = 0; c < k; c++) {
            score[c] += zj * w[j * k + c];
          }
        }
      }
      return LinearReadout.argMax(score);
    }

    LinearReadout readout(double lambda) {
      Checks.positive(lambda, "lambda");
      double[] w;
      if (primal) {
        w = crossProduct(null, -1);
        solveRegularised(gram.clone(), d, w, lambda);
      } else {
        int[] all = new int[n];
        java.util.Arrays.setAll(all, i -> i);
        w = dualWeights(all, lambda);
      }
      double[] weights = java.util.Arrays.copyOf(w, (d - 1) * k);
      double[] bias = java.util.Arrays.copyOfRange(w, (d - 1) * k, d * k);
      return new LinearReadout("ridge", lambda, standardizer, weights, bias, k);
    }
  }
}
