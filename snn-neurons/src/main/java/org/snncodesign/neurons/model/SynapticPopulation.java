package org.snncodesign.neurons.model;

import org.snncodesign.api.neuron.NeuronPopulation;

/**
 * A population with one or more synaptic input channels (e.g. excitatory and inhibitory synapses with their own
 * time constants) whose membrane potentials can be set, as the simulation engine needs.
 *
 * <p>{@link #step(float[], long[])} feeds channel 0 only; {@link #step(float[][], long[])} feeds all channels. The
 * meaning of a channel's input (current, jump of a synaptic current, conductance increment) is stated by the
 * model.
 */
public interface SynapticPopulation extends NeuronPopulation {

  /** Number of input channels, >= 1. */
  int channels();

  /**
   * Advances every neuron by one step with one input array per channel.
   *
   * @param inputs {@link #channels()} arrays of length {@link #size()}
   * @param spikes receives this step's spikes as bits, overwritten
   * @return the number of neurons that spiked
   */
  int step(float[][] inputs, long[] spikes);

  /**
   * Sets the membrane potentials (initial conditions), e.g. uniformly random between reset and threshold.
   *
   * @throws IllegalArgumentException when the length differs from {@link #size()} or a value is not finite
   */
  void setMembranePotential(float[] potentials);
}
