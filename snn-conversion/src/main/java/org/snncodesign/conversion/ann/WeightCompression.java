package org.snncodesign.conversion.ann;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snncodesign.api.Checks;

/**
 * Post-training compression of the convolution and dense layers of an {@link AnnModel}, each layer
 * on its own: magnitude pruning (Han et al., NeurIPS 2015: keep the {@code round((1 - s) N)}
 * weights of largest magnitude, ties by position) and symmetric uniform weight quantisation to
 * {@code b}-bit integers, {@code w = q * step}, {@code q = round(w / step)} in {@code [-(2^(b-1) -
 * 1), 2^(b-1) - 1]}, {@code step = max|w| / (2^(b-1) - 1)}. Biases stay floating point. The input
 * model is not changed.
 */
public final class WeightCompression {
  private WeightCompression() {}

  /**
   * A copy of {@code model} with at least a fraction {@code sparsity} of every layer's weights set
   * to zero.
   */
  public static AnnModel prune(AnnModel model, double sparsity) {
    Checks.checkArgument(
        sparsity >= 0 && sparsity < 1, "sparsity must be in [0, 1), got %s", sparsity);
    return withWeights(
        model,
        (name, w) -> {
          float[] out = w.clone();
          int keep = (int) Math.round((1 - sparsity) * w.length);
          Integer[] order = new Integer[w.length];
          Arrays.setAll(order, i -> i);
          Arrays.sort(
              order,
              (a, b) -> {
                int byMagnitude = Float.compare(Math.abs(w[b]), Math.abs(w[a]));
                return byMagnitude != 0 ? byMagnitude : Integer.compare(a, b);
              });
          for (int r = keep; r < order.length; r++) {
            out[order[r]] = 0f;
          }
          return out;
        });
  }

  /**
   * A copy of {@code model} whose weights lie on a {@code bits}-bit grid per layer, with the grid
   * steps.
   */
  public static QuantizedModel quantize(AnnModel model, int bits) {
    Checks.checkArgument(bits >= 2 && bits <= 8, "bits must be in [2, 8], got %d", bits);
    int levels = (1 << (bits - 1)) - 1;
    Map<String, Float> steps = new LinkedHashMap<>();
    AnnModel quantized =
        withWeights(
            model,
            (name, w) -> {
              float max = 0f;
              for (float v : w) {
                max = Math.max(max, Math.abs(v));
              }
              float step = max == 0f ? 1f : max / levels;
              steps.put(name, step);
              float[] out = new float[w.length];
              for (int k = 0; k < w.length; k++) {
                out[k] = Math.round(w[k] / step) * step;
              }
              return out;
            });
    return new QuantizedModel(quantized, bits, steps);
  }

  private interface WeightMap {
    float[] apply(String layer, float[] weights);
  }

  private static AnnModel withWeights(AnnModel model, WeightMap map) {
    List<AnnLayer> layers = new ArrayList<>();
    for (AnnLayer layer : model.layers()) {
      if (layer instanceof Conv2dLayer c) {
        layers.add(c.withParameters(map.apply(c.name(), c.weights()), c.bias().clone()));
      } else if (layer instanceof DenseLayer d) {
        layers.add(
            new DenseLayer(
                d.name(),
                d.inputs(),
                d.outputs(),
                map.apply(d.name(), d.weights()),
                d.bias().clone()));
      } else {
        layers.add(layer);
      }
    }
    return model.withLayers(layers);
  }
}
