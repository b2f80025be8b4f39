package org.snncodesign.api.graph;

import java.util.Arrays;
import org.snncodesign.api.Checks;

/**
 * The dimensions of a tensor flowing along a graph edge, without a batch axis (NIR's convention):
 * {@code [N]} for a vector, {@code [C, H, W]} for feature maps. Elements are laid out row-major, so
 * every shape of the same {@link #size()} shares one flat index space.
 */
public final class Shape {
  /** Largest element count a shape may have: flat indices are {@code int}. */
  public static final long MAX_SIZE = Integer.MAX_VALUE - 8;

  private final int[] dims;
  private final int size;

  private Shape(int[] dims) {
    Checks.checkArgument(dims.length >= 1, "a shape needs at least one dimension");
    long product = 1;
    for (int d : dims) {
      Checks.checkArgument(d >= 1, "shape %s has a dimension < 1", Arrays.toString(dims));
      product *= d;
      Checks.checkArgument(
          product <= MAX_SIZE,
          "shape %s has more than %d elements",
          Arrays.toString(dims),
          MAX_SIZE);
    }
    this.dims = dims;
    this.size = (int) product;
  }

  /** A shape of the given dimensions, each at least 1. */
  public static Shape of(int... dims) {
    return new Shape(dims.clone());
  }

  /**
   * A shape from dimensions stored as {@code long}s (as HDF5 files store them), each in [1, 2^31).
   */
  public static Shape ofLongs(long... dims) {
    int[] ints = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      Checks.checkArgument(
          dims[i] >= 1 && dims[i] <= Integer.MAX_VALUE,
          "shape %s has dimension %d out of range",
          Arrays.toString(dims),
          dims[i]);
      ints[i] = (int) dims[i];
    }
    return new Shape(ints);
  }

  /** Number of dimensions. */
  public int rank() {
    return dims.length;
  }

  /** Dimension {@code axis}, 0-based. */
  public int dim(int axis) {
    return dims[axis];
  }

  /** A copy of the dimensions. */
  public int[] dims() {
    return dims.clone();
  }

  /** Number of elements: the product of the dimensions. */
  public int size() {
    return size;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape s && Arrays.equals(dims, s.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  /** As {@code [1, 28, 28]}. */
  @Override
  public String toString() {
    return Arrays.toString(dims);
  }
}
