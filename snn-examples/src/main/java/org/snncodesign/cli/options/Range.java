package org.snncodesign.cli.options;

/**
 * The values an option accepts: {@code [min, max]} with either end open.
 *
 * @param what a phrase for the error message, e.g. "a count of at least 1"
 */
public record Range(double min, boolean minOpen, double max, boolean maxOpen, String what) {
  /** Whole numbers from 1 up. */
  public static final Range COUNT = new Range(1, false, Double.MAX_VALUE, false, "at least 1");

  /** Whole numbers from 0 up. */
  public static final Range NON_NEGATIVE =
      new Range(0, false, Double.MAX_VALUE, false, "at least 0");

  /** Numbers above 0. */
  public static final Range POSITIVE = new Range(0, true, Double.MAX_VALUE, false, "above 0");

  /** Fractions in [0, 1]. */
  public static final Range FRACTION = new Range(0, false, 1, false, "in [0, 1]");

  /** Fractions in (0, 1]: a share that must keep something. */
  public static final Range SHARE = new Range(0, true, 1, false, "in (0, 1]");

  /** Fractions in [0, 1): a share that must leave something. */
  public static final Range LEAVES_SOME = new Range(0, false, 1, true, "in [0, 1)");

  /** Fractions in (0, 1). */
  public static final Range OPEN_FRACTION = new Range(0, true, 1, true, "in (0, 1)");

  /** A value just below the range, as option text: a whole number unless {@code real}. */
  public String outside(boolean real) {
    double below = minOpen ? min : real ? Math.nextDown(min) : min - 1;
    return real ? Double.toString(below) : Long.toString((long) Math.floor(below));
  }

  public boolean contains(double value) {
    boolean aboveMin = minOpen ? value > min : value >= min;
    boolean belowMax = maxOpen ? value < max : value <= max;
    return aboveMin && belowMax;
  }
}
