package org.snncodesign.datasets.encoding;

import java.util.Optional;
import org.snncodesign.api.Checks;

/**
 * The smallest and largest of some values: what a data set spans, what {@link MinMaxScaling#fit}
 * scales from and what a picture of a sample maps to grey levels. A NaN among the values makes both
 * bounds NaN, as {@link Math#min(float, float)} does.
 *
 * @param min the smallest value
 * @param max the largest value
 */
public record ValueRange(float min, float max) {

  /** The range of {@code values}, empty when there are none. */
  public static Optional<ValueRange> of(float[] values) {
    return of(values, 0, values.length);
  }

  /** The range of {@code values[from, to)}, empty when the slice is. */
  public static Optional<ValueRange> of(float[] values, int from, int to) {
    Checks.checkArgument(
        0 <= from && from <= to && to <= values.length,
        "slice [%s, %s) outside [0, %s)",
        from,
        to,
        values.length);
    if (from == to) {
      return Optional.empty();
    }
    float lo = Float.POSITIVE_INFINITY;
    float hi = Float.NEGATIVE_INFINITY;
    for (int i = from; i < to; i++) {
      lo = Math.min(lo, values[i]);
      hi = Math.max(hi, values[i]);
    }
    return Optional.of(new ValueRange(lo, hi));
  }
}
