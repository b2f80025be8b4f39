package org.snncodesign.neurons.graph;

import org.snncodesign.api.Checks;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * What one Input node receives over a run: spikes (a 1 held for the step of each spike), analog
 * values per step, or the same analog values every step (direct encoding, e.g. pixels as a constant
 * current). Arrays are copied.
 */
public final class Stimulus {
  private final int timeSteps;
  private final int neurons;
  private final SpikeRaster spikes;
  private final float[][] values;

  private Stimulus(int timeSteps, int neurons, SpikeRaster spikes, float[][] values) {
    this.timeSteps = timeSteps;
    this.neurons = neurons;
    this.spikes = spikes;
    this.values = values;
  }

  /** Spikes: {@code raster.timeSteps()} steps of {@code raster.neurons()} inputs. */
  public static Stimulus spikes(SpikeRaster raster) {
    Checks.checkArgument(raster != null, "a spike stimulus needs a raster");
    SpikeRaster copy = new SpikeRaster(raster.timeSteps(), raster.neurons());
    System.arraycopy(raster.words(), 0, copy.words(), 0, raster.words().length);
    return new Stimulus(raster.timeSteps(), raster.neurons(), copy, null);
  }

  /**
   * Analog values, {@code perStep[t][i]} for step t and input i.
   *
   * @throws IllegalArgumentException naming the step whose length differs or the value that is not
   *     finite
   */
  public static Stimulus values(float[][] perStep) {
    Checks.checkArgument(
        perStep != null && perStep.length > 0 && perStep[0] != null,
        "an analog stimulus needs at least one step of values");
    float[][] copy = new float[perStep.length][];
    for (int t = 0; t < perStep.length; t++) {
      Checks.checkArgument(
          perStep[t] != null && perStep[t].length == perStep[0].length,
          "step %d of the stimulus has %s values, step 0 has %d",
          t,
          perStep[t] == null ? "no" : perStep[t].length,
          perStep[0].length);
      copy[t] = finite(perStep[t], t);
    }
    return new Stimulus(perStep.length, perStep[0].length, null, copy);
  }

  /** The same analog values at each of {@code timeSteps} steps. */
  public static Stimulus constant(float[] values, int timeSteps) {
    Checks.checkArgument(values != null, "a constant stimulus needs values");
    Checks.checkArgument(timeSteps >= 0, "a stimulus needs timeSteps >= 0, got %d", timeSteps);
    return new Stimulus(timeSteps, values.length, null, new float[][] {finite(values, 0)});
  }

  /**
   * Random spikes: each of {@code neurons} inputs spikes at each of {@code timeSteps} steps with
   * probability {@code rate}, independently, drawn from {@code seed} (the same seed gives the same
   * raster).
   *
   * @throws IllegalArgumentException naming a rate outside [0, 1] or a non-positive size
   */
  public static Stimulus bernoulli(int neurons, int timeSteps, double rate, long seed) {
    Checks.positive(neurons, "neurons of a random stimulus");
    Checks.positive(timeSteps, "time steps of a random stimulus");
    Checks.checkArgument(rate >= 0 && rate <= 1, "spike rate must be in [0, 1], got %s", rate);
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    SpikeRaster raster = new SpikeRaster(timeSteps, neurons);
    for (int t = 0; t < timeSteps; t++) {
      for (int i = 0; i < neurons; i++) {
        if (random.nextDouble() < rate) {
          raster.set(t, i);
        }
      }
    }
    return new Stimulus(timeSteps, neurons, raster, null);
  }

  private static float[] finite(float[] values, int step) {
    for (int i = 0; i < values.length; i++) {
      Checks.checkArgument(
          Float.isFinite(values[i]),
          "stimulus value %d at step %d is %s, expected a finite" + " number",
          i,
          step,
          values[i]);
    }
    return values.clone();
  }

  public int timeSteps() {
    return timeSteps;
  }

  /** Inputs per step. */
  public int neurons() {
    return neurons;
  }

  /** Whether this is spikes (else analog values). */
  public boolean isSpikes() {
    return spikes != null;
  }

  /** Whether the values are the same every step. */
  public boolean isConstant() {
    return spikes == null && values.length == 1;
  }

  /** The spikes, if {@link #isSpikes()} (a copy). */
  public SpikeRaster spikeRaster() {
    Checks.checkArgument(spikes != null, "this stimulus is analog values, not spikes");
    SpikeRaster copy = new SpikeRaster(timeSteps, neurons);
    System.arraycopy(spikes.words(), 0, copy.words(), 0, spikes.words().length);
    return copy;
  }

  /** The analog values of step {@code t} (a copy); 1 and 0 for spikes. */
  public float[] valuesAt(int t) {
    Checks.checkArgument(t >= 0 && t < timeSteps, "step %d outside [0, %d)", t, timeSteps);
    if (spikes == null) {
      return values[values.length == 1 ? 0 : t].clone();
    }
    float[] frame = new float[neurons];
    for (int i = 0; i < neurons; i++) {
      frame[i] = spikes.get(t, i) ? 1f : 0f;
    }
    return frame;
  }

  /** Puts step {@code t} into the input population (no allocation). */
  void load(InputPopulation input, int t) {
    if (spikes != null) {
      input.loadSpikes(spikes, t);
    } else {
      input.loadValues(values[values.length == 1 ? 0 : t]);
    }
  }
}
