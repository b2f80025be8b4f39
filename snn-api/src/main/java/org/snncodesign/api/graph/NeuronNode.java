package org.snncodesign.api.graph;

import java.util.Optional;

/**
 * A node with state or a firing non-linearity: one neuron per element of {@link #shape()}, each
 * with its own parameters (per-neuron arrays, as NIR stores them). Its input is the summed output
 * of every edge into it.
 */
public sealed interface NeuronNode extends GraphNode
    permits IntegratorNode, LiNode, IfNode, LifNode, CubaLiNode, CubaLifNode, ThresholdNode {

  /** The shape of the neuron array. */
  Shape shape();

  /**
   * Whether the node emits spikes (IF, LIF, CubaLIF, Threshold) rather than a membrane voltage (I,
   * LI, CubaLI).
   */
  boolean spiking();

  /** Number of neurons. */
  default int neurons() {
    return shape().size();
  }

  @Override
  default Optional<Shape> inputShape() {
    return Optional.of(shape());
  }

  @Override
  default Shape outputShape(Shape input) {
    NodeChecks.sameSize(input, shape(), nirType());
    return shape();
  }
}
