package org.snncodesign.cli.nir;

import java.util.OptionalDouble;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.graph.GraphAnnotations;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.neuron.Discretization;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.neurons.graph.GraphSimulator;
import picocli.CommandLine.Option;

/** How a graph is simulated: time step and integration rule (see docs/GRAPH-ENGINE.md). */
public final class GraphSimulationOptions {
  @Option(names = "--dt", paramLabel = "SECONDS",
      description = "Time step in seconds. Default: the one the graph states (graphs written by snn train and "
          + "snn convert do); other graphs need it, e.g. the dt the network was trained with in snnTorch or Norse.")
  Double dt;

  @Option(names = "--integration", defaultValue = "forward-euler",
      description = "forward-euler (the rule of snnTorch and Norse, exact for their exports) or exponential-euler "
          + "(exact for input held over a step). Default: ${DEFAULT-VALUE}.")
  String integration;

  /** The discretisation asked for, the time step falling back to the graph's own. */
  public Discretization discretization(NetworkGraph graph) {
    double step;
    if (dt != null) {
      if (!(dt > 0) || !Double.isFinite(dt)) {
        throw new InvalidInputException("--dt " + dt + ": expected a time step in seconds, finite and > 0");
      }
      step = dt;
    } else {
      OptionalDouble stated = GraphAnnotations.timeStep(graph);
      if (stated.isEmpty()) {
        throw new InvalidInputException("the graph does not state its time step; give --dt SECONDS (the dt it was "
            + "trained or exported with, e.g. 1e-3)");
      }
      step = stated.getAsDouble();
    }
    return switch (integration) {
      case "forward-euler" -> Discretization.forwardEuler(step);
      case "exponential-euler" -> Discretization.exponentialEuler(step);
      default -> throw new InvalidInputException("--integration '" + integration
          + "': expected forward-euler or exponential-euler");
    };
  }

  /** The option's value, for reports. */
  public String integrationName() {
    return integration;
  }

  /** A simulator of {@code graph}, neuron models looked up in {@code registry}. */
  public GraphSimulator simulator(NetworkGraph graph, PluginRegistry registry, boolean recordVoltages) {
    return GraphSimulator.builder(graph, discretization(graph)).plugins(registry).recordVoltages(recordVoltages)
        .build();
  }
}
