package org.snncodesign.learning.lsm.readout;

/**
 * Cholesky factorisation {@code A = L L^T} of a symmetric positive definite matrix, in place, and
 * the solution of {@code A X = B} by forward and back substitution (Golub &amp; Van Loan, Matrix
 * Computations, 4th ed., Alg. 4.2.1). Ridge systems {@code G + lambda I} with lambda > 0 are
 * positive definite, so the factorisation exists and is backward stable without pivoting.
 */
final class Cholesky {
  private Cholesky() {}

  /**
   * Overwrites the lower triangle of the row-major {@code m x m} matrix {@code a} with L.
   *
   * @throws IllegalArgumentException when a pivot is not positive (the matrix is not positive
   *     definite)
   */
  static void factor(double[] a, int m) {
    for (int j = 0; j < m; j++) {
      int rowJ = j * m;
      double diagonal = a[rowJ + j];
      for (int k = 0; k < j; k++) {
        diagonal -= a[rowJ + k] * a[rowJ + k];
      }
      if (!(diagonal > 0)) {
        throw new IllegalArgumentException(
            "matrix is not positive definite: pivot "
                + j
                + " is "
                + diagonal
                + "; increase the regularisation");
      }
      double ljj = Math.sqrt(diagonal);
      a[rowJ + j] = ljj;
      double inverse = 1 / ljj;
      for (int i = j + 1; i < m; i++) {
        int rowI = i * m;
        double sum = a[rowI + j];
        for (int k = 0; k < j; k++) {
          sum -= a[rowI + k] * a[rowJ + k];
        }
        a[rowI + j] = sum * inverse;
      }
    }
  }

  /**
   * Solves {@code L L^T X = B} in place for the row-major {@code m x k} right-hand sides {@code b}.
   */
  static void solve(double[] l, int m, double[] b, int k) {
    for (int i = 0; i < m; i++) {
      int rowI = i * m;
      for (int j = 0; j < i; j++) {
        double lij = l[rowI + j];
        if (lij != 0) {
          for (int c = 0; c < k; c++) {
            b[i * k + c] -= lij * b[j * k + c];
          }
        }
      }
      double inverse = 1 / l[rowI + i];
      for (int c = 0; c < k; c++) {
        b[i * k + c] *= inverse;
      }
    }
    for (int i = m - 1; i >= 0; i--) {
      for (int j = i + 1; j < m; j++) {
        double lji = l[j * m + i];
        if (lji != 0) {
          for (int c = 0; c < k; c++) {
            b[i * k + c] -= lji * b[j * k + c];
          }
        }
      }
      double inverse = 1 / l[i * m + i];
      for (int c = 0; c < k; c++) {
        b[i * k + c] *= inverse;
      }
    }
  }
}
