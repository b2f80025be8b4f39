package org.snncodesign.learning.lsm.readout;

/**
 * Inner products between the rows of a row-major matrix, shared by the dual (kernel) forms of the
 * readouts.
 */
final class GramMatrix {
  private GramMatrix() {}

  /** K = Z Z^T ({@code n x n}, symmetric) for Z of {@code n} rows of {@code d} values. */
  static double[] ofRows(double[] z, int n, int d) {
    double[] g = new double[Math.multiplyExact(n, n)];
    for (int a = 0; a < n; a++) {
      int ba = a * d;
      for (int b = a; b < n; b++) {
        double dot = dot(z, ba, b * d, d);
        g[a * n + b] = dot;
        g[b * n + a] = dot;
      }
    }
    return g;
  }

  /** Four partial sums so the dot product is not one serial chain of dependent additions. */
  private static double dot(double[] z, int a, int b, int d) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 3 < d; j += 4) {
      s0 += z[a + j] * z[b + j];
      s1 += z[a + j + 1] * z[b + j + 1];
      s2 += z[a + j + 2] * z[b + j + 2];
      s3 += z[a + j + 3] * z[b + j + 3];
    }
    for (; j < d; j++) {
      s0 += z[a + j] * z[b + j];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
