package org.snncodesign.learning.lsm;

import java.util.List;
import java.util.function.IntConsumer;
import org.snncodesign.api.Checks;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.learning.lsm.readout.Features;

/**
 * Liquid states of many samples: one row of {@code bins x neurons} spike counts per input raster.
 */
public final class LiquidStates {
  private LiquidStates() {}

  /**
   * Runs every input through the simulator and stacks the states.
   *
   * @param progress called with the number of samples done after each one (e.g. to print progress)
   */
  public static Features compute(
      LiquidSimulator simulator, List<SpikeRaster> inputs, int bins, IntConsumer progress) {
    Checks.positive(bins, "bins");
    int d = Math.multiplyExact(bins, simulator.liquid().neurons());
    float[] values = new float[Math.multiplyExact(inputs.size(), d)];
    for (int s = 0; s < inputs.size(); s++) {
      simulator.state(inputs.get(s), bins, values, s * d);
      progress.accept(s + 1);
    }
    return new Features(inputs.size(), d, values);
  }

  /** As {@link #compute(LiquidSimulator, List, int, IntConsumer)} without progress. */
  public static Features compute(LiquidSimulator simulator, List<SpikeRaster> inputs, int bins) {
    return compute(simulator, inputs, bins, done -> {});
  }
}
