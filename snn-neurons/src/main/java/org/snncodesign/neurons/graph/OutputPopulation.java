package org.snncodesign.neurons.graph;

import java.util.Arrays;
import org.snncodesign.api.neuron.NeuronPopulation;

/**
 * An Output node inside the engine: its "membrane potential" after a step is the summed input of
 * that step (the Output's value), and it never spikes.
 */
final class OutputPopulation implements NeuronPopulation {
  private final int size;
  private final double dt;
  private final float[] values;

  OutputPopulation(int size, double dt) {
    this.size = size;
    this.dt = dt;
    this.values = new float[size];
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
    System.arraycopy(input, 0, values, 0, size);
    Arrays.fill(spikes, 0, org.snncodesign.api.spike.SpikeRaster.wordsFor(size), 0L);
    return 0;
  }

  @Override
  public float[] membranePotential() {
    return values;
  }

  @Override
  public void reset() {
    Arrays.fill(values, 0f);
  }
}
