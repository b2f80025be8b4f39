package org.snncodesign.conversion.ann;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.snncodesign.api.Checks;

/**
 * Max pooling over {@code size x size} windows moved by {@code stride}, per channel: {@code y = max
 * x} over the window's positions inside the input ({@code padding} rows and columns on every side
 * count as minus infinity, ONNX's {@code MaxPool} pads).
 *
 * @param name layer name
 * @param size window side
 * @param stride window step
 * @param padding rows and columns added on every side, less than {@code size}
 */
public record MaxPoolLayer(String name, int size, int stride, int padding) implements AnnLayer {
  public MaxPoolLayer {
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
  public MaxPoolLayer(String name, int size, int stride) {
    this(name, size, stride, 0);
  }

  /**
   * The JSON reader's constructor: files written before padded pooling have no {@code padding}
   * field.
   */
  @JsonCreator
  static MaxPoolLayer fromJson(
      @JsonProperty("name") String name,
      @JsonProperty("size") int size,
      @JsonProperty("stride") int stride,
      @JsonProperty("padding") Integer padding) {
    return new MaxPoolLayer(name, size, stride, padding == null ? 0 : padding);
  }

  @Override
  public TensorShape outputShape(TensorShape in) {
    return new TensorShape(
        in.channels(),
        ShapeChecks.slide(name, in.height(), size, stride, padding),
        ShapeChecks.slide(name, in.width(), size, stride, padding));
  }
}
