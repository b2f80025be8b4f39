package org.snncodesign.learning.lsm.readout;

/**
 * Per-feature z-scoring fitted on training data: {@code z = (x - mean) / sd}; features with zero
 * spread (e.g. neurons that never fire) map to 0, so they carry no weight. Standardising makes one
 * regularisation strength fit features of very different firing rates and keeps the normal
 * equations well conditioned.
 */
final class Standardizer {
  final double[] mean;
  final double[] scale;

  private Standardizer(double[] mean, double[] scale) {
    this.mean = mean;
    this.scale = scale;
  }

  static Standardizer fit(Features x) {
    int d = x.dimension();
    int n = x.samples();
    double[] mean = new double[d];
    double[] sq = new double[d];
    float[] v = x.values();
    for (int s = 0; s < n; s++) {
      int base = s * d;
      for (int j = 0; j < d; j++) {
        double value = v[base + j];
        mean[j] += value;
        sq[j] += value * value;
      }
    }
    double[] scale = new double[d];
    for (int j = 0; j < d; j++) {
      mean[j] /= Math.max(1, n);
      double variance = sq[j] / Math.max(1, n) - mean[j] * mean[j];
      scale[j] = variance > 1e-12 ? 1 / Math.sqrt(variance) : 0;
    }
    return new Standardizer(mean, scale);
  }

  /** Row s of x standardised into out[0..d). */
  void row(Features x, int s, double[] out) {
    int d = x.dimension();
    float[] v = x.values();
    int base = s * d;
    for (int j = 0; j < d; j++) {
      out[j] = (v[base + j] - mean[j]) * scale[j];
    }
  }

  /** The whole matrix standardised, row-major doubles. */
  double[] apply(Features x) {
    int d = x.dimension();
    double[] out = new double[Math.multiplyExact(x.samples(), d)];
    double[] row = new double[d];
    for (int s = 0; s < x.samples(); s++) {
      row(x, s, row);
      System.arraycopy(row, 0, out, s * d, d);
    }
    return out;
  }
}
