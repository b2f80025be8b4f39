package org.snncodesign.conversion.ann;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.snncodesign.api.Checks;

/**
 * Rectified linear unit {@code y = max(0, x)}, or with a ceiling {@code y = min(max(0, x),
 * ceiling)} (ReLU6 of MobileNet, ONNX's {@code Clip(0, 6)}); in a converted network each ReLU
 * becomes a layer of spiking neurons, whose normalisation scale (a percentile of the clipped
 * activations) is then at most the ceiling, where the neurons saturate.
 *
 * @param name layer name
 * @param ceiling largest output, positive, or null for none
 */
public record ReluLayer(String name, @JsonInclude(JsonInclude.Include.NON_NULL) Float ceiling)
    implements AnnLayer {
  public ReluLayer {
    Checks.checkArgument(name != null && !name.isBlank(), "a layer needs a name");
    Checks.checkArgument(
        ceiling == null || (ceiling > 0 && Float.isFinite(ceiling)),
        "layer '%s': the ceiling must be positive and finite, got %s",
        name,
        ceiling);
  }

  /** A ReLU without ceiling. */
  public ReluLayer(String name) {
    this(name, null);
  }

  /** The ceiling, or positive infinity when there is none. */
  public float upperBound() {
    return ceiling == null ? Float.POSITIVE_INFINITY : ceiling;
  }

  @Override
  public TensorShape outputShape(TensorShape in) {
    return in;
  }
}
