package org.snncodesign.learning.lsm.readout;

import org.snncodesign.api.Checks;

/**
 * A {@code samples x dimension} matrix of real features, row-major: the liquid states a readout
 * learns from.
 *
 * @param samples rows
 * @param dimension columns
 * @param values row-major values, length {@code samples * dimension}; wrapped, not copied
 */
public record Features(int samples, int dimension, float[] values) {
  public Features {
    Checks.nonNegative(samples, "samples");
    Checks.positive(dimension, "dimension");
    Checks.checkArgument(
        values.length == (long) samples * dimension,
        "feature array has %d values, expected %d samples x %d = %d",
        values.length,
        samples,
        dimension,
        (long) samples * dimension);
  }

  /** The rows {@code rows} (in that order) as a new matrix. */
  public Features rows(int[] rows) {
    float[] out = new float[Math.multiplyExact(rows.length, dimension)];
    for (int i = 0; i < rows.length; i++) {
      Checks.checkArgument(
          rows[i] >= 0 && rows[i] < samples, "row %d outside [0, %d)", rows[i], samples);
      System.arraycopy(values, rows[i] * dimension, out, i * dimension, dimension);
    }
    return new Features(rows.length, dimension, out);
  }

  /** The columns {@code columns} (in that order) as a new matrix. */
  public Features columns(int[] columns) {
    Checks.checkArgument(columns.length > 0, "select at least one column");
    for (int c : columns) {
      Checks.checkArgument(c >= 0 && c < dimension, "column %d outside [0, %d)", c, dimension);
    }
    float[] out = new float[Math.multiplyExact(samples, columns.length)];
    for (int s = 0; s < samples; s++) {
      int from = s * dimension;
      int to = s * columns.length;
      for (int j = 0; j < columns.length; j++) {
        out[to + j] = values[from + columns[j]];
      }
    }
    return new Features(samples, columns.length, out);
  }
}
