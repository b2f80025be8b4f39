package org.snncodesign.flow.sweep;

/**
 * Mean, sample standard deviation and the half-width of the two-sided 95 % confidence interval of
 * the mean of values drawn independently (one per seed): {@code t_{0.975, n-1} s / sqrt(n)}
 * (Student's t). The statistics of seed sweeps, shared by the Spark sweeps' summary and the flow's
 * seed studies.
 *
 * @param n values
 * @param mean their mean
 * @param sd sample standard deviation (n - 1 in the denominator); NaN for one value
 * @param ci95 half-width of the 95 % interval of the mean; NaN for one value
 */
public record SampleStatistics(int n, double mean, double sd, double ci95) {
  /**
   * t_{0.975, df} for df = 1..30 (standard tables); larger df use 1.96 + 2.4 / df, within 0.002 of
   * the exact value.
   */
  private static final double[] T975 = {
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
    2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
    2.052, 2.048, 2.045, 2.042
  };

  /** The statistics of {@code values} (at least one). */
  public static SampleStatistics of(double[] values) {
    int n = values.length;
    if (n == 0) {
      return new SampleStatistics(0, Double.NaN, Double.NaN, Double.NaN);
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    if (n == 1) {
      return new SampleStatistics(1, mean, Double.NaN, Double.NaN);
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(squares / (n - 1));
    return new SampleStatistics(n, mean, sd, tQuantile975(n - 1) * sd / Math.sqrt(n));
  }

  /**
   * The sample standard deviation, or 0 for fewer than two values (no spread observed): for tables
   * and error bars that need a number.
   */
  public double sdOrZero() {
    return n < 2 ? 0 : sd;
  }

  /** The 0.975 quantile of Student's t with {@code df} degrees of freedom. */
  static double tQuantile975(int df) {
    return df <= T975.length ? T975[df - 1] : 1.96 + 2.4 / df;
  }
}
