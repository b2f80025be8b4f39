package org.snncodesign.api.graph;

import org.snncodesign.api.Checks;

/**
 * A directed edge: the output of {@code source} is summed into the input of {@code target}. An
 * endpoint names a node of the graph, or a port of a subgraph node as {@code subgraph.port} (the
 * subgraph's Input node as a target, its Output node as a source).
 *
 * @param source the node whose output flows
 * @param target the node that receives it
 */
public record Edge(String source, String target) {
  public Edge {
    Checks.checkArgument(
        source != null && !source.isBlank(), "an edge needs a source node, got '%s'", source);
    Checks.checkArgument(
        target != null && !target.isBlank(), "an edge needs a target node, got '%s'", target);
  }

  @Override
  public String toString() {
    return "'" + source + "' -> '" + target + "'";
  }
}
