package org.snncodesign.nir;

import io.jhdf.api.Dataset;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.snncodesign.api.graph.ElementType;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Tensor;

/**
 * One parameter dataset of a node, converted to what the graph needs (a tensor, integers, a string)
 * with checks whose messages name the file, node and field. Sizes are checked against the read
 * budget before any data is loaded.
 */
final class NirDataset {
  private final Dataset dataset;
  private final NirLocation where;
  private final String field;
  private final ReadBudget budget;

  NirDataset(Dataset dataset, NirLocation where, String field, ReadBudget budget) {
    this.dataset = dataset;
    this.where = where;
    this.field = field;
    this.budget = budget;
  }

  boolean isScalar() {
    return dimensions().length == 0;
  }

  boolean holdsStrings() {
    return guard(dataset::getJavaType) == String.class;
  }

  /** A scalar string, as NIR stores a node's {@code type} and the file's {@code version}. */
  String string() {
    if (!holdsStrings() || !isScalar()) {
      throw where.error(field, "expected a scalar string, got " + description());
    }
    budget.take(1, where, field);
    return (String) guard(dataset::getData);
  }

  /** A floating-point (or integer) array of rank at least 1, keeping single or double precision. */
  Tensor tensor() {
    int[] dims = dimensions();
    if (dims.length == 0) {
      throw where.error(field, "expected an array, got a scalar");
    }
    Shape shape = shapeOf(dims);
    Object values = loadFlat(shape.size());
    try {
      if (values instanceof float[] floats) {
        return Tensor.ofFloats(shape, floats);
      }
      if (values instanceof double[] doubles) {
        return Tensor.ofDoubles(shape, doubles);
      }
      long[] integers = integersOf(values, "an array of numbers");
      double[] doubles = new double[integers.length];
      for (int i = 0; i < doubles.length; i++) {
        doubles[i] = integers[i];
      }
      return Tensor.ofDoubles(shape, doubles);
    } catch (IllegalArgumentException e) {
      throw where.error(field, e.getMessage());
    }
  }

  /**
   * The same as {@link #tensor()}, or a scalar broadcast to {@code shape} (NIR allows a scalar
   * {@code w_in}).
   */
  Tensor tensorOrScalar(Shape shape, ElementType type) {
    if (!isScalar()) {
      return tensor();
    }
    budget.take(1, where, field);
    Object value = guard(dataset::getData);
    if (!(value instanceof Number number)) {
      throw where.error(field, "expected a number, got " + description());
    }
    try {
      return Tensor.filled(shape, number.doubleValue(), type);
    } catch (IllegalArgumentException e) {
      throw where.error(field, e.getMessage());
    }
  }

  /**
   * Integers stored as a scalar or as a vector of at most {@code maxLength}: a stride, a shape, a
   * dimension.
   */
  long[] integers(int maxLength) {
    int[] dims = dimensions();
    if (dims.length > 1 || (dims.length == 1 && (dims[0] < 1 || dims[0] > maxLength))) {
      throw where.error(
          field, "expected an integer or up to " + maxLength + " integers, got " + description());
    }
    if (dims.length == 0) {
      budget.take(1, where, field);
      Object value = guard(dataset::getData);
      return integersOf(new Object[] {value}, "an integer");
    }
    return integersOf(loadFlat(dims[0]), "integers");
  }

  /**
   * A matrix of strings with two columns (NIR's edges); an empty dataset of any type is no rows.
   */
  String[][] stringPairs() {
    int[] dims = dimensions();
    if (Arrays.stream(dims).asLongStream().reduce(1, (a, b) -> a * b) == 0) {
      return new String[0][];
    }
    if (dims.length != 2 || dims[1] != 2 || !holdsStrings()) {
      throw where.error(field, "expected an n x 2 array of node names, got " + description());
    }
    budget.take(2L * dims[0], where, field);
    Object data = guard(dataset::getData);
    String[][] pairs = (String[][]) data;
    for (String[] pair : pairs) {
      if (pair[0] == null || pair[1] == null) {
        throw where.error(field, "an edge names no node: " + Arrays.toString(pair));
      }
    }
    return pairs;
  }

  /** A scalar string or number as text (a metadata entry); empty for anything else. */
  Optional<String> scalarText() {
    if (!isScalar()) {
      return Optional.empty();
    }
    budget.take(1, where, field);
    Object value = guard(dataset::getData);
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return Optional.of(value.toString());
    }
    return Optional.empty();
  }

  private Shape shapeOf(int[] dims) {
    for (int d : dims) {
      if (d < 1) {
        throw where.error(field, "expected a non-empty array, got " + description());
      }
    }
    long size = 1;
    for (int d : dims) {
      size *= d;
      if (size > Shape.MAX_SIZE) {
        throw where.error(
            field,
            "declares shape "
                + Arrays.toString(dims)
                + ", more than "
                + Shape.MAX_SIZE
                + " values");
      }
    }
    return Shape.of(dims);
  }

  private Object loadFlat(long size) {
    budget.take(size, where, field);
    return guard(dataset::getDataFlat);
  }

  private long[] integersOf(Object values, String expected) {
    if (values == null || !values.getClass().isArray()) {
      throw where.error(field, "expected " + expected + ", got " + description());
    }
    long[] result = new long[Array.getLength(values)];
    for (int i = 0; i < result.length; i++) {
      Object value = Array.get(values, i);
      if (value instanceof Float || value instanceof Double || !(value instanceof Number)) {
        throw where.error(field, "expected " + expected + ", got " + description());
      }
      result[i] = ((Number) value).longValue();
    }
    return result;
  }

  private int[] dimensions() {
    int[] dims = guard(dataset::getDimensions);
    for (int d : dims) {
      if (d < 0) {
        throw where.error(field, "declares a negative dimension " + Arrays.toString(dims));
      }
    }
    return dims;
  }

  /** As {@code float64 array [2, 3]} or {@code string scalar}, for messages. */
  private String description() {
    Class<?> type = guard(dataset::getJavaType);
    int[] dims = guard(dataset::getDimensions);
    String kind = type == null ? "unknown type" : type.getSimpleName().toLowerCase(Locale.ROOT);
    return kind + (dims.length == 0 ? " scalar" : " array " + Arrays.toString(dims));
  }

  private <T> T guard(Supplier<T> call) {
    return HdfGuard.call(call, where.file(), where.describe() + ", field '" + field + "'");
  }
}
