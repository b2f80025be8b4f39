package org.snncodesign.spmm.kernel;

import java.util.Arrays;
import org.snncodesign.api.Checks;
import org.snncodesign.api.sparse.CsrMatrix;

/**
 * A CSR weight matrix with integer values of 8 or 4 bits and one symmetric per-tensor scale: {@code
 * w = scale * q}, {@code q in [-(2^(b-1) - 1), 2^(b-1) - 1]} (so {@code [-127, 127]} or {@code [-7,
 * 7]}; the most negative code is left unused to keep the grid symmetric about zero).
 *
 * <p>Quantization ({@link #quantize}) takes {@code scale = max|w| / qmax} and {@code q = round(w /
 * scale)}, the per-tensor symmetric scheme of Jacob et al. (CVPR 2018) without a zero point.
 * Weights that round to zero are dropped from the structure, so quantization can only make the
 * matrix sparser. Products with binary spikes sum integers exactly in an {@code int} accumulator
 * and apply the scale once per output, which is why the quantized kernel is bit-exact against any
 * summation order.
 *
 * <p>8-bit codes are stored one per byte; 4-bit codes two per byte (entry {@code p} in the low
 * nibble of byte {@code p / 2} when {@code p} is even, the high nibble when odd), the storage an
 * accelerator would stream.
 */
public final class QuantizedCsrMatrix {
  private final int rows;
  private final int cols;
  private final int bits;
  private final float scale;
  private final int[] rowPointers;
  private final int[] columnIndices;
  private final byte[] codes;

  private QuantizedCsrMatrix(
      int rows,
      int cols,
      int bits,
      float scale,
      int[] rowPointers,
      int[] columnIndices,
      byte[] codes) {
    this.rows = rows;
    this.cols = cols;
    this.bits = bits;
    this.scale = scale;
    this.rowPointers = rowPointers;
    this.columnIndices = columnIndices;
    this.codes = codes;
  }

  /**
   * Builds a matrix from integer codes.
   *
   * @param values one code per entry of {@code columnIndices}, each in {@code [-qmax, qmax]}
   * @throws IllegalArgumentException naming the bad argument
   */
  public static QuantizedCsrMatrix of(
      int rows,
      int cols,
      int bits,
      float scale,
      int[] rowPointers,
      int[] columnIndices,
      int[] values) {
    Checks.checkArgument(
        bits == 8 || bits == 4, "quantized weights must have 8 or 4 bits, got %d", bits);
    Checks.checkArgument(
        scale > 0 && Float.isFinite(scale), "scale must be finite and > 0, got %s", scale);
    Checks.checkArgument(
        values.length == columnIndices.length,
        "values (%d) and columnIndices (%d) differ",
        values.length,
        columnIndices.length);
    // Reuse CsrMatrix's structural checks (pointers, ascending columns, bounds).
    new CsrMatrix(rows, cols, rowPointers, columnIndices, new float[values.length]);
    int qmax = qmax(bits);
    byte[] codes = new byte[bits == 8 ? values.length : (values.length + 1) / 2];
    for (int p = 0; p < values.length; p++) {
      int q = values[p];
      Checks.checkArgument(
          q >= -qmax && q <= qmax,
          "code %d of entry %d outside [-%d, %d] for %d bits",
          q,
          p,
          qmax,
          qmax,
          bits);
      if (bits == 8) {
        codes[p] = (byte) q;
      } else {
        codes[p >>> 1] |= (byte) ((q & 0xF) << ((p & 1) << 2));
      }
    }
    return new QuantizedCsrMatrix(rows, cols, bits, scale, rowPointers, columnIndices, codes);
  }

  /** Largest code magnitude of {@code bits}-bit symmetric quantization. */
  public static int qmax(int bits) {
    return (1 << (bits - 1)) - 1;
  }

  /**
   * Quantizes {@code weights} symmetrically per tensor to {@code bits} (8 or 4); entries that round
   * to 0 are dropped. An all-zero (or empty) matrix gets scale 1.
   */
  public static QuantizedCsrMatrix quantize(CsrMatrix weights, int bits) {
    Checks.checkArgument(
        bits == 8 || bits == 4, "quantized weights must have 8 or 4 bits, got %d", bits);
    float[] v = weights.values();
    float maxAbs = 0f;
    for (float x : v) {
      Checks.checkArgument(Float.isFinite(x), "weight %s is not finite", x);
      maxAbs = Math.max(maxAbs, Math.abs(x));
    }
    int qmax = qmax(bits);
    float scale = maxAbs == 0f ? 1f : maxAbs / qmax;
    int[] src = weights.rowPointers();
    int[] srcCols = weights.columnIndices();
    int[] pointers = new int[weights.rows() + 1];
    int[] columns = new int[v.length];
    int[] q = new int[v.length];
    int n = 0;
    for (int r = 0; r < weights.rows(); r++) {
      for (int p = src[r]; p < src[r + 1]; p++) {
        int code = Math.max(-qmax, Math.min(qmax, Math.round(v[p] / scale)));
        if (code != 0) {
          columns[n] = srcCols[p];
          q[n++] = code;
        }
      }
      pointers[r + 1] = n;
    }
    return of(
        weights.rows(),
        weights.cols(),
        bits,
        scale,
        pointers,
        Arrays.copyOf(columns, n),
        Arrays.copyOf(q, n));
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** Bits per code, 8 or 4. */
  public int bits() {
    return bits;
  }

  /** The per-tensor scale: a weight is {@code scale * code}. */
  public float scale() {
    return scale;
  }

  public int nonZeros() {
    return columnIndices.length;
  }

  /** Backing row pointers; do not modify. */
  public int[] rowPointers() {
    return rowPointers;
  }

  /** Backing column indices; do not modify. */
  public int[] columnIndices() {
    return columnIndices;
  }

  /** Backing packed codes (see the class comment for the 4-bit layout); do not modify. */
  public byte[] codes() {
    return codes;
  }

  /** The integer code of entry {@code p} (in CSR order). */
  public int code(int p) {
    Checks.checkArgument(
        p >= 0 && p < columnIndices.length, "entry %d outside [0, %d)", p, columnIndices.length);
    return bits == 8 ? codes[p] : nibble(codes, p);
  }

  /**
   * Sign-extends the 4-bit code of entry {@code p}: shift the nibble to the top of an int, then
   * back.
   */
  static int nibble(byte[] packed, int p) {
    return (packed[p >>> 1] << (28 - ((p & 1) << 2))) >> 28;
  }

  /** The integer codes as a dense row-major {@code rows x cols} array. */
  public int[] toDenseCodes() {
    int[] dense = new int[Math.multiplyExact(rows, cols)];
    for (int r = 0; r < rows; r++) {
      for (int p = rowPointers[r]; p < rowPointers[r + 1]; p++) {
        dense[r * cols + columnIndices[p]] = code(p);
      }
    }
    return dense;
  }

  /** The dequantized weights, {@code scale * code}, as a float CSR matrix. */
  public CsrMatrix dequantize() {
    float[] values = new float[columnIndices.length];
    for (int p = 0; p < values.length; p++) {
      values[p] = scale * code(p);
    }
    return new CsrMatrix(rows, cols, rowPointers.clone(), columnIndices.clone(), values);
  }

  /** Bytes of the stored codes plus 4-byte column indices and row pointers. */
  public long storageBytes() {
    return codes.length + 4L * (columnIndices.length + rowPointers.length);
  }

  @Override
  public String toString() {
    return "QuantizedCsrMatrix["
        + rows
        + " x "
        + cols
        + ", int"
        + bits
        + ", "
        + columnIndices.length
        + " non-zeros, scale "
        + scale
        + "]";
  }
}
