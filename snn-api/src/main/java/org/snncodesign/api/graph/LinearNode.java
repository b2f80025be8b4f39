package org.snncodesign.api.graph;

import java.util.Optional;

/**
 * {@code y = W x} (NIR {@code Linear}).
 *
 * @param weight {@code [outputs, inputs]}
 */
public record LinearNode(Tensor weight) implements LinearMapNode {
  public LinearNode {
    NodeChecks.present(weight, "Linear", "weight");
    NodeChecks.rank(weight, 2, "Linear", "weight", "[outputs, inputs]");
  }

  public int inputs() {
    return weight.shape().dim(1);
  }

  public int outputs() {
    return weight.shape().dim(0);
  }

  @Override
  public String nirType() {
    return "Linear";
  }

  @Override
  public Optional<Shape> inputShape() {
    return Optional.of(NodeChecks.matrixInput(weight));
  }

  @Override
  public Shape outputShape(Shape input) {
    return NodeChecks.matrixOutput(weight, input, nirType());
  }

  @Override
  public long parameterCount() {
    return weight.size();
  }
}
