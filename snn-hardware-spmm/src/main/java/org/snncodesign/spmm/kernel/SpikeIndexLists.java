package org.snncodesign.spmm.kernel;

import java.util.Arrays;
import org.snncodesign.api.Checks;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * A binary {@code rows x cols} spike matrix as index lists: row {@code r} holds the ascending
 * column indices {@code indices[rowPointers[r] .. rowPointers[r+1]-1]}. It is CSR without values,
 * the form an event-driven front end produces (address-event lists), and the natural operand of a
 * Gustavson product: each index selects a weight row.
 */
public final class SpikeIndexLists {
  private final int rows;
  private final int cols;
  private final int[] rowPointers;
  private final int[] indices;

  /**
   * Wraps the arrays (not copied) after checking them.
   *
   * @throws IllegalArgumentException naming the first inconsistency
   */
  public SpikeIndexLists(int rows, int cols, int[] rowPointers, int[] indices) {
    this.rows = Checks.nonNegative(rows, "rows");
    this.cols = Checks.nonNegative(cols, "cols");
    Checks.checkArgument(
        rowPointers.length == rows + 1,
        "rowPointers has %d entries, expected rows + 1 = %d",
        rowPointers.length,
        rows + 1);
    Checks.checkArgument(rowPointers[0] == 0, "rowPointers[0] must be 0, got %d", rowPointers[0]);
    Checks.checkArgument(
        rowPointers[rows] == indices.length,
        "rowPointers[%d] = %d but there are %d indices",
        rows,
        rowPointers[rows],
        indices.length);
    for (int r = 0; r < rows; r++) {
      Checks.checkArgument(
          rowPointers[r] <= rowPointers[r + 1], "rowPointers decrease at row %d", r);
      for (int k = rowPointers[r]; k < rowPointers[r + 1]; k++) {
        int c = indices[k];
        Checks.checkArgument(
            c >= 0 && c < cols, "spike index %d of row %d outside [0, %d)", c, r, cols);
        Checks.checkArgument(
            k == rowPointers[r] || indices[k - 1] < c,
            "spike indices of row %d must ascend without repeats (entry %d)",
            r,
            k);
      }
    }
    this.rowPointers = rowPointers;
    this.indices = indices;
  }

  /** The spikes of a raster, one row per time step. */
  public static SpikeIndexLists fromRaster(SpikeRaster raster) {
    long total = raster.count();
    Checks.checkArgument(
        total <= Integer.MAX_VALUE - 8,
        "raster holds %d spikes, more than an index list holds",
        total);
    int[] pointers = new int[raster.timeSteps() + 1];
    int[] idx = new int[(int) total];
    long[] words = raster.words();
    int wordsPerStep = raster.wordsPerStep();
    int n = 0;
    for (int t = 0; t < raster.timeSteps(); t++) {
      int base = t * wordsPerStep;
      for (int w = 0; w < wordsPerStep; w++) {
        long word = words[base + w];
        while (word != 0) {
          idx[n++] = (w << 6) + Long.numberOfTrailingZeros(word);
          word &= word - 1;
        }
      }
      pointers[t + 1] = n;
    }
    return new SpikeIndexLists(raster.timeSteps(), raster.neurons(), pointers, idx);
  }

  /** The same spikes as a raster (rows become time steps). */
  public SpikeRaster toRaster() {
    SpikeRaster raster = new SpikeRaster(rows, cols);
    long[] words = raster.words();
    int wordsPerStep = raster.wordsPerStep();
    for (int r = 0; r < rows; r++) {
      for (int k = rowPointers[r]; k < rowPointers[r + 1]; k++) {
        words[r * wordsPerStep + (indices[k] >>> 6)] |= 1L << indices[k];
      }
    }
    return raster;
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** Number of spikes. */
  public int count() {
    return indices.length;
  }

  /** Backing row pointers (length rows + 1); do not modify. */
  public int[] rowPointers() {
    return rowPointers;
  }

  /** Backing spike indices; do not modify. */
  public int[] indices() {
    return indices;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpikeIndexLists s
        && s.rows == rows
        && s.cols == cols
        && Arrays.equals(s.rowPointers, rowPointers)
        && Arrays.equals(s.indices, indices);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(rowPointers) * 31 + Arrays.hashCode(indices);
  }

  @Override
  public String toString() {
    return "SpikeIndexLists[" + rows + " x " + cols + ", " + indices.length + " spikes]";
  }
}
