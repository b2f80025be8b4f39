package org.snncodesign.neurons.engine;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.snncodesign.api.sparse.CsrMatrix;

/**
 * Random sparse connectivity as CSR matrices (rows = presynaptic, columns = postsynaptic neurons):
 * each pair {@code (i, j)} with {@code firstRow <= i < endRow} is connected independently with
 * probability p (the Erdos-Renyi rule of Brette et al. 2007 and Brian2's {@code connect(p=...)}),
 * autapses included.
 */
public final class RandomConnectivity {
  private RandomConnectivity() {}

  /**
   * A {@code rows x cols} matrix whose rows in {@code [firstRow, endRow)} hold Bernoulli(p)
   * connections of weight {@code weight}; other rows are empty.
   *
   * @throws IllegalArgumentException naming a bad size, row range, probability or weight, or a
   *     matrix over {@code Integer.MAX_VALUE - 8} entries
   */
  public static CsrMatrix bernoulli(
      int rows, int cols, int firstRow, int endRow, double p, float weight, long seed) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException("matrix shape must be >= 0, got " + rows + " x " + cols);
    }
    if (firstRow < 0 || endRow > rows || firstRow > endRow) {
      throw new IllegalArgumentException(
          "row range [" + firstRow + ", " + endRow + ") must lie in [0, " + rows + "]");
    }
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("connection probability p must be in [0, 1], got " + p);
    }
    if (!Float.isFinite(weight)) {
      throw new IllegalArgumentException("weight must be finite, got " + weight);
    }
    double expected = (double) (endRow - firstRow) * cols * p;
    double spread = 6 * Math.sqrt(expected) + 16;
    if (expected + spread > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "about " + (long) expected + " synapses do not fit in one CSR matrix");
    }
    int[] pointers = new int[rows + 1];
    int[] columns = new int[(int) (expected + spread)];
    SplittableRandom random = new SplittableRandom(seed);
    double logComplement = Math.log1p(-p);
    int k = 0;
    for (int r = 0; r < rows; r++) {
      if (r >= firstRow && r < endRow && p > 0) {
        long c = -1;
        while (true) {
          c +=
              1
                  + (p >= 1
                      ? 0
                      : (long) Math.floor(Math.log1p(-random.nextDouble()) / logComplement));
          if (c >= cols) {
            break;
          }
          if (k == columns.length) {
            columns =
                Arrays.copyOf(
                    columns, (int) Math.min(Integer.MAX_VALUE - 8L, columns.length * 3L / 2 + 16));
          }
          columns[k++] = (int) c;
        }
      }
      pointers[r + 1] = k;
    }
    columns = Arrays.copyOf(columns, k);
    float[] values = new float[k];
    Arrays.fill(values, weight);
    return new CsrMatrix(rows, cols, pointers, columns, values);
  }

  /** Every row connected with probability p, autapses included. */
  public static CsrMatrix bernoulli(int rows, int cols, double p, float weight, long seed) {
    return bernoulli(rows, cols, 0, rows, p, weight, seed);
  }
}
