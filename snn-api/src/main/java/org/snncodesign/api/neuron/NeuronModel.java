package org.snncodesign.api.neuron;

import java.util.Map;
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
}
