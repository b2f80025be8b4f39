package org.snncodesign.neurons.engine;

/** What a projection carries from its source population to its target each step. */
public enum TransmittedSignal {
  /** The source's spikes: a synapse adds {@code s_pre w} with {@code s_pre} in {0, 1}. */
  SPIKES,
  /**
   * The source's membrane potential as an analog value (a non-spiking neuron's output, or an analog
   * input): a synapse adds {@code v_pre w}.
   */
  MEMBRANE_POTENTIAL
}
