package org.snncodesign.api.neuron;

/**
 * The state of {@link #size()} neurons of one model, advanced one time step at a time.
 * Implementations keep their state in primitive arrays and allocate nothing in {@link #step}.
 *
 * <p>A population may take several input channels (e.g. excitatory and inhibitory synapses with
 * their own time constants, as the liquid state machine drives them): it says how many in {@link
 * #channels()} and steps with one array per channel in {@link #step(float[][], long[])}; what a
 * channel's input means (a current, a jump of a synaptic current, a conductance increment) the
 * model states. A population whose initial conditions can be set (e.g. membrane potentials drawn
 * between reset and threshold) supports {@link #setMembranePotential}.
 */
public interface NeuronPopulation {

  int size();

  /** The time step in seconds. */
  double dt();

  /**
   * Advances every neuron by one step.
   *
   * @param input synaptic input per neuron for this step (current or potential increment, as the
   *     model states), length {@link #size()}
   * @param spikes receives the spikes of this step as bits (neuron n = bit n % 64 of word n / 64);
   *     must hold at least {@code (size + 63) / 64} words, and is overwritten
   * @return the number of neurons that spiked
   */
  int step(float[] input, long[] spikes);

  /** Membrane potential per neuron (a live view for monitors; do not modify). */
  float[] membranePotential();

  /** Back to the resting state. */
  void reset();

  /** Number of input channels, >= 1; one unless the model says otherwise. */
  default int channels() {
    return 1;
  }

  /**
   * Advances every neuron by one step with one input array per channel; the default serves
   * one-channel populations through {@link #step(float[], long[])}.
   *
   * @param inputs {@link #channels()} arrays of length {@link #size()}
   * @param spikes receives this step's spikes as bits, overwritten
   * @return the number of neurons that spiked
   * @throws IllegalArgumentException when the number of arrays is not {@link #channels()}
   */
  default int step(float[][] inputs, long[] spikes) {
    if (inputs.length != channels()) {
      throw new IllegalArgumentException(
          "population of "
              + size()
              + " neurons takes "
              + channels()
              + " input channel(s), got "
              + inputs.length);
    }
    return step(inputs[0], spikes);
  }

  /**
   * Sets the membrane potentials (initial conditions).
   *
   * @throws IllegalArgumentException when the length differs from {@link #size()} or a value is not
   *     finite
   * @throws UnsupportedOperationException when the model's state cannot be set (the default)
   */
  default void setMembranePotential(float[] potentials) {
    throw new UnsupportedOperationException(
        "this neuron model's membrane potentials cannot be set");
  }
}
