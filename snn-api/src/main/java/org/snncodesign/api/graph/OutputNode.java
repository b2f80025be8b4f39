package org.snncodesign.api.graph;

import java.util.Optional;
import org.snncodesign.api.Checks;

/**
 * Where results leave the graph (NIR {@code Output}): the summed output of the edges into it.
 *
 * @param shape the shape of one step's output
 */
public record OutputNode(Shape shape) implements GraphNode {
  public OutputNode {
    Checks.checkArgument(shape != null, "Output needs a shape");
  }

  @Override
  public String nirType() {
    return "Output";
  }

  @Override
  public Optional<Shape> inputShape() {
    return Optional.of(shape);
  }

  @Override
  public Shape outputShape(Shape input) {
    NodeChecks.sameSize(input, shape, nirType());
    return shape;
  }

  @Override
  public long parameterCount() {
    return 0;
  }
}
