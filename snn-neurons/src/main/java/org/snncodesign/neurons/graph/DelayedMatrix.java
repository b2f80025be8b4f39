package org.snncodesign.neurons.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.snncodesign.api.sparse.CsrMatrix;

/**
 * A sparse matrix with one delay per stored entry, as the engine's projections take it.
 *
 * @param weights the entries
 * @param delaySteps the delay of each entry, in CSR order
 */
record DelayedMatrix(CsrMatrix weights, int[] delaySteps) {

  /**
   * Merges matrices keyed by delay into as few delayed matrices as possible: one, unless the same
   * (row, column) pair has weights at several delays, in which case the k-th delay of a pair goes
   * to the k-th matrix.
   */
  static List<DelayedMatrix> split(TreeMap<Integer, CsrMatrix> groups) {
    CsrMatrix[] matrices = groups.values().toArray(new CsrMatrix[0]);
    int[] delayOf = groups.keySet().stream().mapToInt(Integer::intValue).toArray();
    int rows = matrices[0].rows();
    int cols = matrices[0].cols();
    int widest = 0;
    for (int r = 0; r < rows; r++) {
      int n = 0;
      for (CsrMatrix m : matrices) {
        n += m.rowPointers()[r + 1] - m.rowPointers()[r];
      }
      widest = Math.max(widest, n);
    }
    long[] keys = new long[widest];
    int[] cursor = new int[matrices.length];
    List<Part> parts = new ArrayList<>();
    parts.add(new Part(rows, cols));
    for (int r = 0; r < rows; r++) {
      // This row's entries as (column, group) keys: sorted, they run by column, then by delay.
      int n = 0;
      for (int g = 0; g < matrices.length; g++) {
        CsrMatrix m = matrices[g];
        cursor[g] = m.rowPointers()[r];
        for (int k = m.rowPointers()[r]; k < m.rowPointers()[r + 1]; k++) {
          keys[n++] = ((long) m.columnIndices()[k] << 16) | g;
        }
      }
      Arrays.sort(keys, 0, n);
      int occurrence = 0;
      for (int j = 0; j < n; j++) {
        int col = (int) (keys[j] >>> 16);
        int g = (int) (keys[j] & 0xFFFF);
        occurrence = j > 0 && (int) (keys[j - 1] >>> 16) == col ? occurrence + 1 : 0;
        while (parts.size() <= occurrence) {
          parts.add(new Part(rows, cols));
        }
        // Within a group a row's columns ascend, so the group's next entry is this one.
        parts.get(occurrence).add(r, col, matrices[g].values()[cursor[g]++], delayOf[g]);
      }
    }
    List<DelayedMatrix> result = new ArrayList<>();
    for (Part part : parts) {
      result.add(part.build());
    }
    return result;
  }

  /** One output matrix under construction, filled row by row. */
  private static final class Part {
    private final SparseBuilder entries;
    private int[] delays = new int[16];
    private int count;

    Part(int rows, int cols) {
      this.entries = new SparseBuilder(rows, cols);
    }

    void add(int row, int col, float value, int delay) {
      if (value == 0f) {
        return;
      }
      entries.add(row, col, value);
      if (count == delays.length) {
        delays = Arrays.copyOf(delays, count * 2);
      }
      delays[count++] = delay;
    }

    DelayedMatrix build() {
      return new DelayedMatrix(entries.build(), Arrays.copyOf(delays, count));
    }
  }
}
