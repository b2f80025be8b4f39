package org.snncodesign.conversion.ann;

import java.util.List;
import org.snncodesign.api.InvalidInputException;

/**
 * Refuses a model with a NaN or infinite parameter, naming the layer, the array and the index: one
 * such number turns every output into NaN, and a conversion of it would report chance accuracy as
 * if it were a result.
 */
final class FiniteParameters {
  private FiniteParameters() {}

  /**
   * @throws InvalidInputException at the first parameter that is not finite
   */
  static void check(AnnModel model) {
    List<AnnLayer> layers = model.layers();
    for (int l = 0; l < layers.size(); l++) {
      AnnLayer layer = layers.get(l);
      if (layer instanceof DenseLayer dense) {
        check(layer, l, "weights", dense.weights());
        check(layer, l, "bias", dense.bias());
      } else if (layer instanceof Conv2dLayer conv) {
        check(layer, l, "weights", conv.weights());
        check(layer, l, "bias", conv.bias());
      } else if (layer instanceof BatchNormLayer norm) {
        check(layer, l, "gamma", norm.gamma());
        check(layer, l, "beta", norm.beta());
        check(layer, l, "mean", norm.mean());
        check(layer, l, "variance", norm.variance());
        check(layer, l, "epsilon", new float[] {norm.epsilon()});
      } else if (layer instanceof ReluLayer relu && relu.ceiling() != null) {
        check(layer, l, "ceiling", new float[] {relu.ceiling()});
      }
    }
  }

  private static void check(AnnLayer layer, int index, String array, float[] values) {
    if (values == null) {
      return;
    }
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new InvalidInputException(
            "layer "
                + index
                + " ('"
                + layer.name()
                + "') "
                + array
                + "["
                + i
                + "] is "
                + values[i]
                + "; every parameter must be a finite number");
      }
    }
  }
}
