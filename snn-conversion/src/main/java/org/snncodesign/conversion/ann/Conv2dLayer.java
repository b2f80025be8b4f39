package org.snncodesign.conversion.ann;

import org.snncodesign.api.Checks;

/**
 * 2-D convolution (cross-correlation, as in PyTorch): {@code y[o][i][j] = b[o] + sum_{c,u,v} W[o][c][u][v] *
 * x[c][i*s - p + u][j*s - p + v]}, zero outside the input. Weights are {@code [out][in][kh][kw]}.
 *
 * @param name layer name
 * @param inChannels input channels
 * @param outChannels output channels (filters)
 * @param kernelHeight kernel rows
 * @param kernelWidth kernel columns
 * @param stride step of the window in both directions
 * @param padding zero rows/columns added on every side
 * @param weights {@code out * in * kh * kw} values
 * @param bias {@code out} values
 */
public record Conv2dLayer(String name, int inChannels, int outChannels, int kernelHeight, int kernelWidth,
    int stride, int padding, float[] weights, float[] bias) implements AnnLayer {
  public Conv2dLayer {
    Checks.checkArgument(name != null && !name.isBlank(), "a layer needs a name");
    Checks.positive(inChannels, "inChannels of layer " + name);
    Checks.positive(outChannels, "outChannels of layer " + name);
    Checks.positive(kernelHeight, "kernelHeight of layer " + name);
    Checks.positive(kernelWidth, "kernelWidth of layer " + name);
    Checks.positive(stride, "stride of layer " + name);
    Checks.nonNegative(padding, "padding of layer " + name);
    long n = (long) outChannels * inChannels * kernelHeight * kernelWidth;
    Checks.checkArgument(weights != null && weights.length == n, "layer '%s': weights need %d values, got %s",
        name, n, weights == null ? "none" : weights.length);
    Checks.checkArgument(bias != null && bias.length == outChannels, "layer '%s': bias needs %d values, got %s",
        name, outChannels, bias == null ? "none" : bias.length);
  }

  /** A square-kernel layer with zero weights and bias. */
  public static Conv2dLayer zeros(String name, int in, int out, int kernel, int stride, int padding) {
    return new Conv2dLayer(name, in, out, kernel, kernel, stride, padding, new float[out * in * kernel * kernel],
        new float[out]);
  }

  /** Multiply-accumulates per kernel application, {@code in * kh * kw}. */
  public int fanIn() {
    return inChannels * kernelHeight * kernelWidth;
  }

  @Override
  public TensorShape outputShape(TensorShape in) {
    ShapeChecks.require(in.channels() == inChannels, name, "expects %d input channels, got %s", inChannels, in);
    int h = ShapeChecks.slide(name, in.height(), kernelHeight, stride, padding);
    int w = ShapeChecks.slide(name, in.width(), kernelWidth, stride, padding);
    return new TensorShape(outChannels, h, w);
  }
}
