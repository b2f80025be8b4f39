package org.snncodesign.conversion.ann;

import org.snncodesign.api.Checks;

/**
 * Inference-time batch normalisation per channel (Ioffe and Szegedy, ICML 2015): {@code y = gamma *
 * (x - mean) / sqrt(var + epsilon) + beta}. Conversion first folds it into the preceding
 * convolution or dense layer ({@link BatchNormFolding}).
 *
 * @param name layer name
 * @param channels channels normalised
 * @param gamma scale per channel
 * @param beta shift per channel
 * @param mean running mean per channel
 * @param variance running variance per channel
 * @param epsilon added to the variance
 */
public record BatchNormLayer(
    String name,
    int channels,
    float[] gamma,
    float[] beta,
    float[] mean,
    float[] variance,
    float epsilon)
    implements AnnLayer {
  public BatchNormLayer {
    Checks.checkArgument(name != null && !name.isBlank(), "a layer needs a name");
    Checks.positive(channels, "channels of layer " + name);
    for (float[] a : new float[][] {gamma, beta, mean, variance}) {
      Checks.checkArgument(
          a != null && a.length == channels,
          "layer '%s': every parameter needs %d values",
          name,
          channels);
    }
    Checks.checkArgument(
        epsilon >= 0 && Float.isFinite(epsilon),
        "layer '%s': epsilon must be >= 0, got %s",
        name,
        epsilon);
  }

  /** Multiplier of channel {@code c}, {@code gamma / sqrt(var + eps)}, in double precision. */
  public double scale(int c) {
    return gamma[c] / Math.sqrt((double) variance[c] + epsilon);
  }

  /** Offset of channel {@code c}, {@code beta - mean * scale}. */
  public double shift(int c) {
    return beta[c] - mean[c] * scale(c);
  }

  @Override
  public TensorShape outputShape(TensorShape in) {
    ShapeChecks.require(
        in.channels() == channels, name, "normalises %d channels, input has %s", channels, in);
    return in;
  }
}
