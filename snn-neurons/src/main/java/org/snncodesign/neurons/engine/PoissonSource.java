package org.snncodesign.neurons.engine;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.snncodesign.api.neuron.NeuronPopulation;

/**
 * Independent Poisson spike sources (the discrete-time Bernoulli approximation: each neuron spikes
 * in a step with probability {@code p = 1 - exp(-rate dt)}), used as external drive. Input is
 * ignored. Seeded: the same seed gives the same spikes, and {@link #reset()} restarts the sequence.
 */
public final class PoissonSource implements NeuronPopulation {
  private final int size;
  private final double dt;
  private final double probability;
  private final double logComplement;
  private final long seed;
  private final float[] potential;
  private SplittableRandom random;

  /**
   * @param size number of sources, >= 0
   * @param dt time step in seconds, > 0
   * @param rateHz firing rate of each source in Hz, >= 0
   * @param seed seed of the spike sequence
   */
  public PoissonSource(int size, double dt, double rateHz, long seed) {
    if (size < 0) {
      throw new IllegalArgumentException("Poisson source size must be >= 0, got " + size);
    }
    if (!(dt > 0) || !Double.isFinite(dt)) {
      throw new IllegalArgumentException("dt must be finite and > 0, got " + dt);
    }
    if (!(rateHz >= 0) || !Double.isFinite(rateHz)) {
      throw new IllegalArgumentException("Poisson rate must be finite and >= 0 Hz, got " + rateHz);
    }
    this.size = size;
    this.dt = dt;
    this.probability = -Math.expm1(-rateHz * dt);
    this.logComplement = Math.log1p(-probability);
    this.seed = seed;
    this.potential = new float[size];
    reset();
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public double dt() {
    return dt;
  }

  /** Spike probability per step. */
  public double probability() {
    return probability;
  }

  @Override
  public int step(float[] input, long[] spikes) {
    int words = (size + 63) >>> 6;
    if (spikes.length < words) {
      throw new IllegalArgumentException(
          "spikes must hold at least " + words + " words, got " + spikes.length);
    }
    Arrays.fill(spikes, 0, words, 0L);
    if (probability <= 0) {
      return 0;
    }
    int count = 0;
    // Geometric skipping: the gap to the next spiking neuron is geometric, so the cost follows the
    // spike count.
    long i = -1;
    while (true) {
      double u = random.nextDouble();
      i += 1 + (probability >= 1 ? 0 : (long) Math.floor(Math.log1p(-u) / logComplement));
      if (i >= size) {
        break;
      }
      spikes[(int) (i >>> 6)] |= 1L << i;
      count++;
    }
    return count;
  }

  @Override
  public float[] membranePotential() {
    return potential;
  }

  @Override
  public void reset() {
    random = new SplittableRandom(seed);
  }
}
