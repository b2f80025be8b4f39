package org.snncodesign.conversion.ann;

import org.snncodesign.api.Checks;

/**
 * Residual (skip) connection: adds the output of the earlier layer {@code from} to this layer's
 * input, {@code y = x + out(from)} (He et al., Deep residual learning, CVPR 2016). The two shapes
 * must agree.
 *
 * @param name layer name
 * @param from name of an earlier layer, or {@code "input"} for the network input
 */
public record ResidualAddLayer(String name, String from) implements AnnLayer {
  /** Name by which a residual connection refers to the network's input. */
  public static final String INPUT = "input";

  public ResidualAddLayer {
    Checks.checkArgument(name != null && !name.isBlank(), "a layer needs a name");
    Checks.checkArgument(
        from != null && !from.isBlank(), "residual layer '%s' needs a source layer", name);
  }

  @Override
  public TensorShape outputShape(TensorShape in) {
    return in;
  }
}
