package org.snncodesign.flow.search;

import java.util.List;
import org.snncodesign.api.Checks;
import org.snncodesign.learning.surrogate.SpikingNetwork;
import org.snncodesign.learning.surrogate.WeightTransform;

/**
 * One weight transform per layer where the trainer takes one for all: layer {@code l} is handed to
 * {@code byLayer.get(l)} (called with its own layer index, so a delegate such as {@link
 * org.snncodesign.learning.quantization.LsqQuantizer} keeps its per-layer state as usual). This is
 * how a compressed variant is fine-tuned with a different sparsity budget and weight width in every
 * layer.
 *
 * <p>A delegate's trainable parameters can be preset after its {@link WeightTransform#initialise}:
 * the fine-tuning starts a quantiser from the step the compression fitted rather than from its
 * generic initial guess.
 */
final class PerLayerTransform implements WeightTransform {
  /** Passes weights through unchanged: a layer left in full precision. */
  static final WeightTransform IDENTITY =
      new WeightTransform() {
        @Override
        public void initialise(int layer, float[] input) {}

        @Override
        public void forward(int layer, float[] input, float[] output) {
          System.arraycopy(input, 0, output, 0, input.length);
        }

        @Override
        public void backward(int layer, float[] input, float[] gradient) {}
      };

  private final List<WeightTransform> byLayer;
  private final float[][] presets;

  /**
   * @param byLayer one transform per layer of the network trained
   * @param presets per layer, the values written into the delegate's {@link
   *     WeightTransform#parameters} right after it is initialised, or null to keep its own
   */
  PerLayerTransform(List<WeightTransform> byLayer, float[][] presets) {
    Checks.checkArgument(
        presets.length == byLayer.size(),
        "%d presets for %d layers",
        presets.length,
        byLayer.size());
    this.byLayer = List.copyOf(byLayer);
    this.presets = presets.clone();
  }

  private WeightTransform of(int layer) {
    Checks.checkArgument(
        layer >= 0 && layer < byLayer.size(), "layer %d outside [0, %d)", layer, byLayer.size());
    return byLayer.get(layer);
  }

  @Override
  public void attach(SpikingNetwork network) {
    Checks.checkArgument(
        network.layers().size() == byLayer.size(),
        "network has %d layers, transforms for %d",
        network.layers().size(),
        byLayer.size());
    for (WeightTransform t : byLayer) {
      t.attach(network);
    }
  }

  @Override
  public void initialise(int layer, float[] input) {
    WeightTransform t = of(layer);
    t.initialise(layer, input);
    float[] preset = presets[layer];
    if (preset != null) {
      float[] live = t.parameters(layer);
      Checks.checkArgument(
          live.length == preset.length,
          "layer %d has %d parameters, preset has %d",
          layer,
          live.length,
          preset.length);
      System.arraycopy(preset, 0, live, 0, preset.length);
    }
  }

  @Override
  public void forward(int layer, float[] input, float[] output) {
    of(layer).forward(layer, input, output);
  }

  @Override
  public void backward(int layer, float[] input, float[] gradient) {
    of(layer).backward(layer, input, gradient);
  }

  @Override
  public float[] parameters(int layer) {
    return of(layer).parameters(layer);
  }

  @Override
  public float[] parameterGradients(int layer) {
    return of(layer).parameterGradients(layer);
  }

  @Override
  public void afterStep(int layer, float[] input, long step) {
    of(layer).afterStep(layer, input, step);
  }
}
