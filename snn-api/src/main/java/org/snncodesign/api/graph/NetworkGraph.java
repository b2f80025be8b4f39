package org.snncodesign.api.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one network representation of the framework: named NIR nodes joined by directed edges,
 * recurrence allowed (Pedersen et al., "Neuromorphic intermediate representation", Nature
 * Communications 15:8122, 2024). Whatever made a network (the trainer, the converter, a NIR file, a
 * user's code), it is this graph at the edges of every module: the engine runs it, the hardware
 * flow prices it, NIR files read and write it.
 *
 * <p>A graph is immutable and valid by construction: every edge names nodes (or subgraph ports)
 * that exist, every node but an Input receives an edge, no edge enters an Input or leaves an
 * Output, and the shapes along every edge meet (the number of values a source gives equals what the
 * target takes; multi-dimensional shapes are inferred from the Inputs through pooling, flatten and
 * convolution). Errors name the node or edge.
 *
 * <pre>{@code
 * NetworkGraph graph = NetworkGraph.builder()
 *     .node("input", new InputNode(Shape.of(2)))
 *     .node("fc", new AffineNode(weight, bias))
 *     .node("lif", new LifNode(tau, r, vLeak, vThreshold, vReset))
 *     .node("output", new OutputNode(Shape.of(3)))
 *     .chain("input", "fc", "lif", "output")
 *     .build();
 * }</pre>
 */
public final class NetworkGraph {
  private final Map<String, GraphNode> nodes;
  private final List<Edge> edges;
  private final Map<String, String> metadata;
  private final Map<String, Shape> inputShapes;
  private final Map<String, Shape> outputShapes;

  private NetworkGraph(Builder builder) {
    this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(builder.nodes));
    this.edges = List.copyOf(builder.edges);
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(builder.metadata));
    GraphValidator validator = new GraphValidator(nodes, edges);
    validator.validate();
    this.inputShapes = Collections.unmodifiableMap(validator.inputShapes());
    this.outputShapes = Collections.unmodifiableMap(validator.outputShapes());
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this graph's nodes, edges and metadata, to derive a changed graph. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.nodes.putAll(nodes);
    builder.edges.addAll(edges);
    builder.metadata.putAll(metadata);
    return builder;
  }

  /** The nodes by name, in the order they were added. */
  public Map<String, GraphNode> nodes() {
    return nodes;
  }

  /**
   * The node called {@code name}.
   *
   * @throws InvalidGraphException naming the node and the known ones
   */
  public GraphNode node(String name) {
    GraphNode node = nodes.get(name);
    if (node == null) {
      throw new InvalidGraphException(
          "no node '" + name + "' in the graph; known: " + nodes.keySet());
    }
    return node;
  }

  /** The edges, in the order they were added. */
  public List<Edge> edges() {
    return edges;
  }

  /** Free-form key/value annotations (NIR metadata), in the order they were added. */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** Names of the Input nodes, in node order. */
  public List<String> inputNames() {
    return namesOf(InputNode.class);
  }

  /** Names of the Output nodes, in node order. */
  public List<String> outputNames() {
    return namesOf(OutputNode.class);
  }

  private List<String> namesOf(Class<? extends GraphNode> type) {
    List<String> names = new ArrayList<>();
    nodes.forEach(
        (name, node) -> {
          if (type.isInstance(node)) {
            names.add(name);
          }
        });
    return names;
  }

  /** Sources of the edges into {@code name}, in edge order. */
  public List<String> predecessors(String name) {
    node(name);
    List<String> sources = new ArrayList<>();
    for (Edge edge : edges) {
      if (edge.target().equals(name)) {
        sources.add(edge.source());
      }
    }
    return sources;
  }

  /** Targets of the edges out of {@code name}, in edge order. */
  public List<String> successors(String name) {
    node(name);
    List<String> targets = new ArrayList<>();
    for (Edge edge : edges) {
      if (edge.source().equals(name)) {
        targets.add(edge.target());
      }
    }
    return targets;
  }

  /**
   * The shape node {@code name} receives (inferred where its parameters do not fix it); null for a
   * subgraph node with several Input nodes, whose ports each have their own shape.
   */
  public @Nullable Shape inputShape(String name) {
    node(name);
    return inputShapes.get(name);
  }

  /**
   * The shape node {@code name} produces; null for a subgraph node with several Output nodes, whose
   * ports each have their own shape.
   */
  public @Nullable Shape outputShape(String name) {
    node(name);
    return outputShapes.get(name);
  }

  /** Stored parameter values over all nodes, subgraphs included. */
  public long parameterCount() {
    long total = 0;
    for (GraphNode node : nodes.values()) {
      total += node.parameterCount();
    }
    return total;
  }

  /** Neurons over all neuron nodes, subgraphs included. */
  public long neuronCount() {
    long total = 0;
    for (GraphNode node : nodes.values()) {
      if (node instanceof NeuronNode neuron) {
        total += neuron.neurons();
      } else if (node instanceof SubgraphNode sub) {
        total += sub.graph().neuronCount();
      }
    }
    return total;
  }

  /**
   * The same network with every subgraph inlined: node {@code inner} of subgraph {@code s} becomes
   * {@code s.inner}, and the subgraph's Input and Output nodes are replaced by direct edges. A
   * graph without subgraphs is returned as is.
   *
   * @throws InvalidGraphException when an inlined name collides with an existing node
   */
  public NetworkGraph flatten() {
    return SubgraphInliner.inline(this);
  }

  /** Same nodes (parameters bit for bit), edges and metadata, in the same order. */
  @Override
  public boolean equals(Object o) {
    return o instanceof NetworkGraph g
        && new ArrayList<>(nodes.entrySet()).equals(new ArrayList<>(g.nodes.entrySet()))
        && edges.equals(g.edges)
        && metadata.equals(g.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(nodes, edges, metadata);
  }

  /** One line per node with its type and shapes, then the edges. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("NetworkGraph{");
    nodes.forEach(
        (name, node) ->
            text.append(name)
                .append(": ")
                .append(node.nirType())
                .append(' ')
                .append(inputShapes.get(name))
                .append(" -> ")
                .append(outputShapes.get(name))
                .append("; "));
    return text.append("edges ").append(edges).append('}').toString();
  }

  /** Collects nodes, edges and metadata; {@link #build()} validates. */
  public static final class Builder {
    private final Map<String, GraphNode> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a node under a unique name (no {@code /}, which file formats use as a path separator).
     *
     * @throws InvalidGraphException naming a blank, malformed or duplicate name
     */
    public Builder node(String name, GraphNode node) {
      if (name == null || name.isBlank() || name.contains("/")) {
        throw new InvalidGraphException(
            "node name must be non-blank and free of '/', got '" + name + "'");
      }
      if (node == null) {
        throw new InvalidGraphException("node '" + name + "' is null");
      }
      if (nodes.putIfAbsent(name, node) != null) {
        throw new InvalidGraphException("node '" + name + "' is already in the graph");
      }
      return this;
    }

    /** Replaces the node called {@code name} (which must exist), keeping its place and edges. */
    public Builder replace(String name, GraphNode node) {
      if (!nodes.containsKey(name)) {
        throw new InvalidGraphException(
            "no node '" + name + "' to replace; known: " + nodes.keySet());
      }
      nodes.put(name, Objects.requireNonNull(node, "node"));
      return this;
    }

    /** Adds the edge {@code source -> target}. */
    public Builder edge(String source, String target) {
      try {
        edges.add(new Edge(source, target));
      } catch (IllegalArgumentException e) {
        throw new InvalidGraphException(
            Objects.requireNonNullElse(e.getMessage(), "invalid edge"), e);
      }
      return this;
    }

    /**
     * Adds edges between consecutive names: {@code chain(a, b, c)} is {@code a -> b} and {@code b
     * -> c}.
     */
    public Builder chain(String... names) {
      for (int i = 1; i < names.length; i++) {
        edge(names[i - 1], names[i]);
      }
      return this;
    }

    /** Sets a metadata entry. */
    public Builder metadata(String key, String value) {
      if (key == null || key.isBlank() || value == null) {
        throw new InvalidGraphException(
            "metadata needs a non-blank key and a value, got '" + key + "' = " + value);
      }
      metadata.put(key, value);
      return this;
    }

    /**
     * The graph.
     *
     * @throws InvalidGraphException naming the node or edge that does not fit
     */
    public NetworkGraph build() {
      return new NetworkGraph(this);
    }
  }
}
