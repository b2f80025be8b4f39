package org.snncodesign.api.graph;

import java.util.Optional;

/**
 * The shape rules of a node that multiplies its input by a {@code [outputs, inputs]} weight matrix
 * (Affine and Linear), shared as default methods.
 */
public sealed interface MatrixMap extends LinearMapNode permits AffineNode, LinearNode {
  /** The {@code [outputs, inputs]} weight matrix. */
  Tensor weight();

  /** Values the node takes. */
  default int inputs() {
    return weight().shape().dim(1);
  }

  /** Values the node gives. */
  default int outputs() {
    return weight().shape().dim(0);
  }

  @Override
  default Optional<Shape> inputShape() {
    return Optional.of(Shape.of(inputs()));
  }

  @Override
  default Shape outputShape(Shape input) {
    NodeChecks.sameSize(input, Shape.of(inputs()), nirType());
    return Shape.of(outputs());
  }
}
