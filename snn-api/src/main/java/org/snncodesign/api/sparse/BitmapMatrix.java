package org.snncodesign.api.sparse;

import java.util.Arrays;
import org.snncodesign.api.Checks;

/**
 * A sparse {@code rows x cols} matrix as an occupancy bitmap plus the non-zero values in row-major
 * order, the encoding of dual-side-sparsity accelerators (FireFly-S): a hardware detector ANDs
 * weight and spike bitmaps and the popcount of the bitmap prefix locates each value.
 *
 * <p>Row {@code r} occupies bitmap words {@code [r * wordsPerRow, (r + 1) * wordsPerRow)}; {@link
 * #rowOffsets()} holds the index of each row's first value so rows are reachable without a prefix
 * scan.
 */
public final class BitmapMatrix {
  private final int rows;
  private final int cols;
  private final int wordsPerRow;
  private final long[] bitmap;
  private final int[] rowOffsets;
  private final float[] values;

  private BitmapMatrix(int rows, int cols, long[] bitmap, int[] rowOffsets, float[] values) {
    this.rows = rows;
    this.cols = cols;
    this.wordsPerRow = (cols + 63) >>> 6;
    this.bitmap = bitmap;
    this.rowOffsets = rowOffsets;
    this.values = values;
  }

  /** The bitmap form of a CSR matrix (same entries, explicit zeros included). */
  public static BitmapMatrix fromCsr(CsrMatrix csr) {
    int wordsPerRow = (csr.cols() + 63) >>> 6;
    long[] bitmap = new long[Math.multiplyExact(csr.rows(), wordsPerRow)];
    int[] pointers = csr.rowPointers();
    int[] columns = csr.columnIndices();
    for (int r = 0; r < csr.rows(); r++) {
      for (int k = pointers[r]; k < pointers[r + 1]; k++) {
        bitmap[r * wordsPerRow + (columns[k] >>> 6)] |= 1L << columns[k];
      }
    }
    return new BitmapMatrix(csr.rows(), csr.cols(), bitmap, pointers.clone(), csr.values().clone());
  }

  /** The non-zero entries of a row-major dense array. */
  public static BitmapMatrix fromDense(int rows, int cols, float[] dense) {
    return fromCsr(CsrMatrix.fromDense(rows, cols, dense));
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  public int wordsPerRow() {
    return wordsPerRow;
  }

  public int nonZeros() {
    return values.length;
  }

  /** Backing occupancy bits, row-major; do not modify. */
  public long[] bitmap() {
    return bitmap;
  }

  /** Index into {@link #values()} of each row's first value (length rows + 1); do not modify. */
  public int[] rowOffsets() {
    return rowOffsets;
  }

  /** Backing non-zero values, row-major; may be modified in place. */
  public float[] values() {
    return values;
  }

  public float get(int row, int col) {
    Checks.checkArgument(
        row >= 0 && row < rows && col >= 0 && col < cols,
        "cell (%d, %d) outside %d x %d",
        row,
        col,
        rows,
        cols);
    int base = row * wordsPerRow;
    int word = col >>> 6;
    long bit = 1L << col;
    if ((bitmap[base + word] & bit) == 0) {
      return 0f;
    }
    int index = rowOffsets[row];
    for (int w = 0; w < word; w++) {
      index += Long.bitCount(bitmap[base + w]);
    }
    index += Long.bitCount(bitmap[base + word] & (bit - 1));
    return values[index];
  }

  /** The same entries in CSR form. */
  public CsrMatrix toCsr() {
    int[] columns = new int[values.length];
    int k = 0;
    for (int r = 0; r < rows; r++) {
      for (int w = 0; w < wordsPerRow; w++) {
        long word = bitmap[r * wordsPerRow + w];
        while (word != 0) {
          columns[k++] = (w << 6) + Long.numberOfTrailingZeros(word);
          word &= word - 1;
        }
      }
    }
    return new CsrMatrix(rows, cols, rowOffsets.clone(), columns, values.clone());
  }

  /** Storage with one bit per cell plus {@code valueBits} per non-zero, in bytes (rounded up). */
  public long storageBytes(int valueBits) {
    return ((long) rows * cols + (long) valueBits * values.length + 7) / 8;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BitmapMatrix m
        && m.rows == rows
        && m.cols == cols
        && Arrays.equals(m.bitmap, bitmap)
        && Arrays.equals(m.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bitmap) * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "BitmapMatrix[" + rows + " x " + cols + ", " + values.length + " non-zeros]";
  }
}
