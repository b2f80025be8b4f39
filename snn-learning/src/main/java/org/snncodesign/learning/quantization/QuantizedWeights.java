package org.snncodesign.learning.quantization;

import org.snncodesign.api.Checks;
import org.snncodesign.api.sparse.BitmapMatrix;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.learning.surrogate.ConvLayer;
import org.snncodesign.learning.surrogate.DenseLayer;
import org.snncodesign.learning.surrogate.SpikingLayer;

/**
 * The integer form of a quantised layer, for hardware models: weight {@code (i, j)} (pre {@code i},
 * post {@code j}) equals {@code levels[i * cols + j] * scale}, each level a signed {@code bits}-bit
 * integer.
 *
 * <p>For a {@link DenseLayer} rows are the inputs and columns the outputs; for a {@link ConvLayer}
 * rows are the kernel taps and input channels {@code (ky k + kx) C_in + ci} and columns the output
 * channels.
 *
 * @param rows presynaptic inputs (or kernel taps x input channels)
 * @param cols postsynaptic outputs (or output channels)
 * @param bits bit width of each level
 * @param scale the step between levels
 * @param levels row-major integer levels in {@code [-2^(bits-1), 2^(bits-1) - 1]}
 */
public record QuantizedWeights(int rows, int cols, int bits, float scale, int[] levels) {
  public QuantizedWeights {
    Checks.checkArgument(
        levels.length == (long) rows * cols,
        "%d levels for a %d x %d matrix",
        levels.length,
        rows,
        cols);
    int low = -(1 << (bits - 1));
    int high = (1 << (bits - 1)) - 1;
    for (int i = 0; i < levels.length; i++) {
      Checks.checkArgument(
          levels[i] >= low && levels[i] <= high,
          "level %d at %d outside %d-bit range [%d, %d]",
          levels[i],
          i,
          bits,
          low,
          high);
    }
  }

  /**
   * The integers of a layer trained with {@link LsqQuantizer}.
   *
   * @throws IllegalArgumentException if the layer is not quantised or a weight is not an integer
   *     times its scale
   */
  public static QuantizedWeights of(SpikingLayer layer) {
    Checks.checkArgument(layer.bits() > 0, "layer %s is not quantised", layer);
    float[] w = layer.weights();
    int[] levels = new int[w.length];
    float scale = layer.scale();
    int low = -(1 << (layer.bits() - 1));
    int high = (1 << (layer.bits() - 1)) - 1;
    for (int i = 0; i < w.length; i++) {
      int q = LsqQuantizer.level(w[i], scale, low, high);
      Checks.checkArgument(
          q * scale == w[i], "weight %s at %d is not a multiple of the scale %s", w[i], i, scale);
      levels[i] = q;
    }
    return new QuantizedWeights(
        layer.weightRows(), layer.weightCols(), layer.bits(), scale, levels);
  }

  /** The weights as floats, {@code level * scale}. */
  public float[] dequantize() {
    float[] w = new float[levels.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = levels[i] * scale;
    }
    return w;
  }

  /** Non-zero levels as a CSR matrix of integer-valued floats (rows = pre, cols = post). */
  public CsrMatrix levelsAsCsr() {
    float[] dense = new float[levels.length];
    for (int i = 0; i < dense.length; i++) {
      dense[i] = levels[i];
    }
    return CsrMatrix.fromDense(rows, cols, dense);
  }

  /** Non-zero levels as a bitmap matrix (the FireFly-S int weight format). */
  public BitmapMatrix levelsAsBitmap() {
    return BitmapMatrix.fromCsr(levelsAsCsr());
  }

  /** Fraction of zero levels. */
  public double sparsity() {
    int zeros = 0;
    for (int q : levels) {
      if (q == 0) {
        zeros++;
      }
    }
    return (double) zeros / levels.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuantizedWeights q
        && q.rows == rows
        && q.cols == cols
        && q.bits == bits
        && Float.floatToIntBits(q.scale) == Float.floatToIntBits(scale)
        && java.util.Arrays.equals(q.levels, levels);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(levels) * 31 + Float.floatToIntBits(scale);
  }

  @Override
  public String toString() {
    return "QuantizedWeights[" + rows + " x " + cols + ", " + bits + "-bit, scale " + scale + "]";
  }
}
