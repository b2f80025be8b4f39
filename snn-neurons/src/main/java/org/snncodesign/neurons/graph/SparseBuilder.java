package org.snncodesign.neurons.graph;

import java.util.Arrays;
import org.snncodesign.api.sparse.CsrMatrix;

/**
 * Collects the entries of a sparse matrix in any row order and builds its CSR form. Within a row,
 * entries must arrive with ascending columns (the lowerings and products here produce them that
 * way); exact zeros are dropped, since a synapse of weight 0 adds nothing to any sum.
 */
final class SparseBuilder {
  /**
   * Most entries one matrix may hold (about 1.6 GB of CSR arrays): refused with a message rather
   * than memory.
   */
  static final int MAX_ENTRIES = 1 << 27;

  private final int rows;
  private final int cols;
  private int[] rowOf = new int[64];
  private int[] colOf = new int[64];
  private float[] valueOf = new float[64];
  private int count;

  SparseBuilder(int rows, int cols) {
    this.rows = rows;
    this.cols = cols;
  }

  void add(int row, int col, float value) {
    if (value == 0f) {
      return;
    }
    if (count == rowOf.length) {
      if (count >= MAX_ENTRIES) {
        throw new IllegalArgumentException(
            "a composed "
                + rows
                + " x "
                + cols
                + " projection has more than "
                + MAX_ENTRIES
                + " synapses, more than the engine holds in one projection");
      }
      int grown = Math.min(Math.multiplyExact(count, 2), MAX_ENTRIES);
      rowOf = Arrays.copyOf(rowOf, grown);
      colOf = Arrays.copyOf(colOf, grown);
      valueOf = Arrays.copyOf(valueOf, grown);
    }
    rowOf[count] = row;
    colOf[count] = col;
    valueOf[count++] = value;
  }

  /** The matrix; a counting sort by row keeps each row's entries in arrival order. */
  CsrMatrix build() {
    int[] pointers = new int[rows + 1];
    for (int k = 0; k < count; k++) {
      pointers[rowOf[k] + 1]++;
    }
    for (int r = 0; r < rows; r++) {
      pointers[r + 1] += pointers[r];
    }
    int[] next = Arrays.copyOf(pointers, rows);
    int[] columns = new int[count];
    float[] values = new float[count];
    for (int k = 0; k < count; k++) {
      int at = next[rowOf[k]]++;
      columns[at] = colOf[k];
      values[at] = valueOf[k];
    }
    return new CsrMatrix(rows, cols, pointers, columns, values);
  }

  /** The {@code n x n} identity. */
  static CsrMatrix identity(int n) {
    int[] pointers = new int[n + 1];
    int[] columns = new int[n];
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      pointers[i + 1] = i + 1;
      columns[i] = i;
      values[i] = 1f;
    }
    return new CsrMatrix(n, n, pointers, columns, values);
  }
}
