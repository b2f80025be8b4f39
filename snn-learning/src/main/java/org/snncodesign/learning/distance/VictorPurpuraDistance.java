package org.snncodesign.learning.distance;

import org.snncodesign.api.Checks;

/**
 * The Victor-Purpura spike-time distance (J. D. Victor &amp; K. P. Purpura, "Nature and precision
 * of temporal coding in visual cortex", J. Neurophysiol. 76:1310, 1996): the least total cost of
 * turning one train into the other, where deleting or inserting a spike costs 1 and moving a spike
 * by {@code dt} costs {@code q |dt|}. With q = 0 it is the difference in spike counts; for q large,
 * the number of non-coincident spikes. Computed by the dynamic programme
 *
 * <pre>
 *   G[i][j] = min(G[i-1][j] + 1, G[i][j-1] + 1, G[i-1][j-1] + q |a_i - b_j|)
 * </pre>
 *
 * <p>in O(n m) time and O(m) memory. Times and 1/q share one unit.
 */
public final class VictorPurpuraDistance {
  private VictorPurpuraDistance() {}

  /**
   * The distance between sorted spike times {@code a} and {@code b} with cost {@code q} >= 0 per
   * unit shift.
   */
  public static double distance(double[] a, double[] b, double q) {
    Checks.checkArgument(
        q >= 0 && Double.isFinite(q), "shift cost q must be finite and >= 0, got %s", q);
    int m = b.length;
    double[] previous = new double[m + 1];
    double[] current = new double[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length; i++) {
      current[0] = i;
      for (int j = 1; j <= m; j++) {
        double shift = previous[j - 1] + q * Math.abs(a[i - 1] - b[j - 1]);
        current[j] = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), shift);
      }
      double[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[m];
  }

  /** As {@link #distance(double[], double[], double)} for spike steps (q per step). */
  public static double distance(int[] a, int[] b, double q) {
    return distance(VanRossumDistance.toDouble(a), VanRossumDistance.toDouble(b), q);
  }
}
