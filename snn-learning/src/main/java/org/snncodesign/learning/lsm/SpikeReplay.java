package org.snncodesign.learning.lsm;

import java.util.Arrays;
import org.snncodesign.api.Checks;
import org.snncodesign.api.neuron.NeuronPopulation;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * A population that emits the spikes of a loaded raster, step by step, and nothing after its end:
 * the input layer of a liquid inside the engine. Its input is ignored. {@link #reset()} rewinds to
 * step 0 and keeps the raster.
 */
public final class SpikeReplay implements NeuronPopulation {
  private final int size;
  private final double dt;
  private final float[] potential;
  private SpikeRaster raster;
  private int step;

  /**
   * @param size number of input channels
   * @param dt time step in seconds
   */
  public SpikeReplay(int size, double dt) {
    this.size = Checks.nonNegative(size, "size");
    this.dt = Checks.positive(dt, "dt");
    this.potential = new float[size];
    this.raster = new SpikeRaster(0, size);
  }

  /** Loads the spikes to replay from the next step on, starting at the raster's step 0. */
  public void load(SpikeRaster spikes) {
    Checks.checkArgument(
        spikes.neurons() == size,
        "raster has %d channels but the replay has %d",
        spikes.neurons(),
        size);
    this.raster = spikes;
    this.step = 0;
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
    int words = SpikeRaster.wordsFor(size);
    int count = 0;
    if (step < raster.timeSteps()) {
      long[] source = raster.words();
      int offset = raster.stepOffset(step);
      for (int w = 0; w < words; w++) {
        spikes[w] = source[offset + w];
        count += Long.bitCount(spikes[w]);
      }
    } else {
      Arrays.fill(spikes, 0, words, 0L);
    }
    step++;
    return count;
  }

  @Override
  public float[] membranePotential() {
    return potential;
  }

  @Override
  public void reset() {
    step = 0;
  }
}
