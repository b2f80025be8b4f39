package org.snncodesign.conversion.ann;

import org.snncodesign.api.Checks;

/**
 * Max pooling over {@code size x size} windows moved by {@code stride}, per channel, without padding.
 *
 * @param name layer name
 * @param size window side
 * @param stride window step
 */
public record MaxPoolLayer(String name, int size, int stride) implements AnnLayer {
  public MaxPoolLayer {
    Checks.checkArgument(name != null && !name.isBlank(), "a layer needs a name");
    Checks.positive(size, "size of layer " + name);
    Checks.positive(stride, "stride of layer " + name);
  }

  @Override
  public TensorShape outputShape(TensorShape in) {
    return new TensorShape(in.channels(), ShapeChecks.slide(name, in.height(), size, stride, 0),
        ShapeChecks.slide(name, in.width(), size, stride, 0));
  }
}
