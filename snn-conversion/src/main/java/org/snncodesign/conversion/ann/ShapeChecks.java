package org.snncodesign.conversion.ann;

import org.snncodesign.api.InvalidInputException;

/** Shape checks shared by the layers; failures name the layer. */
final class ShapeChecks {
  private ShapeChecks() {}

  static void require(boolean condition, String layer, String message, Object... args) {
    if (!condition) {
      throw new InvalidInputException("layer '" + layer + "': " + String.format(message, args));
    }
  }

  /** Output length of a sliding window, PyTorch's floor formula. */
  static int slide(String layer, int in, int kernel, int stride, int padding) {
    int span = in + 2 * padding - kernel;
    require(
        span >= 0,
        layer,
        "window %d with padding %d does not fit input extent %d",
        kernel,
        padding,
        in);
    return span / stride + 1;
  }
}
