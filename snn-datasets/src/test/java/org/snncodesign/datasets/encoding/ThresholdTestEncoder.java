package org.snncodesign.datasets.encoding;

import org.snncodesign.api.coding.CodingParameters;
import org.snncodesign.api.coding.SpikeEncoder;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * Test-only deterministic coding: neuron n spikes at step t when {@code value[n] > (t + 0.5) / T},
 * so it fires {@code round(value * T)} times; and a spike at the last step when the seed is odd, to
 * make seeds visible.
 */
final class ThresholdTestEncoder implements SpikeEncoder {
  @Override
  public String name() {
    return "test-threshold";
  }

  @Override
  public String description() {
    return "test-only deterministic threshold coding";
  }

  @Override
  public SpikeRaster encode(float[] values, CodingParameters parameters) {
    int steps = parameters.timeSteps();
    SpikeRaster raster = new SpikeRaster(steps, values.length + 1);
    for (int n = 0; n < values.length; n++) {
      if (!(values[n] >= 0 && values[n] <= 1)) {
        throw new IllegalArgumentException("value " + n + " outside [0, 1]: " + values[n]);
      }
      for (int t = 0; t < steps; t++) {
        if (values[n] > (t + 0.5) / steps) {
          raster.set(t, n);
        }
      }
    }
    if ((parameters.seed() & 1) == 1) {
      raster.set(steps - 1, values.length);
    }
    return raster;
  }
}
