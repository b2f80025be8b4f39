package org.snncodesign.api.graph;

import java.util.OptionalDouble;

/**
 * The metadata keys this framework writes into a graph where NIR's continuous-time equations alone do not pin a
 * network down, so that a graph written to a file and read back runs with the same numbers. Other tools ignore
 * them; graphs from other tools simply lack them.
 */
public final class GraphAnnotations {
  /** The time step (seconds) the network was trained or converted for, as a decimal string. */
  public static final String TIME_STEP = "snn-codesign.dt";
  /** The value of {@link #resetKey} for a neuron node reset by subtracting its threshold. */
  public static final String RESET_BY_SUBTRACTION = "subtract";

  private GraphAnnotations() {}

  /**
   * The key saying how neuron node {@code node} resets after a spike: absent means NIR's own rule ({@code v =
   * v_reset}), {@link #RESET_BY_SUBTRACTION} means {@code v -= v_threshold} (snnTorch's default, and the trainer's
   * {@code SUBTRACT} mode).
   */
  public static String resetKey(String node) {
    return "snn-codesign.reset." + node;
  }

  /** Whether the graph says that {@code node} resets by subtraction. */
  public static boolean resetsBySubtraction(NetworkGraph graph, String node) {
    return RESET_BY_SUBTRACTION.equals(graph.metadata().get(resetKey(node)));
  }

  /**
   * The time step the graph was made for, if it says.
   *
   * @throws InvalidGraphException when the entry is not a positive finite number
   */
  public static OptionalDouble timeStep(NetworkGraph graph) {
    String value = graph.metadata().get(TIME_STEP);
    if (value == null) {
      return OptionalDouble.empty();
    }
    try {
      double dt = Double.parseDouble(value);
      if (dt > 0 && Double.isFinite(dt)) {
        return OptionalDouble.of(dt);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidGraphException("graph metadata " + TIME_STEP + " = '" + value
        + "' is not a time step in seconds (a finite number > 0)");
  }
}
