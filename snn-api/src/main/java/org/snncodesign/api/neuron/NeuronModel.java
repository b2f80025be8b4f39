package org.snncodesign.api.neuron;

import java.util.Map;
import java.util.Set;
import org.snncodesign.api.graph.NeuronNode;
import org.snncodesign.api.plugin.Plugin;

/** A neuron model (IF, LIF, Izhikevich, ...): a factory of populations that share its equations. */
public interface NeuronModel extends Plugin {

  /** Parameter names with their default values, in the units the model's Javadoc states. */
  Map<String, Double> defaultParameters();

  /**
   * A population of {@code size} neurons at rest.
   *
   * @throws IllegalArgumentException naming a parameter that is unknown or out of range
   */
  NeuronPopulation create(int size, NeuronParameters parameters);

  /**
   * The NIR neuron node types ({@link NeuronNode#nirType()}: {@code "LIF"}, {@code "CubaLIF"}, ...)
   * this model can run in a graph; none unless the model overrides it.
   */
  default Set<String> graphNodeTypes() {
    return Set.of();
  }

  /**
   * A population running the neurons of a graph's neuron node, with the node's per-neuron
   * parameters and the node's equations discretised as {@code discretization} says. Its {@link
   * NeuronPopulation#step} input is the summed input of the node for the step; it spikes where the
   * node spikes ({@link NeuronNode#spiking()}), and its {@link
   * NeuronPopulation#membranePotential()} is the node's voltage (the output of a non-spiking node).
   *
   * @param node one of {@link #graphNodeTypes()}
   * @param resetBySubtraction reset by subtracting the threshold instead of setting {@code v_reset}
   *     (for networks trained that way; see {@link
   *     org.snncodesign.api.graph.GraphAnnotations#resetKey})
   * @throws UnsupportedOperationException when the model does not run this node type
   * @throws IllegalArgumentException naming a parameter the model cannot take
   */
  default NeuronPopulation create(
      NeuronNode node, Discretization discretization, boolean resetBySubtraction) {
    throw new UnsupportedOperationException(
        "neuron model '"
            + name()
            + "' does not run graph nodes of type "
            + node.nirType()
            + "; it runs "
            + graphNodeTypes());
  }
}
