package org.snncodesign.neurons.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snncodesign.api.graph.GraphAnnotations;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.NeuronNode;
import org.snncodesign.api.neuron.NeuronModel;
import org.snncodesign.api.plugin.PluginRegistry;

/**
 * Which {@link NeuronModel} runs each neuron node: an override for the node's name, else for its
 * type, else the plugin the graph names for the node ({@link GraphAnnotations#neuronModelKey}),
 * else the default plugin of its type ({@link #DEFAULT_PLUGINS}). Plugins named by name are looked
 * up in a {@link PluginRegistry}, discovered only when a name needs it.
 */
final class NeuronModelChoice {
  /** The built-in plugin that runs each NIR neuron type. */
  static final Map<String, String> DEFAULT_PLUGINS =
      Map.of(
          "LIF",
          "lif",
          "LI",
          "lif",
          "CubaLIF",
          "lif",
          "CubaLI",
          "lif",
          "IF",
          "if",
          "I",
          "if",
          "Threshold",
          "if");

  /** A model given as an instance or by plugin name (exactly one is set). */
  record ModelRef(NeuronModel instance, String plugin) {}

  private final Map<String, ModelRef> byType = new LinkedHashMap<>();
  private final Map<String, ModelRef> byNode = new LinkedHashMap<>();
  private PluginRegistry registry;

  void forType(String nirType, ModelRef model) {
    byType.put(nirType, model);
  }

  void forNode(String node, ModelRef model) {
    byNode.put(node, model);
  }

  void registry(PluginRegistry registry) {
    this.registry = registry;
  }

  /**
   * The model for node {@code name} of {@code graph}.
   *
   * @throws IllegalArgumentException naming the node, its type, the plugin and the types that
   *     plugin runs, when it does not run this type (or when no plugin is known for the type)
   * @throws org.snncodesign.api.SnnException naming the plugin when no plugin has that name
   */
  NeuronModel modelFor(NetworkGraph graph, String name, NeuronNode node) {
    ModelRef ref = byNode.getOrDefault(name, byType.get(node.nirType()));
    if (ref == null) {
      ref = GraphAnnotations.neuronModel(graph, name).map(p -> new ModelRef(null, p)).orElse(null);
    }
    if (ref == null) {
      String plugin = DEFAULT_PLUGINS.get(node.nirType());
      if (plugin == null) {
        throw new IllegalArgumentException(
            "neuron node '"
                + name
                + "' ("
                + node.nirType()
                + ") has no default neuron model; choose one for the node or its type");
      }
      ref = new ModelRef(null, plugin);
    }
    NeuronModel model = ref.instance();
    if (model == null) {
      if (registry == null) {
        registry = PluginRegistry.discover();
      }
      model = registry.require(NeuronModel.class, ref.plugin());
    }
    if (!model.graphNodeTypes().contains(node.nirType())) {
      throw new IllegalArgumentException(
          "neuron node '"
              + name
              + "' ("
              + node.nirType()
              + ") is mapped to neuron"
              + " model plugin '"
              + model.name()
              + "', which runs "
              + model.graphNodeTypes()
              + ", not "
              + node.nirType());
    }
    return model;
  }
}
