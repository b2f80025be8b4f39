package org.snncodesign.conversion.ann;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.snncodesign.api.Checks;

/**
 * 2-D convolution (cross-correlation, as in PyTorch), optionally grouped: with {@code G} groups,
 * output channel {@code o} sees only the {@code in / G} input channels of its group {@code g = o /
 * (out / G)}, {@code y[o][i][j] = b[o] + sum_{c < in/G, u, v} W[o][c][u][v] * x[g * in/G + c][i*s -
 * p + u][j*s - p + v]}, zero outside the input. {@code G = 1} is the ordinary convolution, {@code G
 * = in = out} the depthwise one (MobileNet). Weights are {@code [out][in / G][kh][kw]}, PyTorch's
 * and ONNX's layout.
 *
 * @param name layer name
 * @param inChannels input channels
 * @param outChannels output channels (filters)
 * @param kernelHeight kernel rows
 * @param kernelWidth kernel columns
 * @param stride step of the window in both directions
 * @param padding zero rows/columns added on every side
 * @param groups channel groups; divides both channel counts
 * @param weights {@code out * (in / groups) * kh * kw} values
 * @param bias {@code out} values
 */
public record Conv2dLayer(
    String name,
    int inChannels,
    int outChannels,
    int kernelHeight,
    int kernelWidth,
    int stride,
    int padding,
    int groups,
    float[] weights,
    float[] bias)
    implements AnnLayer {
  public Conv2dLayer {
    Checks.checkArgument(name != null && !name.isBlank(), "a layer needs a name");
    Checks.positive(inChannels, "inChannels of layer " + name);
    Checks.positive(outChannels, "outChannels of layer " + name);
    Checks.positive(kernelHeight, "kernelHeight of layer " + name);
    Checks.positive(kernelWidth, "kernelWidth of layer " + name);
    Checks.positive(stride, "stride of layer " + name);
    Checks.nonNegative(padding, "padding of layer " + name);
    Checks.positive(groups, "groups of layer " + name);
    Checks.checkArgument(
        inChannels % groups == 0 && outChannels % groups == 0,
        "layer '%s': %d groups do not divide %d input and %d output channels",
        name,
        groups,
        inChannels,
        outChannels);
    long n = (long) outChannels * (inChannels / groups) * kernelHeight * kernelWidth;
    Checks.checkArgument(
        weights != null && weights.length == n,
        "layer '%s': weights need %d values, got %s",
        name,
        n,
        weights == null ? "none" : weights.length);
    Checks.checkArgument(
        bias != null && bias.length == outChannels,
        "layer '%s': bias needs %d values, got %s",
        name,
        outChannels,
        bias == null ? "none" : bias.length);
  }

  /** An ungrouped convolution ({@code groups = 1}). */
  public Conv2dLayer(
      String name,
      int inChannels,
      int outChannels,
      int kernelHeight,
      int kernelWidth,
      int stride,
      int padding,
      float[] weights,
      float[] bias) {
    this(
        name,
        inChannels,
        outChannels,
        kernelHeight,
        kernelWidth,
        stride,
        padding,
        1,
        weights,
        bias);
  }

  /**
   * The JSON reader's constructor: files written before grouped convolutions have no {@code groups}
   * field.
   */
  @JsonCreator
  static Conv2dLayer fromJson(
      @JsonProperty("name") String name,
      @JsonProperty("in_channels") int inChannels,
      @JsonProperty("out_channels") int outChannels,
      @JsonProperty("kernel_height") int kernelHeight,
      @JsonProperty("kernel_width") int kernelWidth,
      @JsonProperty("stride") int stride,
      @JsonProperty("padding") int padding,
      @JsonProperty("groups") Integer groups,
      @JsonProperty("weights") float[] weights,
      @JsonProperty("bias") float[] bias) {
    return new Conv2dLayer(
        name,
        inChannels,
        outChannels,
        kernelHeight,
        kernelWidth,
        stride,
        padding,
        groups == null ? 1 : groups,
        weights,
        bias);
  }

  /** A square-kernel, ungrouped layer with zero weights and bias. */
  public static Conv2dLayer zeros(
      String name, int in, int out, int kernel, int stride, int padding) {
    return new Conv2dLayer(
        name,
        in,
        out,
        kernel,
        kernel,
        stride,
        padding,
        new float[out * in * kernel * kernel],
        new float[out]);
  }

  /** Multiply-accumulates per kernel application, {@code in / groups * kh * kw}. */
  public int fanIn() {
    return inChannels / groups * kernelHeight * kernelWidth;
  }

  /** A copy with other weights and bias (same shape). */
  public Conv2dLayer withParameters(float[] newWeights, float[] newBias) {
    return new Conv2dLayer(
        name,
        inChannels,
        outChannels,
        kernelHeight,
        kernelWidth,
        stride,
        padding,
        groups,
        newWeights,
        newBias);
  }

  @Override
  public TensorShape outputShape(TensorShape in) {
    ShapeChecks.require(
        in.channels() == inChannels, name, "expects %d input channels, got %s", inChannels, in);
    int h = ShapeChecks.slide(name, in.height(), kernelHeight, stride, padding);
    int w = ShapeChecks.slide(name, in.width(), kernelWidth, stride, padding);
    return new TensorShape(outChannels, h, w);
  }
}
