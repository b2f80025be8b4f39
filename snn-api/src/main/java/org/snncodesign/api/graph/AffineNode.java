package org.snncodesign.api.graph;

/**
 * {@code y = W x + b} (NIR {@code Affine}).
 *
 * @param weight {@code [outputs, inputs]}
 * @param bias {@code [outputs]}
 */
public record AffineNode(Tensor weight, Tensor bias) implements MatrixMap {
  public AffineNode {
    NodeChecks.present(weight, "Affine", "weight");
    NodeChecks.present(bias, "Affine", "bias");
    NodeChecks.rank(weight, 2, "Affine", "weight", "[outputs, inputs]");
    NodeChecks.rank(bias, 1, "Affine", "bias", "[outputs]");
    org.snncodesign.api.Checks.checkArgument(
        bias.size() == weight.shape().dim(0),
        "Affine bias has %d values but weight %s has %d outputs",
        bias.size(),
        weight.shape(),
        weight.shape().dim(0));
  }

  @Override
  public String nirType() {
    return "Affine";
  }

  @Override
  public long parameterCount() {
    return NodeChecks.sizes(weight, bias);
  }
}
