package org.snncodesign.neurons.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.graph.NeuronNode;
import org.snncodesign.api.neuron.Discretization;
import org.snncodesign.api.neuron.NeuronModel;
import org.snncodesign.api.neuron.NeuronParameters;
import org.snncodesign.api.neuron.NeuronPopulation;

/**
 * Skeleton of a {@link NeuronModel} plugin of API version 1.0: it holds the plugin name, the
 * description and the default parameters (in the order the model's Javadoc lists them), and
 * resolves the caller's parameters over the defaults, refusing unknown names, before {@link
 * #create(int, ModelParameters)} builds the population.
 */
public abstract class AbstractNeuronModel implements NeuronModel {
  private final String name;
  private final String description;
  private final Map<String, Double> defaults;
  private final Set<String> graphNodeTypes;

  /**
   * A model that runs no graph neuron nodes.
   *
   * @param name plugin name (short kebab-case)
   * @param description one-line description
   * @param defaults parameter names with their default values, copied in iteration order
   */
  protected AbstractNeuronModel(String name, String description, Map<String, Double> defaults) {
    this(name, description, defaults, Set.of());
  }

  /**
   * @param name plugin name (short kebab-case)
   * @param description one-line description
   * @param defaults parameter names with their default values, copied in iteration order
   * @param graphNodeTypes the NIR neuron node types the model runs in a graph (see {@link
   *     GraphNeuronPopulation})
   */
  protected AbstractNeuronModel(
      String name, String description, Map<String, Double> defaults, Set<String> graphNodeTypes) {
    this.name = name;
    this.description = description;
    this.defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
    this.graphNodeTypes = Collections.unmodifiableSet(new TreeSet<>(graphNodeTypes));
  }

  /**
   * A population of {@code size} neurons (not yet checked: call {@link ModelParameters#size(int)})
   * with the resolved parameters; range checks name the parameter.
   */
  protected abstract NeuronPopulation create(int size, ModelParameters parameters);

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final ApiVersion apiVersion() {
    return new ApiVersion(1, 0);
  }

  /** A new modifiable copy of the defaults, in their declared order. */
  @Override
  public final Map<String, Double> defaultParameters() {
    return new LinkedHashMap<>(defaults);
  }

  @Override
  public final NeuronPopulation create(int size, NeuronParameters parameters) {
    return create(size, resolve(parameters));
  }

  /** The caller's parameters over the defaults, unknown names refused. */
  protected final ModelParameters resolve(NeuronParameters parameters) {
    return ModelParameters.resolve(name, defaults, parameters);
  }

  @Override
  public final Set<String> graphNodeTypes() {
    return graphNodeTypes;
  }

  @Override
  public final GraphNeuronPopulation create(
      NeuronNode node, Discretization discretization, boolean resetBySubtraction) {
    if (!graphNodeTypes.contains(node.nirType())) {
      throw new UnsupportedOperationException(
          "neuron model '"
              + name
              + "' does not run graph nodes of type "
              + node.nirType()
              + "; it runs "
              + graphNodeTypes);
    }
    return GraphNeuronPopulation.of(name, node, discretization, resetBySubtraction);
  }
}
