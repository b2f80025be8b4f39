package org.snncodesign.spark.sweep;

import java.util.Locale;
import org.snncodesign.api.InvalidInputException;

/**
 * A column of the sweep's table that a Pareto chart trades off, and which way is better.
 *
 * @param column a numeric column of the step's record
 * @param maximise true when larger is better (accuracy), false when smaller is (bytes, energy)
 */
public record Objective(String column, boolean maximise) {

  /** Reads {@code goal}: {@code min} or {@code max}. */
  static Objective of(String column, String goal) {
    return switch (goal.toLowerCase(Locale.ROOT)) {
      case "min" -> new Objective(column, false);
      case "max" -> new Objective(column, true);
      default ->
          throw new InvalidInputException(
              "objective " + column + ": goal must be min or max, got " + goal);
    };
  }

  /** True when {@code a} is at least as good as {@code b} in this objective. */
  boolean atLeastAsGood(double a, double b) {
    return maximise ? a >= b : a <= b;
  }

  /** The axis title, e.g. {@code bytes_after (min)}. */
  String label() {
    return column + (maximise ? " (max)" : " (min)");
  }
}
