package org.snncodesign.conversion.ann;

import org.snncodesign.api.Checks;

/**
 * Reshapes {@code C x H x W} into a vector of {@code C*H*W} values in channel-major order
 * (PyTorch's {@code flatten(1)}); the values are not moved.
 *
 * @param name layer name
 */
public record FlattenLayer(String name) implements AnnLayer {
  public FlattenLayer {
    Checks.checkArgument(name != null && !name.isBlank(), "a layer needs a name");
  }

  @Override
  public TensorShape outputShape(TensorShape in) {
    return TensorShape.vector(in.size());
  }
}
