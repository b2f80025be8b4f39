package org.snncodesign.examples;

import java.nio.file.Path;
import java.util.List;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.neuron.Discretization;
import org.snncodesign.api.plugin.PluginJars;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.flow.training.SurrogateGradientTraining;
import org.snncodesign.learning.surrogate.SpikingNetworkGraphs;
import org.snncodesign.neurons.graph.GraphClassifier;
import org.snncodesign.neurons.graph.GraphSimulator;

/**
 * A third-party neuron model (a plugin jar, such as the one examples/third-party-neuron builds)
 * trained with surrogate gradients and run in the trained network's graph: the digits network is
 * trained with the plugin's neurons, written as a graph that names the plugin, and classified on
 * the engine once with the plugin (the graph's choice) and once with the built-in LIF in its place.
 *
 * <pre>
 * java -cp snn-examples/target/snn.jar org.snncodesign.examples.CustomNeuronInTrainedNetwork PLUGIN_FOLDER [NAME]
 * </pre>
 */
public final class CustomNeuronInTrainedNetwork {
  private CustomNeuronInTrainedNetwork() {}

  /**
   * Runs the example.
   *
   * @param args the folder of plugin jars, then the neuron model's name (default {@code
   *     example-euler-lif})
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: CustomNeuronInTrainedNetwork PLUGIN_DIR");
      System.exit(2);
    }
    // The plugin jars load as snn --plugins DIR loads them: in a class loader of their own, found
    // by name.
    ClassLoader plugins =
        PluginJars.loader(
            List.of(Path.of(args[0])), CustomNeuronInTrainedNetwork.class.getClassLoader());
    PluginRegistry registry = PluginRegistry.discover(plugins);
    String custom = args.length > 1 ? args[1] : "example-euler-lif";

    // snn train --neuron NAME: the plugin's surrogate-gradient dynamics train the hidden layer.
    SurrogateGradientTraining.Result trained =
        SurrogateGradientTraining.prepare(
                SurrogateGradientTraining.Settings.builder().neuron(custom).epochs(10).build(),
                registry)
            .run(epoch -> {});
    NetworkGraph graph = SpikingNetworkGraphs.toGraph(trained.network(), 1e-3);
    int steps = GraphClassifier.timeSteps(graph, trained.network().timesteps());
    for (String override : new String[] {null, "lif"}) {
      // The graph names the plugin on its LIF nodes, found in the registry; or the built-in LIF
      // runs them in its place.
      GraphSimulator.Builder engine =
          GraphSimulator.builder(graph, Discretization.forwardEuler(1e-3)).plugins(registry);
      if (override != null) {
        engine.modelForType("LIF", override);
      }
      GraphClassifier.Result result =
          GraphClassifier.evaluate(
              engine.build(),
              trained.training().data().testSet(),
              steps,
              GraphClassifier.Scoring.of(graph),
              Integer.MAX_VALUE);
      System.out.printf(
          "%-18s %.2f %% of %d held-out digits%n",
          override == null ? custom : override, 100 * result.accuracy(), result.samples());
    }
    System.out.printf("trainer            %.2f %%%n", 100 * trained.testAccuracy());
  }
}
