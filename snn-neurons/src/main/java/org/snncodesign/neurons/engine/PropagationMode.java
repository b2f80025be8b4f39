package org.snncodesign.neurons.engine;

/**
 * How spikes reach their targets. Both modes step every neuron every dt and produce identical
 * spikes; they differ only in which synapses they touch.
 */
public enum PropagationMode {
  /**
   * Clock-driven: every step visits every synapse of every projection and adds {@code s_pre * w}
   * (s_pre in {0, 1}), as a dense-activity simulator or a systolic array would.
   */
  CLOCK,
  /** Event-driven: every step visits only the rows of the presynaptic neurons that spiked. */
  EVENT
}
