package org.snncodesign.api.neuron;

/**
 * The state of {@link #size()} neurons of one model, advanced one time step at a time. Implementations keep their
 * state in primitive arrays and allocate nothing in {@link #step}.
 */
public interface NeuronPopulation {

  int size();

  /** The time step in seconds. */
  double dt();

  /**
   * Advances every neuron by one step.
   *
   * @param input synaptic input per neuron for this step (current or potential increment, as the model states),
   *     length {@link #size()}
   * @param spikes receives the spikes of this step as bits (neuron n = bit n % 64 of word n / 64); must hold at
   *     least {@code (size + 63) / 64} words, and is overwritten
   * @return the number of neurons that spiked
   */
  int step(float[] input, long[] spikes);

  /** Membrane potential per neuron (a live view for monitors; do not modify). */
  float[] membranePotential();

  /** Back to the resting state. */
  void reset();
}
