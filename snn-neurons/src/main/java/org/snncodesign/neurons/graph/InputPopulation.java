package org.snncodesign.neurons.graph;

import java.util.Arrays;
import org.snncodesign.api.neuron.NeuronPopulation;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * An Input node inside the engine: a population with no input of its own that emits, each step, the
 * frame loaded before the step. Its "membrane potential" is the frame's values (1 where a spike,
 * for spike frames), which is what its projections carry; its spikes are the frame's bits (none for
 * analog frames).
 */
final class InputPopulation implements NeuronPopulation {
  private final int size;
  private final double dt;
  private final float[] values;
  private final long[] pending;

  InputPopulation(int size, double dt) {
    this.size = size;
    this.dt = dt;
    this.values = new float[size];
    this.pending = new long[SpikeRaster.wordsFor(size)];
  }

  /** Loads step {@code t} of a spike raster: value 1 for a spike, held for this one step. */
  void loadSpikes(SpikeRaster raster, int t) {
    System.arraycopy(raster.words(), raster.stepOffset(t), pending, 0, pending.length);
    for (int i = 0; i < size; i++) {
      values[i] = (float) ((pending[i >>> 6] >>> i) & 1L);
    }
  }

  /** Loads analog values (already checked to be finite): no spikes. */
  void loadValues(float[] frame) {
    System.arraycopy(frame, 0, values, 0, size);
    Arrays.fill(pending, 0L);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public double dt() {
    return dt;
  }

  @Override
  public int step(float[] input, long[] spikes) {
    int count = 0;
    for (int w = 0; w < pending.length; w++) {
      spikes[w] = pending[w];
      count += Long.bitCount(pending[w]);
    }
    return count;
  }

  @Override
  public float[] membranePotential() {
    return values;
  }

  @Override
  public void reset() {
    Arrays.fill(values, 0f);
    Arrays.fill(pending, 0L);
  }
}
