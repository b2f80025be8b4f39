package org.snncodesign.api.graph;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks a graph's edges and infers the shape at every node; every error names the node or edge.
 */
final class GraphValidator {
  private final Map<String, GraphNode> nodes;
  private final List<Edge> edges;
  private final Map<String, Shape> inputShapes = new HashMap<>();
  private final Map<String, Shape> outputShapes = new HashMap<>();

  GraphValidator(Map<String, GraphNode> nodes, List<Edge> edges) {
    this.nodes = nodes;
    this.edges = edges;
  }

  Map<String, Shape> inputShapes() {
    return inputShapes;
  }

  Map<String, Shape> outputShapes() {
    return outputShapes;
  }

  /** An edge endpoint: a node, and the subgraph port it names (null for the node itself). */
  record Endpoint(String node, @Nullable String port) {}

  void validate() {
    if (nodes.values().stream().noneMatch(InputNode.class::isInstance)) {
      throw new InvalidGraphException("the graph has no Input node; nodes: " + nodes.keySet());
    }
    Set<String> fed = new HashSet<>();
    for (Edge edge : edges) {
      Endpoint source = resolve(edge.source(), edge, false);
      Endpoint target = resolve(edge.target(), edge, true);
      fed.add(target.node());
      if (source.port() == null && nodes.get(source.node()) instanceof OutputNode) {
        throw new InvalidGraphException(
            "edge "
                + edge
                + " leaves Output node '"
                + source.node()
                + "'; an Output ends the graph");
      }
      if (target.port() == null && nodes.get(target.node()) instanceof InputNode) {
        throw new InvalidGraphException(
            "edge "
                + edge
                + " enters Input node '"
                + target.node()
                + "'; an Input has no incoming edges");
      }
    }
    nodes.forEach(
        (name, node) -> {
          if (!(node instanceof InputNode) && !fed.contains(name)) {
            throw new InvalidGraphException(
                "node '" + name + "' (" + node.nirType() + ") receives no edge");
          }
        });
    inferShapes();
    for (Edge edge : edges) {
      Shape given = sourceShape(resolve(edge.source(), edge, false));
      Shape taken = targetShape(resolve(edge.target(), edge, true));
      if (given.size() != taken.size()) {
        throw new InvalidGraphException(
            "edge "
                + edge
                + ": '"
                + edge.source()
                + "' gives shape "
                + given
                + " ("
                + given.size()
                + " values) but '"
                + edge.target()
                + "' takes "
                + taken
                + " ("
                + taken.size()
                + " values)");
      }
    }
  }

  /**
   * Propagates shapes from the Input nodes and the nodes whose parameters fix their input, until
   * nothing changes; recurrent loops close through a node with fixed shapes (a neuron or an
   * Affine).
   */
  private void inferShapes() {
    nodes.forEach(
        (name, node) -> {
          node.inputShape().ifPresent(shape -> inputShapes.put(name, shape));
          // A subgraph's shapes are its own Input and Output nodes'; edges reach them through
          // ports.
          if (node instanceof SubgraphNode sub && sub.graph().outputNames().size() == 1) {
            outputShapes.put(name, sub.graph().outputShape(sub.graph().outputNames().get(0)));
          }
        });
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Map.Entry<String, GraphNode> entry : nodes.entrySet()) {
        String name = entry.getKey();
        if (outputShapes.containsKey(name) || entry.getValue() instanceof SubgraphNode) {
          continue;
        }
        Shape input = inputShapes.get(name);
        if (input == null) {
          input = firstKnownSourceShape(name);
        }
        if (input == null) {
          continue;
        }
        try {
          outputShapes.put(name, entry.getValue().outputShape(input));
        } catch (IllegalArgumentException e) {
          throw new InvalidGraphException(
              "node '" + name + "' (" + entry.getValue().nirType() + "): " + e.getMessage(), e);
        }
        inputShapes.putIfAbsent(name, input);
        progress = true;
      }
    }
    nodes.forEach(
        (name, node) -> {
          if (!outputShapes.containsKey(name) && !(node instanceof SubgraphNode)) {
            throw new InvalidGraphException(
                "node '"
                    + name
                    + "' ("
                    + node.nirType()
                    + "): its input shape cannot be inferred; it is fed only by nodes of unknown shape");
          }
        });
  }

  private @Nullable Shape firstKnownSourceShape(String name) {
    for (Edge edge : edges) {
      if (resolve(edge.target(), edge, true).node().equals(name)) {
        Endpoint source = resolve(edge.source(), edge, false);
        if (source.port() != null || outputShapes.containsKey(source.node())) {
          return sourceShape(source);
        }
      }
    }
    return null;
  }

  // Called once the node's shapes are known (inferred, or checked with containsKey); a port is an
  // Input or Output
  // node of the subgraph, whose shape is its own.
  private Shape sourceShape(Endpoint source) {
    String port = source.port();
    if (port == null) {
      return Objects.requireNonNull(outputShapes.get(source.node()));
    }
    return Objects.requireNonNull(subgraph(source).graph().outputShape(port));
  }

  private Shape targetShape(Endpoint target) {
    String port = target.port();
    if (port == null) {
      return Objects.requireNonNull(inputShapes.get(target.node()));
    }
    return Objects.requireNonNull(subgraph(target).graph().outputShape(port));
  }

  private SubgraphNode subgraph(Endpoint endpoint) {
    return (SubgraphNode) Objects.requireNonNull(nodes.get(endpoint.node()));
  }

  /**
   * The node or subgraph port {@code reference} names. A name of the graph wins; otherwise every
   * split at a dot is tried as {@code subgraph.port} (node names may themselves contain dots).
   */
  Endpoint resolve(String reference, Edge edge, boolean asTarget) {
    GraphNode direct = nodes.get(reference);
    if (direct != null) {
      if (direct instanceof SubgraphNode sub) {
        List<String> ports = asTarget ? sub.graph().inputNames() : sub.graph().outputNames();
        if (ports.size() != 1) {
          throw new InvalidGraphException(
              "edge "
                  + edge
                  + " names subgraph '"
                  + reference
                  + "', which has "
                  + ports.size()
                  + (asTarget ? " inputs " : " outputs ")
                  + ports
                  + "; name one as '"
                  + reference
                  + ".port'");
        }
        return new Endpoint(reference, ports.get(0));
      }
      return new Endpoint(reference, null);
    }
    for (int dot = reference.indexOf('.'); dot > 0; dot = reference.indexOf('.', dot + 1)) {
      if (nodes.get(reference.substring(0, dot)) instanceof SubgraphNode sub) {
        String port = reference.substring(dot + 1);
        GraphNode inner = sub.graph().nodes().get(port);
        if (asTarget ? inner instanceof InputNode : inner instanceof OutputNode) {
          return new Endpoint(reference.substring(0, dot), port);
        }
      }
    }
    throw new InvalidGraphException(
        "edge "
            + edge
            + " names '"
            + reference
            + "', which is not a node of the graph"
            + " (nor an "
            + (asTarget ? "Input" : "Output")
            + " port of a subgraph); known nodes: "
            + nodes.keySet());
  }
}
