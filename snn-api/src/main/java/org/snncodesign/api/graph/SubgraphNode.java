package org.snncodesign.api.graph;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.snncodesign.api.Checks;

/**
 * A nested graph used as one node (NIR {@code NIRGraph} inside a graph). Edges reach its Input
 * nodes and leave its Output nodes as {@code name.port}; a subgraph with a single Input (Output)
 * may also be addressed by its own name. {@link NetworkGraph#flatten()} inlines it.
 *
 * @param graph the nested graph, already valid
 */
public record SubgraphNode(NetworkGraph graph) implements GraphNode {
  public SubgraphNode {
    Checks.checkArgument(graph != null, "a subgraph node needs a graph");
  }

  @Override
  public String nirType() {
    return "NIRGraph";
  }

  /** The shape of the single Input node, if there is exactly one. */
  @Override
  public Optional<Shape> inputShape() {
    List<String> inputs = graph.inputNames();
    // An Input node's shape is always known, so ofNullable only satisfies the checker.
    return inputs.size() == 1
        ? Optional.ofNullable(graph.outputShape(inputs.get(0)))
        : Optional.empty();
  }

  /** The shape of the single Output node. */
  @Override
  public Shape outputShape(Shape input) {
    List<String> outputs = graph.outputNames();
    Checks.checkArgument(
        outputs.size() == 1,
        "subgraph has %d outputs %s; edges must name one as subgraph.port",
        outputs.size(),
        outputs);
    return Objects.requireNonNull(
        graph.outputShape(outputs.get(0)), "an Output node's shape is always known");
  }

  @Override
  public long parameterCount() {
    return graph.parameterCount();
  }
}
