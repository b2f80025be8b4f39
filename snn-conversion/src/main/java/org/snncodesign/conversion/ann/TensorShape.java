package org.snncodesign.conversion.ann;

import org.snncodesign.api.Checks;

/**
 * Shape of one sample's activation tensor, channel-major ({@code C x H x W}, the layout PyTorch and
 * ONNX use). A vector of {@code n} values is {@code n x 1 x 1}.
 *
 * @param channels C
 * @param height H
 * @param width W
 */
public record TensorShape(int channels, int height, int width) {
  public TensorShape {
    Checks.positive(channels, "channels");
    Checks.positive(height, "height");
    Checks.positive(width, "width");
  }

  /** A vector of {@code n} values. */
  public static TensorShape vector(int n) {
    return new TensorShape(n, 1, 1);
  }

  /** Values in one sample, {@code C * H * W}. */
  public int size() {
    return Math.multiplyExact(Math.multiplyExact(channels, height), width);
  }

  @Override
  public String toString() {
    return channels + "x" + height + "x" + width;
  }
}
