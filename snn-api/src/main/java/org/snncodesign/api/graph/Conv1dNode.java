package org.snncodesign.api.graph;

import java.util.Optional;
import java.util.OptionalInt;
import org.snncodesign.api.Checks;

/**
 * A 1-d convolution over {@code [C_in, N]} giving {@code [C_out, N_out]} (NIR {@code Conv1d}), with
 * {@code N_out = (N + 2 p - d (k - 1) - 1) / s + 1}.
 *
 * @param inputLength the input's length N, when the node fixes it
 * @param weight {@code [C_out, C_in / groups, k]}
 * @param stride >= 1
 * @param padding zeros added on each side, >= 0
 * @param dilation >= 1
 * @param groups channel groups, dividing {@code C_out}
 * @param bias {@code [C_out]}
 */
public record Conv1dNode(
    OptionalInt inputLength,
    Tensor weight,
    int stride,
    int padding,
    int dilation,
    int groups,
    Tensor bias)
    implements LinearMapNode {
  public Conv1dNode {
    Checks.checkArgument(
        inputLength != null, "Conv1d input length must be given or OptionalInt.empty()");
    NodeChecks.present(weight, "Conv1d", "weight");
    NodeChecks.present(bias, "Conv1d", "bias");
    NodeChecks.rank(weight, 3, "Conv1d", "weight", "[C_out, C_in / groups, k]");
    Checks.checkArgument(
        stride >= 1 && dilation >= 1 && padding >= 0,
        "Conv1d needs stride >= 1, dilation >= 1, padding >= 0; got %d, %d, %d",
        stride,
        dilation,
        padding);
    Checks.checkArgument(
        groups >= 1 && weight.shape().dim(0) % groups == 0,
        "Conv1d groups = %d must be >= 1 and divide C_out = %d",
        groups,
        weight.shape().dim(0));
    Checks.checkArgument(
        bias.shape().equals(Shape.of(weight.shape().dim(0))),
        "Conv1d bias has shape %s, expected [%d] (one per output channel)",
        bias.shape(),
        weight.shape().dim(0));
  }

  public int outChannels() {
    return weight.shape().dim(0);
  }

  public int inChannels() {
    return weight.shape().dim(1) * groups;
  }

  public int kernel() {
    return weight.shape().dim(2);
  }

  @Override
  public String nirType() {
    return "Conv1d";
  }

  @Override
  public Optional<Shape> inputShape() {
    return inputLength.isPresent()
        ? Optional.of(Shape.of(inChannels(), inputLength.getAsInt()))
        : Optional.empty();
  }

  @Override
  public Shape outputShape(Shape input) {
    Shape signal = inputShape().orElse(input);
    Checks.checkArgument(signal.rank() == 2, "Conv1d needs [C_in, N] input, got %s", input);
    NodeChecks.sameSize(input, signal, nirType());
    Checks.checkArgument(
        signal.dim(0) == inChannels(),
        "Conv1d weight %s with %d groups takes %d channels, got %s",
        weight.shape(),
        groups,
        inChannels(),
        input);
    int n =
        NodeChecks.convolvedLength(
            signal.dim(1), padding, dilation, kernel(), stride, nirType(), "length");
    return Shape.of(outChannels(), n);
  }

  @Override
  public long parameterCount() {
    return NodeChecks.sizes(weight, bias);
  }
}
