package org.snncodesign.api.graph;

import java.util.Optional;
import org.snncodesign.api.Checks;

/**
 * 2-d pooling of {@code [C, H, W]} maps (NIR {@code SumPool2d} and {@code AvgPool2d}): {@code H_out
 * = (H + 2 p - k) / s + 1}, likewise for W.
 *
 * @param pooling sum, or mean with the padding's zeros counted (PyTorch's default)
 * @param kernel window size, >= 1 per axis
 * @param stride window step, >= 1 per axis
 * @param padding zeros added on each side
 */
public record Pool2dNode(Pooling pooling, Size2d kernel, Size2d stride, Size2d padding)
    implements LinearMapNode {
  /** What a window computes. */
  public enum Pooling {
    /** NIR {@code SumPool2d}. */
    SUM("SumPool2d"),
    /** NIR {@code AvgPool2d}. */
    AVERAGE("AvgPool2d");

    private final String nirType;

    Pooling(String nirType) {
      this.nirType = nirType;
    }
  }

  public Pool2dNode {
    Checks.checkArgument(pooling != null, "pooling kind must be SUM or AVERAGE");
    Checks.checkArgument(
        kernel != null && stride != null && padding != null,
        "%s needs kernel_size, stride and padding",
        pooling.nirType);
    Checks.checkArgument(
        kernel.height() >= 1 && kernel.width() >= 1,
        "%s kernel %s must be >= 1",
        pooling.nirType,
        kernel);
    Checks.checkArgument(
        stride.height() >= 1 && stride.width() >= 1,
        "%s stride %s must be >= 1",
        pooling.nirType,
        stride);
  }

  @Override
  public String nirType() {
    return pooling.nirType;
  }

  @Override
  public Optional<Shape> inputShape() {
    return Optional.empty();
  }

  @Override
  public Shape outputShape(Shape input) {
    Checks.checkArgument(input.rank() == 3, "%s needs [C, H, W] input, got %s", nirType(), input);
    int h =
        NodeChecks.convolvedLength(
            input.dim(1),
            padding.height(),
            1,
            kernel.height(),
            stride.height(),
            nirType(),
            "height");
    int w =
        NodeChecks.convolvedLength(
            input.dim(2), padding.width(), 1, kernel.width(), stride.width(), nirType(), "width");
    return Shape.of(input.dim(0), h, w);
  }

  @Override
  public long parameterCount() {
    return 0;
  }
}
