package org.snncodesign.api.graph;

import java.util.Optional;
import org.snncodesign.api.Checks;

/**
 * Where data enters the graph (NIR {@code Input}): spikes or analog values of the given shape, per
 * time step.
 *
 * @param shape the shape of one step's input
 */
public record InputNode(Shape shape) implements GraphNode {
  public InputNode {
    Checks.checkArgument(shape != null, "Input needs a shape");
  }

  @Override
  public String nirType() {
    return "Input";
  }

  @Override
  public Optional<Shape> inputShape() {
    return Optional.of(shape);
  }

  @Override
  public Shape outputShape(Shape input) {
    return shape;
  }

  @Override
  public long parameterCount() {
    return 0;
  }
}
