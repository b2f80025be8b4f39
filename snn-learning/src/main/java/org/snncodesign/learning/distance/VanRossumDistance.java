package org.snncodesign.learning.distance;

import org.snncodesign.api.Checks;

/**
 * The van Rossum distance between two spike trains (M. C. W. van Rossum, "A novel spike distance",
 * Neural Computation 13:751, 2001): each train is filtered with a causal exponential kernel, {@code
 * f(t) = sum_i H(t - t_i) exp(-(t - t_i) / tau)}, and {@code D^2 = (1 / tau) * integral (f - g)^2
 * dt}. The integral has the closed form
 *
 * <pre>
 *   D^2 = 1/2 [ sum_ij e^{-|a_i - a_j| / tau} + sum_ij e^{-|b_i - b_j| / tau} - 2 sum_ij e^{-|a_i - b_j| / tau} ]
 * </pre>
 *
 * <p>so one spike against none is {@code 1 / sqrt(2)}, and {@code D^2} counts roughly one half per
 * unmatched spike. Times and tau share one unit (seconds or steps). Cost O(n m).
 */
public final class VanRossumDistance {
  private VanRossumDistance() {}

  /**
   * The distance between spike times {@code a} and {@code b} with time constant {@code tau} > 0.
   */
  public static double distance(double[] a, double[] b, double tau) {
    Checks.positive(tau, "tau");
    double d2 = 0.5 * (sum(a, a, tau) + sum(b, b, tau) - 2 * sum(a, b, tau));
    // Rounding can leave a tiny negative value for identical trains.
    return Math.sqrt(Math.max(0, d2));
  }

  /** As {@link #distance(double[], double[], double)} for spike steps. */
  public static double distance(int[] a, int[] b, double tauSteps) {
    return distance(toDouble(a), toDouble(b), tauSteps);
  }

  static double[] toDouble(int[] times) {
    double[] out = new double[times.length];
    for (int i = 0; i < times.length; i++) {
      out[i] = times[i];
    }
    return out;
  }

  private static double sum(double[] x, double[] y, double tau) {
    double s = 0;
    for (double xi : x) {
      for (double yj : y) {
        s += Math.exp(-Math.abs(xi - yj) / tau);
      }
    }
    return s;
  }
}
