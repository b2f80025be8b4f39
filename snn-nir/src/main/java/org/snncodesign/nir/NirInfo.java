package org.snncodesign.nir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snncodesign.api.graph.GraphNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.NeuronNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.SubgraphNode;

/**
 * A summary of a NIR graph for people and reports: the file's NIR version and, per top-level node,
 * its type, shapes and sizes (a subgraph counts everything inside it).
 *
 * @param version the NIR version the file states ({@code "unknown"} when it states none)
 * @param nodes one entry per node, in graph order
 * @param parameters stored parameter values over the whole graph
 * @param neurons neurons over the whole graph
 */
public record NirInfo(String version, List<Node> nodes, long parameters, long neurons) {
  public NirInfo {
    nodes = List.copyOf(nodes);
  }

  /**
   * One node of the summary.
   *
   * @param name the node's name in the graph
   * @param type its NIR type ({@code "LIF"}, {@code "Conv2d"}, {@code "NIRGraph"}, ...)
   * @param inputShape the shape it receives; empty for a subgraph with several inputs
   * @param outputShape the shape it produces; empty for a subgraph with several outputs
   * @param parameters its stored parameter values
   * @param neurons its neurons (0 for a node that is not a neuron node nor a subgraph)
   */
  public record Node(
      String name,
      String type,
      Optional<Shape> inputShape,
      Optional<Shape> outputShape,
      long parameters,
      long neurons) {}

  /** The summary of {@code graph}, stated to be NIR {@code version}. */
  public static NirInfo of(String version, NetworkGraph graph) {
    List<Node> nodes = new ArrayList<>();
    graph
        .nodes()
        .forEach(
            (name, node) ->
                nodes.add(
                    new Node(
                        name,
                        node.nirType(),
                        Optional.ofNullable(graph.inputShape(name)),
                        Optional.ofNullable(graph.outputShape(name)),
                        node.parameterCount(),
                        neuronsOf(node))));
    return new NirInfo(version, nodes, graph.parameterCount(), graph.neuronCount());
  }

  private static long neuronsOf(GraphNode node) {
    if (node instanceof NeuronNode neuron) {
      return neuron.neurons();
    }
    return node instanceof SubgraphNode sub ? sub.graph().neuronCount() : 0;
  }
}
