package org.snncodesign.conversion.ann;

import org.snncodesign.api.Checks;

/**
 * Rectified linear unit {@code y = max(0, x)}; in a converted network each ReLU becomes a layer of spiking
 * neurons.
 *
 * @param name layer name
 */
public record ReluLayer(String name) implements AnnLayer {
  public ReluLayer {
    Checks.checkArgument(name != null && !name.isBlank(), "a layer needs a name");
  }

  @Override
  public TensorShape outputShape(TensorShape in) {
    return in;
  }
}
