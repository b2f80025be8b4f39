package org.snncodesign.learning.surrogate;

import java.util.Arrays;
import org.snncodesign.api.Checks;

/**
 * A 2-D convolution layer of a {@link SpikingNetwork}: {@code C_in x H x W} input maps to {@code
 * C_out x H_out x W_out} LIF/IF neurons through a square {@code k x k} kernel with stride {@code s}
 * and zero padding {@code p}, {@code H_out = floor((H + 2p - k) / s) + 1} (likewise W), one bias
 * per output channel:
 *
 * <pre>
 *   I[oy][ox][co] = b[co] + sum_{ky, kx, ci} W[ky][kx][ci][co] x[oy s + ky - p][ox s + kx - p][ci]
 * </pre>
 *
 * (terms outside the input are zero). The neurons are those of the network (same beta, threshold
 * and reset). With {@code pool = q > 1} the layer passes on the {@code q x q} average pooling
 * (non-overlapping, stride q, {@code floor} of the size) of its neurons' spikes, so the next layer
 * sees {@code C_out x floor(H_out / q) x floor(W_out / q)} values in {@code {0, 1/q^2, ..., 1}} (as
 * in SpikingJelly's spiking CNNs); {@link #neurons()} counts the neurons and {@link #outputs()} the
 * pooled values.
 *
 * <p>Layout: maps are stored channel-last, {@code [(y * W + x) * C + c]}, for the input (for
 * one-channel images that is the ordinary row-major image) and for the neurons, so a dense layer
 * after a convolution sees the flattened {@code H_out x W_out x C_out} map. Weights are {@code
 * [ky][kx][ci][co]} (HWIO), a {@code (k k C_in) x C_out} matrix with one row per kernel tap and
 * input channel: a spike of input channel {@code ci} adds, for every output position it reaches,
 * one contiguous row of {@code C_out} weights to a contiguous run of {@code C_out} currents
 * (event-driven, vectorisable, the same pattern as {@link DenseLayer}).
 */
public final class ConvLayer extends WeightedLayer implements SpikingLayer {
  private final int inChannels;
  private final int height;
  private final int width;
  private final int outChannels;
  private final int kernel;
  private final int stride;
  private final int padding;
  private final int outHeight;
  private final int outWidth;
  private final int pool;

  /**
   * Wraps the arrays (not copied).
   *
   * @param weights {@code k * k * inChannels * outChannels} values, {@code [ky][kx][ci][co]}
   * @param bias {@code outChannels} values
   * @param bits weight bit width when quantised (2..16), 0 for full-precision floats
   * @param scale the quantisation step when {@code bits > 0}, else 0
   */
  public ConvLayer(
      int inChannels,
      int height,
      int width,
      int outChannels,
      int kernel,
      int stride,
      int padding,
      float[] weights,
      float[] bias,
      int bits,
      float scale) {
    this(
        inChannels,
        height,
        width,
        outChannels,
        kernel,
        stride,
        padding,
        1,
        weights,
        bias,
        bits,
        scale);
  }

  /**
   * Wraps the arrays (not copied), with {@code pool x pool} average pooling of the spikes (1 =
   * none).
   *
   * @param weights {@code k * k * inChannels * outChannels} values, {@code [ky][kx][ci][co]}
   * @param bias {@code outChannels} values
   * @param bits weight bit width when quantised (2..16), 0 for full-precision floats
   * @param scale the quantisation step when {@code bits > 0}, else 0
   */
  public ConvLayer(
      int inChannels,
      int height,
      int width,
      int outChannels,
      int kernel,
      int stride,
      int padding,
      int pool,
      float[] weights,
      float[] bias,
      int bits,
      float scale) {
    super(weights, bias);
    this.inChannels = Checks.positive(inChannels, "inChannels");
    this.height = Checks.positive(height, "height");
    this.width = Checks.positive(width, "width");
    this.outChannels = Checks.positive(outChannels, "outChannels");
    this.kernel = Checks.positive(kernel, "kernel");
    this.stride = Checks.positive(stride, "stride");
    this.padding = Checks.nonNegative(padding, "padding");
    String shape =
        inChannels
            + "x"
            + height
            + "x"
            + width
            + " input, kernel "
            + kernel
            + ", stride "
            + stride
            + ", padding "
            + padding;
    Checks.checkArgument(
        padding < kernel,
        "conv layer (%s): padding %d must be smaller than the kernel %d",
        shape,
        padding,
        kernel);
    Checks.checkArgument(
        height + 2 * padding >= kernel && width + 2 * padding >= kernel,
        "conv layer (%s): the %dx%d kernel does not fit the padded %dx%d input",
        shape,
        kernel,
        kernel,
        height + 2 * padding,
        width + 2 * padding);
    this.outHeight = (height + 2 * padding - kernel) / stride + 1;
    this.outWidth = (width + 2 * padding - kernel) / stride + 1;
    this.pool = Checks.positive(pool, "pool");
    Checks.checkArgument(
        pool <= outHeight && pool <= outWidth,
        "conv layer (%s): %dx%d pooling does not fit its %dx%d output maps",
        shape,
        pool,
        pool,
        outHeight,
        outWidth);
    long taps = (long) kernel * kernel * inChannels * outChannels;
    Checks.checkArgument(
        weights.length == taps,
        "conv layer (%s) -> %d channels needs %d weights, got %d",
        shape,
        outChannels,
        taps,
        weights.length);
    Checks.checkArgument(
        bias.length == outChannels,
        "conv layer (%s) -> %d channels needs %d biases, got %d",
        shape,
        outChannels,
        outChannels,
        bias.length);
    Math.multiplyExact(Math.multiplyExact(outHeight, outWidth), outChannels);
    Math.multiplyExact(Math.multiplyExact(height, width), inChannels);
    setQuantization(bits, scale);
  }

  /** A full-precision layer of zero weights and biases, without pooling. */
  public ConvLayer(
      int inChannels, int height, int width, int outChannels, int kernel, int stride, int padding) {
    this(inChannels, height, width, outChannels, kernel, stride, padding, 1);
  }

  /**
   * A full-precision layer of zero weights and biases with {@code pool x pool} average pooling (1 =
   * none).
   */
  public ConvLayer(
      int inChannels,
      int height,
      int width,
      int outChannels,
      int kernel,
      int stride,
      int padding,
      int pool) {
    this(
        inChannels,
        height,
        width,
        outChannels,
        kernel,
        stride,
        padding,
        pool,
        new float[Math.multiplyExact(Math.multiplyExact(kernel * kernel, inChannels), outChannels)],
        new float[outChannels],
        0,
        0f);
  }

  public int inChannels() {
    return inChannels;
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  public int outChannels() {
    return outChannels;
  }

  public int kernel() {
    return kernel;
  }

  public int stride() {
    return stride;
  }

  public int padding() {
    return padding;
  }

  /** Height of the neuron maps (before pooling). */
  public int outHeight() {
    return outHeight;
  }

  /** Width of the neuron maps (before pooling). */
  public int outWidth() {
    return outWidth;
  }

  /** Side of the average pooling window, 1 when the spikes are passed on unpooled. */
  public int pool() {
    return pool;
  }

  /** Height of the maps passed to the next layer, {@code floor(outHeight / pool)}. */
  public int pooledHeight() {
    return outHeight / pool;
  }

  /** Width of the maps passed to the next layer, {@code floor(outWidth / pool)}. */
  public int pooledWidth() {
    return outWidth / pool;
  }

  /** {@code inChannels * height * width}. */
  @Override
  public int inputs() {
    return inChannels * height * width;
  }

  /** Values passed to the next layer: {@code outChannels * pooledHeight * pooledWidth}. */
  @Override
  public int outputs() {
    return outChannels * pooledHeight() * pooledWidth();
  }

  /** {@code outChannels * outHeight * outWidth} LIF/IF neurons. */
  @Override
  public int neurons() {
    return outChannels * outHeight * outWidth;
  }

  /** {@code k * k * inChannels}: one row per kernel tap and input channel. */
  @Override
  public int weightRows() {
    return kernel * kernel * inChannels;
  }

  /** {@code outChannels}. */
  @Override
  public int weightCols() {
    return outChannels;
  }

  /** The {@code C x H x W} shape of the input as a string, e.g. {@code 1x28x28}. */
  public String inputShape() {
    return inChannels + "x" + height + "x" + width;
  }

  /** The {@code C x H x W} shape of what the next layer sees (after pooling) as a string. */
  public String outputShape() {
    return outChannels + "x" + pooledHeight() + "x" + pooledWidth();
  }

  /** The {@code C x H x W} shape of the neuron maps (before pooling) as a string. */
  public String neuronShape() {
    return outChannels + "x" + outHeight + "x" + outWidth;
  }

  @Override
  public ConvLayer copy() {
    return new ConvLayer(
        inChannels,
        height,
        width,
        outChannels,
        kernel,
        stride,
        padding,
        pool,
        weights.clone(),
        bias.clone(),
        bits,
        scale);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConvLayer l
        && l.inChannels == inChannels
        && l.height == height
        && l.width == width
        && l.outChannels == outChannels
        && l.kernel == kernel
        && l.stride == stride
        && l.padding == padding
        && l.pool == pool
        && l.bits == bits
        && Float.floatToIntBits(l.scale) == Float.floatToIntBits(scale)
        && Arrays.equals(l.weights, weights)
        && Arrays.equals(l.bias, bias);
  }

  @Override
  public int hashCode() {
    return (Arrays.hashCode(weights) * 31 + Arrays.hashCode(bias)) * 31 + kernel;
  }

  @Override
  public String toString() {
    return "ConvLayer["
        + inputShape()
        + " -> "
        + neuronShape()
        + ", k"
        + kernel
        + " s"
        + stride
        + " p"
        + padding
        + (pool > 1 ? ", avg-pool " + pool + " -> " + outputShape() : "")
        + (bits > 0 ? ", " + bits + "-bit" : "")
        + "]";
  }
}
