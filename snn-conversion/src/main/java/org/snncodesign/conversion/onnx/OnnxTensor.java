package org.snncodesign.conversion.onnx;

/**
 * A decoded {@code TensorProto}: float element types are widened or narrowed to {@code float}, integer types
 * to {@code long}; exactly one of the two arrays is non-null.
 *
 * @param name tensor name (initializer name or constant output)
 * @param dims dimensions, outermost first
 * @param dataType ONNX {@code TensorProto.DataType} code
 * @param floats values of a float tensor, row-major
 * @param longs values of an integer tensor, row-major
 */
record OnnxTensor(String name, long[] dims, int dataType, float[] floats, long[] longs) {
  /** Number of elements, the product of the dimensions. */
  long elements() {
    long n = 1;
    for (long d : dims) {
      n *= d;
    }
    return n;
  }

  /** Dimensions as text, {@code [64, 1, 5, 5]}. */
  String shapeText() {
    return java.util.Arrays.toString(dims);
  }
}
