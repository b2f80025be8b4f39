package org.snncodesign.conversion.onnx;

import java.util.Arrays;

/**
 * A tensor whose values are known at import time: an initializer, a {@code Constant}, or the folded
 * result of shape arithmetic. Floating-point types are held as {@code float}, integer and boolean
 * types as {@code long}. The dynamic batch size, unknown until run time, is the marker {@link
 * #BATCH} in integer tensors: PyTorch's {@code x.view(x.size(0), -1)} computes the shape {@code
 * [BATCH, -1]}.
 *
 * @param name tensor name, for messages
 * @param dims dimensions, row-major
 * @param floats values of a floating-point tensor, else null
 * @param longs values of an integer tensor, else null
 */
record ConstantTensor(String name, long[] dims, float[] floats, long[] longs) {
  /** Stands for the batch size where it is symbolic; any arithmetic on it gives it again. */
  static final long BATCH = Long.MIN_VALUE / 4;

  static ConstantTensor ofFloats(String name, long[] dims, float[] values) {
    return new ConstantTensor(name, dims, values, null);
  }

  static ConstantTensor ofLongs(String name, long[] dims, long[] values) {
    return new ConstantTensor(name, dims, null, values);
  }

  /** A 1-D integer tensor. */
  static ConstantTensor vector(String name, long... values) {
    return ofLongs(name, new long[] {values.length}, values);
  }

  boolean isFloat() {
    return floats != null;
  }

  int elements() {
    return isFloat() ? floats.length : longs.length;
  }

  int rank() {
    return dims.length;
  }

  /** Value {@code k} as a double (integers exactly up to 2^53). */
  double value(int k) {
    return isFloat() ? floats[k] : longs[k];
  }

  /** Value {@code k} as a long; floats are truncated, as ONNX's Cast does. */
  long longValue(int k) {
    return isFloat() ? (long) floats[k] : longs[k];
  }

  /** The values as longs (a copy for floats). */
  long[] asLongs() {
    if (!isFloat()) {
      return longs;
    }
    long[] out = new long[floats.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = (long) floats[k];
    }
    return out;
  }

  /** The values as floats (a copy for integers; the batch marker becomes NaN). */
  float[] asFloats() {
    if (isFloat()) {
      return floats;
    }
    float[] out = new float[longs.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = longs[k] == BATCH ? Float.NaN : longs[k];
    }
    return out;
  }

  /** The same values under other dimensions. */
  ConstantTensor reshaped(String newName, long[] newDims) {
    return new ConstantTensor(newName, newDims, floats, longs);
  }

  String shapeText() {
    return Arrays.toString(dims);
  }
}
