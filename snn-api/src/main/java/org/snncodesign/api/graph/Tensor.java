package org.snncodesign.api.graph;

import java.util.Arrays;
import org.snncodesign.api.Checks;

/**
 * An immutable array of finite numbers with a {@link Shape}, row-major: a node's weights or its
 * per-neuron parameters. Values keep the precision they were given in ({@link ElementType}), so
 * that a graph written to a file and read back is bit-for-bit the same. Construction refuses NaN
 * and infinities; the message names the element.
 */
public final class Tensor {
  private static final float[] NO_FLOATS = {};
  private static final double[] NO_DOUBLES = {};

  private final Shape shape;
  private final ElementType elementType;
  // The values live in the array of the element type; the other one is empty.
  private final float[] floats;
  private final double[] doubles;

  private Tensor(Shape shape, ElementType elementType, float[] floats, double[] doubles) {
    this.shape = shape;
    this.elementType = elementType;
    this.floats = floats;
    this.doubles = doubles;
  }

  /** Single-precision values (copied), {@code shape.size()} of them. */
  public static Tensor ofFloats(Shape shape, float... values) {
    Checks.checkArgument(
        values.length == shape.size(),
        "tensor of shape %s needs %d values, got %d",
        shape,
        shape.size(),
        values.length);
    for (int i = 0; i < values.length; i++) {
      Checks.checkArgument(
          Float.isFinite(values[i]),
          "value %d of a %s tensor is %s, expected a finite number",
          i,
          shape,
          values[i]);
    }
    return new Tensor(shape, ElementType.FLOAT32, values.clone(), NO_DOUBLES);
  }

  /** Double-precision values (copied), {@code shape.size()} of them. */
  public static Tensor ofDoubles(Shape shape, double... values) {
    Checks.checkArgument(
        values.length == shape.size(),
        "tensor of shape %s needs %d values, got %d",
        shape,
        shape.size(),
        values.length);
    for (int i = 0; i < values.length; i++) {
      Checks.checkArgument(
          Double.isFinite(values[i]),
          "value %d of a %s tensor is %s, expected a finite number",
          i,
          shape,
          values[i]);
    }
    return new Tensor(shape, ElementType.FLOAT64, NO_FLOATS, values.clone());
  }

  /** A vector of single-precision values. */
  public static Tensor vector(float... values) {
    return ofFloats(Shape.of(values.length), values);
  }

  /** A tensor of {@code shape} with every element {@code value}, stored as {@code type}. */
  public static Tensor filled(Shape shape, double value, ElementType type) {
    if (type == ElementType.FLOAT32) {
      float[] values = new float[shape.size()];
      Arrays.fill(values, (float) value);
      return ofFloats(shape, values);
    }
    double[] values = new double[shape.size()];
    Arrays.fill(values, value);
    return ofDoubles(shape, values);
  }

  public Shape shape() {
    return shape;
  }

  /** Number of elements. */
  public int size() {
    return shape.size();
  }

  public ElementType elementType() {
    return elementType;
  }

  /** Element {@code index} of the row-major layout. */
  public double get(int index) {
    return elementType == ElementType.FLOAT32 ? floats[index] : doubles[index];
  }

  /** A copy of the values in single precision (rounded to nearest when stored as doubles). */
  public float[] toFloatArray() {
    if (elementType == ElementType.FLOAT32) {
      return floats.clone();
    }
    float[] copy = new float[doubles.length];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = (float) doubles[i];
    }
    return copy;
  }

  /** A copy of the values in double precision (exact for both element types). */
  public double[] toDoubleArray() {
    if (elementType == ElementType.FLOAT64) {
      return doubles.clone();
    }
    double[] copy = new double[floats.length];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = floats[i];
    }
    return copy;
  }

  /**
   * The same values viewed with another shape of the same size (NIR's reshape; nothing is copied).
   */
  public Tensor reshape(Shape newShape) {
    Checks.checkArgument(
        newShape.size() == shape.size(), "cannot view a %s tensor as %s", shape, newShape);
    return new Tensor(newShape, elementType, floats, doubles);
  }

  /** Whether every element equals {@code value}. */
  public boolean isUniform(double value) {
    for (int i = 0; i < size(); i++) {
      if (get(i) != value) {
        return false;
      }
    }
    return true;
  }

  /** Equal shape, element type and bit-identical values. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor t
        && shape.equals(t.shape)
        && elementType == t.elementType
        && Arrays.equals(floats, t.floats)
        && Arrays.equals(doubles, t.doubles);
  }

  @Override
  public int hashCode() {
    return 31 * shape.hashCode()
        + (elementType == ElementType.FLOAT32 ? Arrays.hashCode(floats) : Arrays.hashCode(doubles));
  }

  @Override
  public String toString() {
    return elementType().name().toLowerCase(java.util.Locale.ROOT) + shape;
  }
}
