package org.snncodesign.api.graph;

import java.util.Optional;

/**
 * {@code y(t) = x(t - delay)}, element by element (NIR {@code Delay}).
 *
 * @param delay per element, in seconds, >= 0
 */
public record DelayNode(Tensor delay) implements LinearMapNode {
  public DelayNode {
    NodeChecks.present(delay, "Delay", "delay");
    NodeChecks.nonNegative(delay, "Delay", "delay");
  }

  @Override
  public String nirType() {
    return "Delay";
  }

  @Override
  public Optional<Shape> inputShape() {
    return Optional.of(delay.shape());
  }

  @Override
  public Shape outputShape(Shape input) {
    NodeChecks.sameSize(input, delay.shape(), nirType());
    return delay.shape();
  }

  @Override
  public long parameterCount() {
    return delay.size();
  }
}
