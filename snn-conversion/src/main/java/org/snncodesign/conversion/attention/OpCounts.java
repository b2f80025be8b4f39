package org.snncodesign.conversion.attention;

/**
 * Operation and spike counters of a spiking run. {@code synaptic} counts accumulates triggered by
 * spikes (one per synaptic event, including one per coincident spike pair in a spike-timing
 * product); {@code neuron} counts neuron-side operations (one comparison per phase waited, bias
 * additions); {@code spikes} and {@code neurons} give the firing density.
 */
public final class OpCounts {
  long synaptic;
  long neuron;
  long spikes;
  long neurons;

  public long synaptic() {
    return synaptic;
  }

  public long neuron() {
    return neuron;
  }

  public long spikes() {
    return spikes;
  }

  public long neurons() {
    return neurons;
  }

  void add(OpCounts o) {
    synaptic += o.synaptic;
    neuron += o.neuron;
    spikes += o.spikes;
    neurons += o.neurons;
  }

  public void clear() {
    synaptic = 0;
    neuron = 0;
    spikes = 0;
    neurons = 0;
  }
}
