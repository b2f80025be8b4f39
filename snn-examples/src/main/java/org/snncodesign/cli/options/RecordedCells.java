package org.snncodesign.cli.options;

import org.snncodesign.api.InvalidInputException;

/**
 * How much a graph run records, bounded by its options before anything is allocated: the (step,
 * neuron) cells of its spike rasters and the values of its voltage traces.
 */
public final class RecordedCells {
  /**
   * Most (step, neuron) cells a run may record, input and neurons together: 2^33 bits, 1 GiB of
   * spike rasters.
   */
  public static final long MAX_CELLS = 1L << 33;

  private RecordedCells() {}

  /**
   * Refuses runs whose recorded spikes would not fit in memory, before anything is allocated.
   *
   * @param graphNeurons the graph's neurons recorded per step
   * @param inputs the Input's values recorded per step
   * @param runs runs kept in memory together
   * @param steps time steps per run
   */
  public static void check(long graphNeurons, long inputs, long runs, int steps) {
    long neurons = (graphNeurons + inputs) * runs;
    if (neurons * steps > MAX_CELLS) {
      throw new InvalidInputException(
          "--steps "
              + steps
              + " x "
              + neurons
              + " neurons is more than "
              + MAX_CELLS
              + " recorded (step, neuron) cells; give fewer --steps");
    }
  }

  /** The values a voltage trace of {@code neurons} over {@code steps} steps holds. */
  public static long voltageValues(long neurons, int steps) {
    return neurons * steps;
  }
}
