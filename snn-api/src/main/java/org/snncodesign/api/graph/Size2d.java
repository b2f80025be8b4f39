package org.snncodesign.api.graph;

import org.snncodesign.api.Checks;

/**
 * A pair of per-axis integers of a 2-d operation (kernel size, stride, padding, dilation), height
 * first as in NIR and PyTorch.
 *
 * @param height along the first spatial axis
 * @param width along the second spatial axis
 */
public record Size2d(int height, int width) {
  public Size2d {
    Checks.checkArgument(height >= 0 && width >= 0, "(%d, %d) must not be negative", height, width);
  }

  /** The same value on both axes. */
  public static Size2d square(int value) {
    return new Size2d(value, value);
  }

  @Override
  public String toString() {
    return "(" + height + ", " + width + ")";
  }
}
