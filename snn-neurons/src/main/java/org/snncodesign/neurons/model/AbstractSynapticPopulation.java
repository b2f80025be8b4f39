package org.snncodesign.neurons.model;

import java.util.Arrays;
import org.snncodesign.api.neuron.NeuronPopulation;

/**
 * Skeleton of a {@link NeuronPopulation} whose state lives in primitive arrays: it holds the model
 * name, size, time step and membrane potentials, checks every step's arrays and hands the channels
 * to {@link #advance}. {@link #step(float[], long[])} feeds channel 0 and zeros on the other
 * channels.
 *
 * <p>Subclasses write the per-neuron loop in {@link #advance}; the static helpers here are small
 * enough for the JIT to inline into that loop, so sharing them costs no call and no allocation per
 * step.
 */
public abstract class AbstractSynapticPopulation implements NeuronPopulation {
  /** The model's plugin name, used in error messages. */
  protected final String model;

  /** Number of neurons. */
  protected final int size;

  /** Membrane potential per neuron (returned as a live view). */
  protected final float[] v;

  private final double dt;
  private final int channels;
  // Channel 0 is the caller's input during a single-channel step; the other channels read zeros.
  private final float[][] single;

  /**
   * @param model plugin name of the model
   * @param size number of neurons, already checked to be >= 0
   * @param dt time step in seconds, already checked to be finite and > 0
   * @param channels number of input channels, >= 1
   */
  protected AbstractSynapticPopulation(String model, int size, double dt, int channels) {
    this.model = model;
    this.size = size;
    this.dt = dt;
    this.channels = channels;
    this.v = new float[size];
    this.single = new float[channels][];
    float[] zeros = new float[channels > 1 ? size : 0];
    for (int c = 1; c < channels; c++) {
      single[c] = zeros;
    }
  }

  /**
   * Advances every neuron by one step.
   *
   * @param inputs {@link #channels()} arrays of length {@link #size()}, already checked
   * @param spikes at least {@code ceil(size / 64)} words, already checked; this step's spikes must
   *     overwrite them
   * @return the number of neurons that spiked
   */
  protected abstract int advance(float[][] inputs, long[] spikes);

  @Override
  public final int size() {
    return size;
  }

  @Override
  public final double dt() {
    return dt;
  }

  @Override
  public final int channels() {
    return channels;
  }

  @Override
  public final int step(float[] input, long[] spikes) {
    InputChecks.shapes(model, size, input, spikes);
    single[0] = input;
    try {
      return advance(single, spikes);
    } finally {
      single[0] = null;
    }
  }

  @Override
  public final int step(float[][] inputs, long[] spikes) {
    InputChecks.channels(model, size, channels, inputs, spikes);
    return advance(inputs, spikes);
  }

  @Override
  public final float[] membranePotential() {
    return v;
  }

  @Override
  public final void setMembranePotential(float[] potentials) {
    InputChecks.potentials(model, size, potentials);
    System.arraycopy(potentials, 0, v, 0, size);
  }

  /**
   * Zeroes the {@code ceil(size / 64)} words of this population's spikes; neurons then set their
   * bit.
   */
  protected final void clearSpikes(long[] spikes) {
    Arrays.fill(spikes, 0, (size + 63) >>> 6, 0L);
  }

  /**
   * Counts down neuron {@code i}'s refractory steps; true while it is still refractory. A spike
   * sets the count to {@code round(t_ref / dt)} and the spike's own step counts, so the neuron is
   * held while {@code t - t_spike < t_ref}.
   */
  protected static boolean stillRefractory(int[] stepsLeft, int i) {
    return stepsLeft[i] > 0 && --stepsLeft[i] > 0;
  }
}
