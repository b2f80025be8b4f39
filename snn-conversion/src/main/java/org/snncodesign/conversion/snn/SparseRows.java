package org.snncodesign.conversion.snn;

import org.snncodesign.api.sparse.CsrMatrix;

/**
 * Builder-side sparse matrix in CSR form (rows = source neurons, columns = target neurons) with
 * composition and addition, used to fold chains of linear layers (convolution, dense, average
 * pooling, flatten, residual sums) into one fan-out matrix per spiking connection.
 */
final class SparseRows {
  final int rows;
  final int cols;
  final int[] pointers;
  final int[] columns;
  final float[] values;

  SparseRows(int rows, int cols, int[] pointers, int[] columns, float[] values) {
    this.rows = rows;
    this.cols = cols;
    this.pointers = pointers;
    this.columns = columns;
    this.values = values;
  }

  /**
   * This matrix as columns {@code [offset, offset + cols)} of a matrix with {@code width} columns
   * (one block of a concatenation).
   */
  SparseRows shifted(int offset, int width) {
    int[] shiftedColumns = new int[pointers[rows]];
    for (int k = 0; k < shiftedColumns.length; k++) {
      shiftedColumns[k] = columns[k] + offset;
    }
    return new SparseRows(
        rows,
        width,
        pointers.clone(),
        shiftedColumns,
        java.util.Arrays.copyOf(values, shiftedColumns.length));
  }

  static SparseRows identity(int n) {
    int[] p = new int[n + 1];
    int[] c = new int[n];
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      p[i + 1] = i + 1;
      c[i] = i;
      v[i] = 1f;
    }
    return new SparseRows(n, n, p, c, v);
  }

  CsrMatrix toCsr() {
    return new CsrMatrix(rows, cols, pointers, columns, values);
  }

  /** {@code this * other}: Gustavson's row-by-row product with a dense accumulator. */
  SparseRows times(SparseRows other) {
    double[] acc = new double[other.cols];
    boolean[] seen = new boolean[other.cols];
    int[] touched = new int[other.cols];
    IntFloatList out = new IntFloatList(Math.max(16, pointers[rows]));
    int[] p = new int[rows + 1];
    for (int r = 0; r < rows; r++) {
      int n = 0;
      for (int k = pointers[r]; k < pointers[r + 1]; k++) {
        int mid = columns[k];
        double a = values[k];
        for (int q = other.pointers[mid]; q < other.pointers[mid + 1]; q++) {
          int c = other.columns[q];
          if (!seen[c]) {
            seen[c] = true;
            touched[n++] = c;
          }
          acc[c] += a * other.values[q];
        }
      }
      java.util.Arrays.sort(touched, 0, n);
      for (int i = 0; i < n; i++) {
        int c = touched[i];
        if (acc[c] != 0) {
          out.add(c, (float) acc[c]);
        }
        acc[c] = 0;
        seen[c] = false;
      }
      p[r + 1] = out.size;
    }
    return new SparseRows(rows, other.cols, p, out.ints(), out.floats());
  }

  /** {@code this + other}, same shape. */
  SparseRows plus(SparseRows other) {
    IntFloatList out = new IntFloatList(pointers[rows] + other.pointers[rows]);
    int[] p = new int[rows + 1];
    for (int r = 0; r < rows; r++) {
      int a = pointers[r];
      int b = other.pointers[r];
      while (a < pointers[r + 1] || b < other.pointers[r + 1]) {
        int ca = a < pointers[r + 1] ? columns[a] : Integer.MAX_VALUE;
        int cb = b < other.pointers[r + 1] ? other.columns[b] : Integer.MAX_VALUE;
        if (ca == cb) {
          out.add(ca, values[a++] + other.values[b++]);
        } else if (ca < cb) {
          out.add(ca, values[a++]);
        } else {
          out.add(cb, other.values[b++]);
        }
      }
      p[r + 1] = out.size;
    }
    return new SparseRows(rows, cols, p, out.ints(), out.floats());
  }

  /** {@code v * this} for a row vector {@code v} over the rows. */
  double[] leftMultiply(double[] v) {
    double[] out = new double[cols];
    for (int r = 0; r < rows; r++) {
      if (v[r] == 0) {
        continue;
      }
      for (int k = pointers[r]; k < pointers[r + 1]; k++) {
        out[columns[k]] += v[r] * values[k];
      }
    }
    return out;
  }

  /** Copy with every value in row {@code r} multiplied by {@code rowScale[r] * factor}. */
  SparseRows scaled(double rowScale, double factor) {
    float[] v = new float[values.length];
    for (int k = 0; k < v.length; k++) {
      v[k] = (float) (values[k] * rowScale * factor);
    }
    return new SparseRows(rows, cols, pointers, columns, v);
  }

  /** Growable (int, float) pairs. */
  static final class IntFloatList {
    int size;
    private int[] ints;
    private float[] floats;

    IntFloatList(int capacity) {
      ints = new int[capacity];
      floats = new float[capacity];
    }

    void add(int i, float f) {
      if (size == ints.length) {
        int n = Math.max(16, ints.length * 2);
        ints = java.util.Arrays.copyOf(ints, n);
        floats = java.util.Arrays.copyOf(floats, n);
      }
      ints[size] = i;
      floats[size++] = f;
    }

    int[] ints() {
      return java.util.Arrays.copyOf(ints, size);
    }

    float[] floats() {
      return java.util.Arrays.copyOf(floats, size);
    }
  }
}
