package org.snncodesign.cli.nir;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.graph.GraphAnnotations;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.neuron.Discretization;
import org.snncodesign.api.neuron.NeuronModel;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.neurons.graph.GraphSimulator;
import picocli.CommandLine.Option;

/** How a graph is simulated: time step and integration rule (see docs/GRAPH-ENGINE.md). */
public final class GraphSimulationOptions {
  @Option(
      names = "--dt",
      paramLabel = "SECONDS",
      description =
          "Time step in seconds. Default: the one the graph states (graphs written by snn train and "
              + "snn convert do); other graphs need it, e.g. the dt the network was trained with in snnTorch or Norse.")
  Double dt;

  @Option(
      names = "--integration",
      defaultValue = "forward-euler",
      description =
          "forward-euler (the rule of snnTorch and Norse, exact for their exports) or exponential-euler "
              + "(exact for input held over a step). Default: ${DEFAULT-VALUE}.")
  String integration;

  @Option(
      names = "--neuron",
      split = ",",
      paramLabel = "[TYPE=]PLUGIN",
      description =
          "Neuron model plugins for the graph's neuron nodes: PLUGIN for every node type it runs, or "
              + "TYPE=PLUGIN for one NIR type (e.g. LIF=example-euler-lif). Default: lif for LIF, LI, CubaLIF, CubaLI; "
              + "if for IF, I, Threshold.")
  List<String> neurons = new ArrayList<>();

  /** The discretisation asked for, the time step falling back to the graph's own. */
  public Discretization discretization(NetworkGraph graph) {
    double step;
    if (dt != null) {
      if (!(dt > 0) || !Double.isFinite(dt)) {
        throw new InvalidInputException(
            "--dt " + dt + ": expected a time step in seconds, finite and > 0");
      }
      step = dt;
    } else {
      OptionalDouble stated = GraphAnnotations.timeStep(graph);
      if (stated.isEmpty()) {
        throw new InvalidInputException(
            "the graph does not state its time step; give --dt SECONDS (the dt it was "
                + "trained or exported with, e.g. 1e-3)");
      }
      step = stated.getAsDouble();
    }
    return switch (integration) {
      case "forward-euler" -> Discretization.forwardEuler(step);
      case "exponential-euler" -> Discretization.exponentialEuler(step);
      default ->
          throw new InvalidInputException(
              "--integration '" + integration + "': expected forward-euler or exponential-euler");
    };
  }

  /** The option's value, for reports. */
  public String integrationName() {
    return integration;
  }

  /** A simulator of {@code graph}, neuron models looked up in {@code registry}. */
  public GraphSimulator simulator(
      NetworkGraph graph, PluginRegistry registry, boolean recordVoltages) {
    GraphSimulator.Builder builder =
        GraphSimulator.builder(graph, discretization(graph))
            .plugins(registry)
            .recordVoltages(recordVoltages);
    for (String choice : neurons) {
      String[] typeAndModel = choice.split("=", 2);
      if (typeAndModel.length == 2) {
        builder.modelForType(typeAndModel[0].strip(), typeAndModel[1].strip());
      } else {
        NeuronModel model = registry.require(NeuronModel.class, choice.strip());
        if (model.graphNodeTypes().isEmpty()) {
          throw new InvalidInputException(
              "--neuron " + choice + ": the plugin runs no graph node types");
        }
        model.graphNodeTypes().stream().sorted().forEach(type -> builder.modelForType(type, model));
      }
    }
    return builder.build();
  }
}
