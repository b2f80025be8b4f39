package org.snncodesign.spmm.kernel;

import java.util.Arrays;
import org.snncodesign.api.sparse.BitmapMatrix;
import org.snncodesign.api.sparse.CsrMatrix;

/**
 * The right operand of the kernel: a weight format that can add the rows selected by one row's
 * spikes into a dense output row. Each subclass holds the loop for its format; the call is per
 * output row, so its dispatch cost is amortised over the row's spikes and weights.
 */
abstract class WeightRows {
  private final int rows;
  private final int cols;
  private final long nonZeros;

  /**
   * Where each weight row's entries start in the format's value (or code) array, length {@code rows
   * + 1}: row {@code k} ends where row {@code k + 1} starts (CSR row pointers, bitmap row offsets).
   */
  final int[] rowStarts;

  WeightRows(int rows, int cols, long nonZeros, int[] rowStarts) {
    this.rows = rows;
    this.cols = cols;
    this.nonZeros = nonZeros;
    this.rowStarts = rowStarts;
  }

  final int rows() {
    return rows;
  }

  final int cols() {
    return cols;
  }

  final long nonZeros() {
    return nonZeros;
  }

  /** Stored entries of weight row {@code k}: the adds one spike on input {@code k} costs. */
  final int rowLength(int k) {
    return rowStarts[k + 1] - rowStarts[k];
  }

  /**
   * Writes {@code out[offset + j] = sum over the n spikes k in spikes[from..from+n) of w[k][j]},
   * summing in ascending k (the order of a dense i-k-j product, so float results match it bit for
   * bit). {@code out}'s row is zero on entry. Returns the number of adds performed.
   */
  abstract long writeRow(int[] spikes, int from, int n, float[] out, int offset, Workspace ws);

  /** Length of the integer accumulator a worker needs (0 for float formats). */
  int intRowLength() {
    return 0;
  }

  static WeightRows of(CsrMatrix w) {
    return new Csr(w);
  }

  static WeightRows of(BitmapMatrix w) {
    return new Bitmap(w);
  }

  static WeightRows of(QuantizedCsrMatrix w) {
    return new Quantized(w);
  }

  /** Float CSR: each spike streams one contiguous slice of (column, value) pairs. */
  static final class Csr extends WeightRows {
    final int[] columns;
    final float[] values;

    Csr(CsrMatrix matrix) {
      super(matrix.rows(), matrix.cols(), matrix.nonZeros(), matrix.rowPointers());
      this.columns = matrix.columnIndices();
      this.values = matrix.values();
    }

    @Override
    long writeRow(int[] spikes, int from, int n, float[] out, int offset, Workspace ws) {
      final int[] ptr = rowStarts;
      final int[] col = columns;
      final float[] val = values;
      long adds = 0;
      for (int s = from, end = from + n; s < end; s++) {
        int k = spikes[s];
        int p = ptr[k];
        int stop = ptr[k + 1];
        adds += stop - p;
        for (; p < stop; p++) {
          out[offset + col[p]] += val[p];
        }
      }
      return adds;
    }
  }

  /**
   * Float bitmap: each spike walks its weight row's occupancy words; values follow in row-major
   * order.
   */
  static final class Bitmap extends WeightRows {
    final long[] bitmap;
    final float[] values;
    final int wordsPerRow;

    Bitmap(BitmapMatrix matrix) {
      super(matrix.rows(), matrix.cols(), matrix.nonZeros(), matrix.rowOffsets());
      this.bitmap = matrix.bitmap();
      this.values = matrix.values();
      this.wordsPerRow = matrix.wordsPerRow();
    }

    @Override
    long writeRow(int[] spikes, int from, int n, float[] out, int offset, Workspace ws) {
      final long[] bits = bitmap;
      final int[] offsets = rowStarts;
      final float[] val = values;
      long adds = 0;
      for (int s = from, end = from + n; s < end; s++) {
        int k = spikes[s];
        int v = offsets[k];
        adds += offsets[k + 1] - v;
        int base = k * wordsPerRow;
        for (int w = 0; w < wordsPerRow; w++) {
          long word = bits[base + w];
          int colBase = offset + (w << 6);
          while (word != 0) {
            out[colBase + Long.numberOfTrailingZeros(word)] += val[v++];
            word &= word - 1;
          }
        }
      }
      return adds;
    }
  }

  /** Quantized CSR: integer codes summed exactly in an int row, scaled once per output. */
  static final class Quantized extends WeightRows {
    final QuantizedCsrMatrix matrix;
    final int[] columns;
    final byte[] codes;
    final boolean int4;

    Quantized(QuantizedCsrMatrix matrix) {
      super(matrix.rows(), matrix.cols(), matrix.nonZeros(), matrix.rowPointers());
      this.matrix = matrix;
      this.columns = matrix.columnIndices();
      this.codes = matrix.codes();
      this.int4 = matrix.bits() == 4;
    }

    @Override
    int intRowLength() {
      return matrix.cols();
    }

    @Override
    long writeRow(int[] spikes, int from, int n, float[] out, int offset, Workspace ws) {
      int[] acc = ws.intRow;
      long adds = accumulateCodes(spikes, from, n, acc, 0);
      float scale = matrix.scale();
      for (int j = 0, m = acc.length; j < m; j++) {
        out[offset + j] = scale * acc[j];
        acc[j] = 0;
      }
      return adds;
    }

    /**
     * Adds the codes of the selected rows into {@code acc[offset ..]}; returns the adds performed.
     */
    long accumulateCodes(int[] spikes, int from, int n, int[] acc, int offset) {
      final int[] ptr = rowStarts;
      final int[] col = columns;
      final byte[] c = codes;
      long adds = 0;
      for (int s = from, end = from + n; s < end; s++) {
        int k = spikes[s];
        int p = ptr[k];
        int stop = ptr[k + 1];
        adds += stop - p;
        if (int4) {
          for (; p < stop; p++) {
            acc[offset + col[p]] += (c[p >>> 1] << (28 - ((p & 1) << 2))) >> 28;
          }
        } else {
          for (; p < stop; p++) {
            acc[offset + col[p]] += c[p];
          }
        }
      }
      return adds;
    }
  }

  /** Zeroes {@code out[offset .. offset + length)}. */
  static void clear(float[] out, int offset, int length) {
    Arrays.fill(out, offset, offset + length, 0f);
  }
}
