package org.snncodesign.neurons.graph;

import java.util.Arrays;
import org.snncodesign.api.Checks;
import org.snncodesign.api.sparse.CsrMatrix;

/**
 * Products and sums of CSR matrices, row by row with a dense accumulator (Gustavson's algorithm,
 * ACM TOMS 4:250, 1978). Terms are accumulated in double in a fixed order and rounded once, so the
 * result is deterministic; exact zeros are dropped.
 */
final class SparseProduct {
  private SparseProduct() {}

  /** {@code a b}: {@code (n x m) (m x k)}. */
  static CsrMatrix multiply(CsrMatrix a, CsrMatrix b) {
    Checks.checkArgument(a.cols() == b.rows(), "cannot multiply %s by %s", a, b);
    Accumulator acc = new Accumulator(b.cols());
    SparseBuilder out = new SparseBuilder(a.rows(), b.cols());
    int[] ap = a.rowPointers();
    int[] ac = a.columnIndices();
    float[] av = a.values();
    int[] bp = b.rowPointers();
    int[] bc = b.columnIndices();
    float[] bv = b.values();
    for (int r = 0; r < a.rows(); r++) {
      for (int k = ap[r]; k < ap[r + 1]; k++) {
        double w = av[k];
        int m = ac[k];
        for (int j = bp[m]; j < bp[m + 1]; j++) {
          acc.add(bc[j], w * bv[j]);
        }
      }
      acc.drainInto(out, r);
    }
    return out.build();
  }

  /** {@code a + b} of equal shapes. */
  static CsrMatrix add(CsrMatrix a, CsrMatrix b) {
    Checks.checkArgument(
        a.rows() == b.rows() && a.cols() == b.cols(), "cannot add %s and %s", a, b);
    Accumulator acc = new Accumulator(a.cols());
    SparseBuilder out = new SparseBuilder(a.rows(), a.cols());
    for (int r = 0; r < a.rows(); r++) {
      for (CsrMatrix m : new CsrMatrix[] {a, b}) {
        for (int k = m.rowPointers()[r]; k < m.rowPointers()[r + 1]; k++) {
          acc.add(m.columnIndices()[k], m.values()[k]);
        }
      }
      acc.drainInto(out, r);
    }
    return out.build();
  }

  /** A dense row of sums with the list of columns touched. */
  private static final class Accumulator {
    private final double[] sums;
    private final boolean[] touched;
    private final int[] columns;
    private int count;

    Accumulator(int cols) {
      this.sums = new double[cols];
      this.touched = new boolean[cols];
      this.columns = new int[cols];
    }

    void add(int col, double value) {
      if (!touched[col]) {
        touched[col] = true;
        columns[count++] = col;
      }
      sums[col] += value;
    }

    void drainInto(SparseBuilder out, int row) {
      Arrays.sort(columns, 0, count);
      for (int k = 0; k < count; k++) {
        int c = columns[k];
        out.add(row, c, (float) sums[c]);
        sums[c] = 0;
        touched[c] = false;
      }
      count = 0;
    }
  }
}
