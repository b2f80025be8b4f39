package org.snncodesign.api.graph;

/**
 * {@code y = W x} (NIR {@code Linear}).
 *
 * @param weight {@code [outputs, inputs]}
 */
public record LinearNode(Tensor weight) implements MatrixMap {
  public LinearNode {
    NodeChecks.present(weight, "Linear", "weight");
    NodeChecks.rank(weight, 2, "Linear", "weight", "[outputs, inputs]");
  }

  @Override
  public String nirType() {
    return "Linear";
  }

  @Override
  public long parameterCount() {
    return weight.size();
  }
}
