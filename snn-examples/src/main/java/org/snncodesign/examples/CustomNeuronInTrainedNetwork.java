package org.snncodesign.examples;

import java.nio.file.Path;
import java.util.List;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.neuron.Discretization;
import org.snncodesign.api.neuron.NeuronModel;
import org.snncodesign.api.plugin.PluginJars;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.flow.training.DigitsDemoNetwork;
import org.snncodesign.learning.surrogate.SpikingNetworkGraphs;
import org.snncodesign.neurons.graph.GraphClassifier;
import org.snncodesign.neurons.graph.GraphSimulator;

/**
 * A third-party neuron model (a plugin jar, such as the one examples/third-party-neuron builds)
 * runs the LIF and LI nodes of a network trained here: the digits network is trained, written as a
 * graph and classified once with the built-in LIF and once with the plugin.
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
  public static void main(String[] args) {
    // The plugin jars load as snn --plugins DIR loads them: in a class loader of their own, found
    // by name.
    ClassLoader plugins =
        PluginJars.loader(
            List.of(Path.of(args[0])), CustomNeuronInTrainedNetwork.class.getClassLoader());
    NeuronModel custom =
        PluginRegistry.discover(plugins)
            .require(NeuronModel.class, args.length > 1 ? args[1] : "example-euler-lif");

    DigitsDemoNetwork trained = DigitsDemoNetwork.train(1, System.err);
    NetworkGraph graph = SpikingNetworkGraphs.toGraph(trained.network(), 1e-3);
    int steps = GraphClassifier.timeSteps(graph, DigitsDemoNetwork.TIMESTEPS);
    for (NeuronModel model :
        List.of(PluginRegistry.discover().require(NeuronModel.class, "lif"), custom)) {
      // The graph's LIF nodes are its hidden layers, its LI node the membrane read-out.
      GraphSimulator simulator =
          GraphSimulator.builder(graph, Discretization.forwardEuler(1e-3))
              .modelForType("LIF", model)
              .modelForType("LI", model)
              .build();
      GraphClassifier.Result result =
          GraphClassifier.evaluate(
              simulator,
              trained.data().testSet(),
              steps,
              GraphClassifier.Scoring.of(graph),
              Integer.MAX_VALUE);
      System.out.printf(
          "%-18s %.2f %% of %d held-out digits%n",
          model.name(), 100 * result.accuracy(), result.samples());
    }
    System.out.printf("trainer            %.2f %%%n", 100 * trained.testAccuracy());
  }
}
