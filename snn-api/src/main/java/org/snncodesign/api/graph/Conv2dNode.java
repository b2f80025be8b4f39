package org.snncodesign.api.graph;

import java.util.Optional;
import org.snncodesign.api.Checks;

/**
 * A 2-d convolution over {@code [C_in, H, W]} maps giving {@code [C_out, H_out, W_out]} (NIR {@code
 * Conv2d}, the cross-correlation of PyTorch's {@code Conv2d}): {@code H_out = (H + 2 p - d (k - 1)
 * - 1) / s + 1}, likewise for W.
 *
 * @param inputSize the input's {@code (H, W)}, when the node fixes it
 * @param weight {@code [C_out, C_in / groups, k_h, k_w]}
 * @param stride per axis, >= 1
 * @param padding zeros added on each side, per axis
 * @param dilation per axis, >= 1
 * @param groups channel groups, dividing both {@code C_in} and {@code C_out}
 * @param bias {@code [C_out]}
 */
public record Conv2dNode(
    Optional<Size2d> inputSize,
    Tensor weight,
    Size2d stride,
    Size2d padding,
    Size2d dilation,
    int groups,
    Tensor bias)
    implements LinearMapNode {
  public Conv2dNode {
    Checks.checkArgument(inputSize != null, "Conv2d input size must be given or Optional.empty()");
    NodeChecks.present(weight, "Conv2d", "weight");
    NodeChecks.present(bias, "Conv2d", "bias");
    NodeChecks.rank(weight, 4, "Conv2d", "weight", "[C_out, C_in / groups, k_h, k_w]");
    Checks.checkArgument(
        stride != null && padding != null && dilation != null,
        "Conv2d needs stride, padding and dilation");
    Checks.checkArgument(
        stride.height() >= 1 && stride.width() >= 1, "Conv2d stride %s must be >= 1", stride);
    Checks.checkArgument(
        dilation.height() >= 1 && dilation.width() >= 1,
        "Conv2d dilation %s must be >= 1",
        dilation);
    Checks.checkArgument(
        groups >= 1 && weight.shape().dim(0) % groups == 0,
        "Conv2d groups = %d must be >= 1 and divide C_out = %d",
        groups,
        weight.shape().dim(0));
    Checks.checkArgument(
        bias.shape().equals(Shape.of(weight.shape().dim(0))),
        "Conv2d bias has shape %s, expected [%d] (one per output channel)",
        bias.shape(),
        weight.shape().dim(0));
  }

  public int outChannels() {
    return weight.shape().dim(0);
  }

  public int inChannels() {
    return weight.shape().dim(1) * groups;
  }

  public Size2d kernel() {
    return new Size2d(weight.shape().dim(2), weight.shape().dim(3));
  }

  @Override
  public String nirType() {
    return "Conv2d";
  }

  @Override
  public Optional<Shape> inputShape() {
    return inputSize.map(s -> Shape.of(inChannels(), s.height(), s.width()));
  }

  @Override
  public Shape outputShape(Shape input) {
    Shape maps = inputShape().orElse(input);
    Checks.checkArgument(maps.rank() == 3, "Conv2d needs [C_in, H, W] input, got %s", input);
    NodeChecks.sameSize(input, maps, nirType());
    Checks.checkArgument(
        maps.dim(0) == inChannels(),
        "Conv2d weight %s with %d groups takes %d channels, got %s",
        weight.shape(),
        groups,
        inChannels(),
        input);
    Size2d k = kernel();
    int h =
        NodeChecks.convolvedLength(
            maps.dim(1),
            padding.height(),
            dilation.height(),
            k.height(),
            stride.height(),
            nirType(),
            "height");
    int w =
        NodeChecks.convolvedLength(
            maps.dim(2),
            padding.width(),
            dilation.width(),
            k.width(),
            stride.width(),
            nirType(),
            "width");
    return Shape.of(outChannels(), h, w);
  }

  @Override
  public long parameterCount() {
    return NodeChecks.sizes(weight, bias);
  }
}
