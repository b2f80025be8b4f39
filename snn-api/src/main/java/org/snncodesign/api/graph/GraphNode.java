package org.snncodesign.api.graph;

import java.util.Optional;

/**
 * One node of a {@link NetworkGraph}: a NIR primitive (Pedersen et al., Nature Communications
 * 15:8122, 2024) with its typed parameters. Node records hold no name; the graph names them.
 *
 * <p>Parameters have NIR's continuous-time meanings (time constants in seconds, resistance {@code
 * r}, voltages in model units); how a simulator discretises them at a time step {@code dt} is the
 * simulator's documented choice.
 */
public sealed interface GraphNode
    permits InputNode, OutputNode, LinearMapNode, NeuronNode, SubgraphNode {

  /**
   * The node's type as NIR files name it ({@code "Affine"}, {@code "CubaLIF"}, {@code "NIRGraph"},
   * ...).
   */
  String nirType();

  /** The input shape this node's parameters fix, if they fix one (a pooling node does not). */
  Optional<Shape> inputShape();

  /**
   * The shape this node produces from an input of shape {@code input}.
   *
   * @throws IllegalArgumentException saying why {@code input} does not fit the node
   */
  Shape outputShape(Shape input);

  /** Number of stored parameter values (weights, biases, per-neuron constants). */
  long parameterCount();
}
