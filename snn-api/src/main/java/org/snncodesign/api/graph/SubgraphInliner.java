package org.snncodesign.api.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Inlines subgraph nodes: inner node {@code n} of subgraph {@code s} becomes {@code s.n}; an edge
 * into the subgraph's Input port is rewired to the nodes that port feeds, an edge out of its Output
 * port to the nodes that feed the port.
 */
final class SubgraphInliner {
  private SubgraphInliner() {}

  static NetworkGraph inline(NetworkGraph graph) {
    if (graph.nodes().values().stream().noneMatch(SubgraphNode.class::isInstance)) {
      return graph;
    }
    NetworkGraph.Builder builder = NetworkGraph.builder();
    graph.metadata().forEach(builder::metadata);
    GraphValidator resolver = new GraphValidator(graph.nodes(), graph.edges());
    for (Map.Entry<String, GraphNode> entry : graph.nodes().entrySet()) {
      if (entry.getValue() instanceof SubgraphNode sub) {
        NetworkGraph inner = sub.graph().flatten();
        for (Map.Entry<String, GraphNode> innerNode : inner.nodes().entrySet()) {
          if (!(innerNode.getValue() instanceof InputNode
              || innerNode.getValue() instanceof OutputNode)) {
            add(builder, graph, entry.getKey() + "." + innerNode.getKey(), innerNode.getValue());
          }
        }
        for (Edge edge : inner.edges()) {
          boolean fromPort = inner.node(edge.source()) instanceof InputNode;
          boolean toPort = inner.node(edge.target()) instanceof OutputNode;
          if (!fromPort && !toPort) {
            builder.edge(
                entry.getKey() + "." + edge.source(), entry.getKey() + "." + edge.target());
          }
        }
      } else {
        builder.node(entry.getKey(), entry.getValue());
      }
    }
    for (Edge edge : graph.edges()) {
      for (String source : sources(graph, resolver.resolve(edge.source(), edge, false))) {
        for (String target : targets(graph, resolver.resolve(edge.target(), edge, true))) {
          builder.edge(source, target);
        }
      }
    }
    return builder.build();
  }

  private static void add(
      NetworkGraph.Builder builder, NetworkGraph graph, String name, GraphNode node) {
    if (graph.nodes().containsKey(name)) {
      throw new InvalidGraphException(
          "inlining a subgraph gives node '" + name + "', which the outer graph already has");
    }
    builder.node(name, node);
  }

  /** The flattened names whose output an edge leaving {@code endpoint} carries. */
  private static List<String> sources(NetworkGraph graph, GraphValidator.Endpoint endpoint) {
    if (endpoint.port() == null) {
      return List.of(endpoint.node());
    }
    NetworkGraph inner = ((SubgraphNode) graph.node(endpoint.node())).graph().flatten();
    List<String> names = new ArrayList<>();
    for (String feeder : inner.predecessors(endpoint.port())) {
      if (inner.node(feeder) instanceof InputNode) {
        throw new InvalidGraphException(
            "subgraph '"
                + endpoint.node()
                + "' passes its input '"
                + feeder
                + "' straight to its output '"
                + endpoint.port()
                + "'; such a pass-through cannot be inlined");
      }
      names.add(endpoint.node() + "." + feeder);
    }
    return names;
  }

  /** The flattened names an edge entering {@code endpoint} feeds. */
  private static List<String> targets(NetworkGraph graph, GraphValidator.Endpoint endpoint) {
    if (endpoint.port() == null) {
      return List.of(endpoint.node());
    }
    NetworkGraph inner = ((SubgraphNode) graph.node(endpoint.node())).graph().flatten();
    List<String> names = new ArrayList<>();
    for (String fed : inner.successors(endpoint.port())) {
      names.add(endpoint.node() + "." + fed);
    }
    return names;
  }
}
