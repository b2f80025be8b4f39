package org.snncodesign.conversion.ann;

import java.util.Map;
import org.snncodesign.api.Checks;

/**
 * A model whose convolution and dense weights lie on per-layer integer grids: every weight of layer
 * {@code l} is {@code q * steps.get(l)} for an integer {@code |q| <= 2^(bits-1) - 1}. Made by
 * {@link WeightCompression}.
 *
 * @param model the model with the quantised weights
 * @param bits integer width of the levels
 * @param steps grid step by layer name
 */
public record QuantizedModel(AnnModel model, int bits, Map<String, Float> steps) {
  public QuantizedModel {
    Checks.checkArgument(model != null, "a quantised model needs its model");
    Checks.checkArgument(bits >= 2 && bits <= 8, "bits must be in [2, 8], got %d", bits);
    steps = Map.copyOf(steps);
  }
}
