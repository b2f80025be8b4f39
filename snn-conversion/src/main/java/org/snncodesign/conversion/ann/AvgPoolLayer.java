package org.snncodesign.conversion.ann;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.snncodesign.api.Checks;

/**
 * Average pooling over {@code size x size} windows moved by {@code stride}, per channel: {@code y =
 * (1 / size^2) sum x}, where the {@code padding} rows and columns on every side count as zeros
 * (PyTorch's {@code count_include_pad = True}, ONNX's {@code Pad} then {@code AveragePool}).
 *
 * @param name layer name
 * @param size window side
 * @param stride window step
 * @param padding rows and columns added on every side, less than {@code size}
 */
public record AvgPoolLayer(String name, int size, int stride, int padding) implements AnnLayer {
  public AvgPoolLayer {
    Checks.checkArgument(name != null && !name.isBlank(), "a layer needs a name");
    Checks.positive(size, "size of layer " + name);
    Checks.positive(stride, "stride of layer " + name);
    Checks.checkArgument(
        padding >= 0 && padding < size,
        "layer '%s': padding %d must be in [0, size %d)",
        name,
        padding,
        size);
  }

  /** A layer without padding. */
  public AvgPoolLayer(String name, int size, int stride) {
    this(name, size, stride, 0);
  }

  /**
   * The JSON reader's constructor: files written before padded pooling have no {@code padding}
   * field.
   */
  @JsonCreator
  static AvgPoolLayer fromJson(
      @JsonProperty("name") String name,
      @JsonProperty("size") int size,
      @JsonProperty("stride") int stride,
      @JsonProperty("padding") Integer padding) {
    return new AvgPoolLayer(name, size, stride, padding == null ? 0 : padding);
  }

  @Override
  public TensorShape outputShape(TensorShape in) {
    return new TensorShape(
        in.channels(),
        ShapeChecks.slide(name, in.height(), size, stride, padding),
        ShapeChecks.slide(name, in.width(), size, stride, padding));
  }
}
