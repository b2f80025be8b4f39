package org.snncodesign.conversion.ann;

import org.snncodesign.api.Checks;

/**
 * Average pooling over {@code size x size} windows moved by {@code stride}, per channel, without padding:
 * {@code y = (1 / size^2) sum x}.
 *
 * @param name layer name
 * @param size window side
 * @param stride window step
 */
public record AvgPoolLayer(String name, int size, int stride) implements AnnLayer {
  public AvgPoolLayer {
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
