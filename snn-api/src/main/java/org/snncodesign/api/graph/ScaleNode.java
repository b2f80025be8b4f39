package org.snncodesign.api.graph;

import java.util.Optional;

/**
 * {@code y = x * s}, element by element (NIR {@code Scale}).
 *
 * @param scale one factor per element
 */
public record ScaleNode(Tensor scale) implements LinearMapNode {
  public ScaleNode {
    NodeChecks.present(scale, "Scale", "scale");
  }

  @Override
  public String nirType() {
    return "Scale";
  }

  @Override
  public Optional<Shape> inputShape() {
    return Optional.of(scale.shape());
  }

  @Override
  public Shape outputShape(Shape input) {
    NodeChecks.sameSize(input, scale.shape(), nirType());
    return scale.shape();
  }

  @Override
  public long parameterCount() {
    return scale.size();
  }
}
