package org.snncodesign.nir;

import java.lang.reflect.Array;
import org.snncodesign.api.graph.ElementType;
import org.snncodesign.api.graph.Tensor;

/**
 * A tensor as the nested Java arrays jHDF writes as an n-d dataset ({@code float[][]} for a float32
 * matrix), keeping its element type so that the file stores float32 or float64 as the tensor does.
 */
final class NestedArrays {
  private NestedArrays() {}

  static Object of(Tensor tensor) {
    Object flat =
        tensor.elementType() == ElementType.FLOAT32
            ? tensor.toFloatArray()
            : tensor.toDoubleArray();
    int[] dims = tensor.shape().dims();
    if (dims.length == 1) {
      return flat;
    }
    Class<?> element = flat.getClass().getComponentType();
    Object nested = Array.newInstance(element, dims);
    int rowLength = dims[dims.length - 1];
    int[] offset = {0};
    fillRows(nested, dims.length - 1, flat, rowLength, offset);
    return nested;
  }

  /**
   * Copies consecutive runs of the row-major {@code flat} array into the innermost arrays, in
   * order.
   */
  private static void fillRows(Object array, int depth, Object flat, int rowLength, int[] offset) {
    int length = Array.getLength(array);
    for (int i = 0; i < length; i++) {
      Object child = Array.get(array, i);
      if (depth == 1) {
        System.arraycopy(flat, offset[0], child, 0, rowLength);
        offset[0] += rowLength;
      } else {
        fillRows(child, depth - 1, flat, rowLength, offset);
      }
    }
  }
}
