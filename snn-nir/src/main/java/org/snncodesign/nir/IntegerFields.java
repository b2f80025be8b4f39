package org.snncodesign.nir;

import java.util.Optional;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Size2d;

/**
 * Reads a node's integer fields in the forms NIR files use: a scalar or a vector (stride, dilation,
 * groups, dimensions), a pair given as one value for both axes, a shape, and padding that older
 * files may give as {@code 'same'} or {@code 'valid'}.
 */
final class IntegerFields {
  /** More axes than any NIR tensor has; bounds a shape vector before it is read. */
  private static final int MAX_RANK = 32;

  private final NirGroup node;

  IntegerFields(NirGroup node) {
    this.node = node;
  }

  /** A scalar (or one-element vector) integer in int range. */
  int integer(String field) {
    return toInt(node.dataset(field).integers(1)[0], field);
  }

  /** A pair of per-axis values: two values, or one for both axes. */
  Size2d pair(String field) {
    long[] values = node.dataset(field).integers(2);
    try {
      return new Size2d(toInt(values[0], field), toInt(values[values.length - 1], field));
    } catch (IllegalArgumentException e) {
      throw node.where().error(field, e.getMessage());
    }
  }

  Shape shape(String field) {
    return optionalShape(field)
        .orElseThrow(() -> node.where().error(field, "missing; expected the shape"));
  }

  Optional<Shape> optionalShape(String field) {
    return node.optionalDataset(field)
        .map(
            dataset -> {
              long[] dims = dataset.integers(MAX_RANK);
              try {
                return Shape.ofLongs(dims);
              } catch (IllegalArgumentException e) {
                throw node.where().error(field, e.getMessage());
              }
            });
  }

  /**
   * Padding per axis: integers as for {@link #pair}, or PyTorch's strings, {@code 'valid'} (none)
   * and {@code 'same'} (output as long as input, only for stride 1; symmetric only when {@code d (k
   * - 1)} is even, because the graph's padding is the same on both sides).
   */
  int[] padding(String field, int[] kernel, int[] dilation, int[] stride) {
    NirDataset dataset = node.dataset(field);
    int axes = kernel.length;
    if (!dataset.holdsStrings()) {
      long[] values = dataset.integers(axes);
      int[] padding = new int[axes];
      for (int a = 0; a < axes; a++) {
        padding[a] = toInt(values[Math.min(a, values.length - 1)], field);
      }
      return padding;
    }
    String mode = dataset.string();
    int[] padding = new int[axes];
    if (mode.equals("valid")) {
      return padding;
    }
    if (!mode.equals("same")) {
      throw node.where().error(field, "expected an integer, 'same' or 'valid', got '" + mode + "'");
    }
    for (int a = 0; a < axes; a++) {
      int total = dilation[a] * (kernel[a] - 1);
      if (stride[a] != 1 || total % 2 != 0) {
        throw node.where()
            .error(
                field,
                "'same' padding needs stride 1 and an even dilation * (kernel - 1) to be"
                    + " symmetric; axis "
                    + a
                    + " has stride "
                    + stride[a]
                    + ", dilation "
                    + dilation[a]
                    + ", kernel "
                    + kernel[a]);
      }
      padding[a] = total / 2;
    }
    return padding;
  }

  private int toInt(long value, String field) {
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw node.where().error(field, "value " + value + " is out of integer range");
    }
    return (int) value;
  }
}
