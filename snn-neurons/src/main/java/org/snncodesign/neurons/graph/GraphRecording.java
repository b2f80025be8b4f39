package org.snncodesign.neurons.graph;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import org.snncodesign.api.Checks;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * What one run of a {@link GraphSimulator} produced, step by step: the spikes of every spiking
 * neuron node and of every Input fed with spikes, the values of every Output node, the voltages of
 * the neuron nodes when recorded, and the stimuli it was given. Arrays are this recording's own,
 * indexed {@code [step][neuron]}.
 */
public final class GraphRecording {
  private final int timeSteps;
  private final Map<String, Stimulus> stimuli;
  private final Map<String, SpikeRaster> spikes;
  private final Map<String, float[][]> voltages;
  private final Map<String, float[][]> outputs;
  private final long synapticEvents;

  GraphRecording(
      int timeSteps,
      Map<String, Stimulus> stimuli,
      Map<String, SpikeRaster> spikes,
      Map<String, float[][]> voltages,
      Map<String, float[][]> outputs,
      long synapticEvents) {
    this.timeSteps = timeSteps;
    this.stimuli = Collections.unmodifiableMap(stimuli);
    this.spikes = Collections.unmodifiableMap(spikes);
    this.voltages = Collections.unmodifiableMap(voltages);
    this.outputs = Collections.unmodifiableMap(outputs);
    this.synapticEvents = synapticEvents;
  }

  /** Steps simulated. */
  public int timeSteps() {
    return timeSteps;
  }

  /** Nodes with recorded spikes: spiking neuron nodes and Inputs given spikes. */
  public Set<String> spikingNodes() {
    return spikes.keySet();
  }

  /**
   * The spikes of node {@code node}, {@code timeSteps x neurons}.
   *
   * @throws IllegalArgumentException naming the node and those with spikes
   */
  public SpikeRaster spikes(String node) {
    return lookup(spikes, node, "spikes");
  }

  /** Nodes with recorded voltages (every neuron node, when the simulator records voltages). */
  public Set<String> voltageNodes() {
    return voltages.keySet();
  }

  /**
   * The voltage {@code v} of every neuron of {@code node} after each step, {@code [step][neuron]}
   * (after the reset of a spiking neuron; for I, LI and CubaLI the node's output).
   */
  public float[][] voltages(String node) {
    return lookup(voltages, node, "voltages (recorded only when the simulator records voltages)");
  }

  /** The Output nodes' names. */
  public Set<String> outputNodes() {
    return outputs.keySet();
  }

  /** The value of Output node {@code node} at each step, {@code [step][element]}. */
  public float[][] output(String node) {
    return lookup(outputs, node, "output values");
  }

  /** The value of the graph's only Output node at each step. */
  public float[][] output() {
    Checks.checkArgument(
        outputs.size() == 1,
        "the graph has %d Output nodes %s; name one",
        outputs.size(),
        outputs.keySet());
    return outputs.values().iterator().next();
  }

  /** What Input node {@code input} received. */
  public Stimulus stimulus(String input) {
    return lookup(stimuli, input, "a stimulus");
  }

  /** The stimuli by Input node. */
  public Map<String, Stimulus> stimuli() {
    return stimuli;
  }

  /** Synapses whose source spiked or had a non-zero value, summed over the steps of the run. */
  public long synapticEvents() {
    return synapticEvents;
  }

  private static <T> T lookup(Map<String, T> map, String node, String what) {
    T value = map.get(node);
    Checks.checkArgument(
        value != null,
        "node '%s' has no %s in this recording; nodes that have: %s",
        node,
        what,
        map.keySet());
    return value;
  }
}
