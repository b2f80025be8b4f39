package org.snncodesign.learning.surrogate;

import org.snncodesign.api.Checks;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * Runs a trained {@link SpikingNetwork} on many samples and records what each spiking layer
 * emitted, so the sparse kernel and the accelerator models can be fed the measured spikes rather
 * than assumed rates.
 *
 * <p>The forward pass is the trainer's own (non-smooth spikes), so predictions equal {@link
 * SpikingNetwork#predict}.
 */
public final class SpikeRecorder {
  private SpikeRecorder() {}

  /**
   * What a network did on a set of samples.
   *
   * @param predictions predicted class per sample
   * @param layerSpikes spikes of each spiking layer, {@code (samples * T) x width}: sample {@code
   *     k}'s step {@code t} is row {@code k * T + t}; the last layer is absent under {@link
   *     Readout#MEMBRANE}
   */
  public record Recording(int[] predictions, SpikeRaster[] layerSpikes) {}

  /**
   * Runs the {@code samples} row-major inputs in {@code features} (each {@code network.inputs()}
   * values).
   */
  public static Recording record(SpikingNetwork network, float[] features, int samples) {
    int inputs = network.inputs();
    Checks.checkArgument(
        features.length == (long) samples * inputs,
        "%d samples of %d inputs need %d values, got %d",
        samples,
        inputs,
        (long) samples * inputs,
        features.length);
    int steps = network.timesteps();
    int depth = network.layers().size();
    int spiking = network.readout() == Readout.MEMBRANE ? depth - 1 : depth;
    SpikeRaster[] rasters = new SpikeRaster[spiking];
    for (int l = 0; l < spiking; l++) {
      rasters[l] = new SpikeRaster(Math.multiplyExact(samples, steps), network.layer(l).neurons());
    }
    int[] predictions = new int[samples];
    BpttWorkspace workspace =
        new BpttWorkspace(
            network, SurrogateFunction.of(SurrogateKind.FAST_SIGMOID), false, true, false);
    for (int k = 0; k < samples; k++) {
      workspace.forward(features, k * inputs);
      predictions[k] = workspace.predicted();
      for (int l = 0; l < spiking; l++) {
        copySpikes(workspace.spikes(l), network.layer(l).neurons(), steps, rasters[l], k * steps);
      }
    }
    return new Recording(predictions, rasters);
  }

  private static void copySpikes(
      float[] spikes, int width, int steps, SpikeRaster raster, int firstRow) {
    long[] words = raster.words();
    for (int t = 0; t < steps; t++) {
      int rowOffset = raster.stepOffset(firstRow + t);
      for (int j = 0; j < width; j++) {
        if (spikes[t * width + j] != 0f) {
          words[rowOffset + (j >>> 6)] |= 1L << j;
        }
      }
    }
  }
}
