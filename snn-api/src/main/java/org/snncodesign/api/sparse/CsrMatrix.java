package org.snncodesign.api.sparse;

import java.io.Serializable;
import java.util.Arrays;
import org.snncodesign.api.Checks;

/**
 * A sparse {@code rows x cols} matrix in compressed sparse row form.
 *
 * <p>Row {@code r} holds the entries {@code rowPointers[r] .. rowPointers[r+1]-1} of {@code
 * columnIndices} and {@code values}; column indices ascend within a row. The structure is fixed;
 * {@link #values()} is the backing array and may be changed in place (learning rules update weights
 * that way).
 */
public final class CsrMatrix implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int rows;
  private final int cols;
  private final int[] rowPointers;
  private final int[] columnIndices;
  private final float[] values;

  /**
   * Wraps the arrays (not copied) after checking that they form a valid CSR matrix.
   *
   * @throws IllegalArgumentException naming the first inconsistency
   */
  public CsrMatrix(int rows, int cols, int[] rowPointers, int[] columnIndices, float[] values) {
    this.rows = Checks.nonNegative(rows, "rows");
    this.cols = Checks.nonNegative(cols, "cols");
    Checks.checkArgument(
        rowPointers.length == rows + 1,
        "rowPointers has %d entries, expected rows + 1 = %d",
        rowPointers.length,
        rows + 1);
    Checks.checkArgument(
        columnIndices.length == values.length,
        "columnIndices (%d) and values (%d) differ in length",
        columnIndices.length,
        values.length);
    Checks.checkArgument(rowPointers[0] == 0, "rowPointers[0] must be 0, got %d", rowPointers[0]);
    Checks.checkArgument(
        rowPointers[rows] == values.length,
        "rowPointers[%d] = %d but there are %d entries",
        rows,
        rowPointers[rows],
        values.length);
    for (int r = 0; r < rows; r++) {
      Checks.checkArgument(
          rowPointers[r] <= rowPointers[r + 1], "rowPointers decrease at row %d", r);
      for (int k = rowPointers[r]; k < rowPointers[r + 1]; k++) {
        int c = columnIndices[k];
        Checks.checkArgument(c >= 0 && c < cols, "column %d of row %d outside [0, %d)", c, r, cols);
        Checks.checkArgument(
            k == rowPointers[r] || columnIndices[k - 1] < c,
            "columns of row %d must ascend without repeats (entry %d)",
            r,
            k);
      }
    }
    this.rowPointers = rowPointers;
    this.columnIndices = columnIndices;
    this.values = values;
  }

  /** The non-zero entries of a row-major dense {@code rows x cols} array. */
  public static CsrMatrix fromDense(int rows, int cols, float[] dense) {
    Checks.checkArgument(
        dense.length == (long) rows * cols,
        "dense array has %d values, expected %d x %d",
        dense.length,
        rows,
        cols);
    int nnz = 0;
    for (float v : dense) {
      if (v != 0f) {
        nnz++;
      }
    }
    int[] pointers = new int[rows + 1];
    int[] columns = new int[nnz];
    float[] vals = new float[nnz];
    int k = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        float v = dense[r * cols + c];
        if (v != 0f) {
          columns[k] = c;
          vals[k++] = v;
        }
      }
      pointers[r + 1] = k;
    }
    return new CsrMatrix(rows, cols, pointers, columns, vals);
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** Number of stored entries. */
  public int nonZeros() {
    return values.length;
  }

  /** Stored entries over all cells; 0 for an empty shape. */
  public double density() {
    long cells = (long) rows * cols;
    return cells == 0 ? 0 : (double) values.length / cells;
  }

  /** Backing array of row pointers (length rows + 1); do not modify. */
  public int[] rowPointers() {
    return rowPointers;
  }

  /** Backing array of column indices; do not modify. */
  public int[] columnIndices() {
    return columnIndices;
  }

  /** Backing array of values; may be modified in place. */
  public float[] values() {
    return values;
  }

  /** The value at ({@code row}, {@code col}), 0 where nothing is stored. */
  public float get(int row, int col) {
    Checks.checkArgument(
        row >= 0 && row < rows && col >= 0 && col < cols,
        "cell (%d, %d) outside %d x %d",
        row,
        col,
        rows,
        cols);
    int at = Arrays.binarySearch(columnIndices, rowPointers[row], rowPointers[row + 1], col);
    return at >= 0 ? values[at] : 0f;
  }

  /** A row-major dense copy. */
  public float[] toDense() {
    float[] dense = new float[Math.multiplyExact(rows, cols)];
    for (int r = 0; r < rows; r++) {
      for (int k = rowPointers[r]; k < rowPointers[r + 1]; k++) {
        dense[r * cols + columnIndices[k]] = values[k];
      }
    }
    return dense;
  }

  /** Bytes taken by the three arrays (4-byte indices and values). */
  public long storageBytes() {
    return 4L * (rowPointers.length + columnIndices.length + values.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CsrMatrix m
        && m.rows == rows
        && m.cols == cols
        && Arrays.equals(m.rowPointers, rowPointers)
        && Arrays.equals(m.columnIndices, columnIndices)
        && Arrays.equals(m.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(rowPointers) * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "CsrMatrix[" + rows + " x " + cols + ", " + values.length + " non-zeros]";
  }
}
