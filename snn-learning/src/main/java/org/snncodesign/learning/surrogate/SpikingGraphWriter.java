package org.snncodesign.learning.surrogate;

import java.util.Locale;
import java.util.Optional;
import org.snncodesign.api.Checks;
import org.snncodesign.api.graph.AffineNode;
import org.snncodesign.api.graph.Conv2dNode;
import org.snncodesign.api.graph.FlattenNode;
import org.snncodesign.api.graph.GraphAnnotations;
import org.snncodesign.api.graph.GraphNode;
import org.snncodesign.api.graph.InputNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.NeuronNode;
import org.snncodesign.api.graph.OutputNode;
import org.snncodesign.api.graph.Pool2dNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Size2d;
import org.snncodesign.api.graph.Tensor;

/**
 * Writes one {@link SpikingNetwork} as a chain of graph nodes; see {@link SpikingNetworkGraphs} for
 * the mapping.
 */
final class SpikingGraphWriter {
  private final SpikingNetwork network;
  private final double dt;
  private final NetworkGraph.Builder builder = NetworkGraph.builder();
  private String previous;
  private Shape shape;

  SpikingGraphWriter(SpikingNetwork network, double dt) {
    this.network = network;
    this.dt = Checks.positive(dt, "dt");
    SnnTorchNeuronMapping.checkInvertible(network.beta(), dt);
  }

  NetworkGraph write() {
    SpikingLayer first = network.layer(0);
    shape =
        first instanceof ConvLayer conv
            ? Shape.of(conv.inChannels(), conv.height(), conv.width())
            : Shape.of(first.inputs());
    previous = "input";
    builder.node(previous, new InputNode(shape));
    builder.metadata(GraphAnnotations.TIME_STEP, Double.toString(dt));
    builder.metadata(GraphAnnotations.TIME_STEPS, Integer.toString(network.timesteps()));
    boolean membrane = network.readout() == Readout.MEMBRANE;
    builder.metadata(
        GraphAnnotations.READOUT,
        membrane ? GraphAnnotations.READOUT_MEAN_MEMBRANE : GraphAnnotations.READOUT_SPIKE_COUNT);
    int depth = network.layers().size();
    for (int l = 0; l < depth; l++) {
      SpikingLayer layer = network.layer(l);
      String synapses =
          layer instanceof ConvLayer conv ? convolution(l, conv) : dense(l, (DenseLayer) layer);
      if (layer.bits() > 0) {
        builder.metadata(
            SpikingNetworkGraphs.weightBitsKey(synapses), Integer.toString(layer.bits()));
        builder.metadata(
            SpikingNetworkGraphs.weightScaleKey(synapses), Float.toString(layer.scale()));
      }
      boolean readout = l == depth - 1 && membrane;
      NeuronNode neurons =
          readout
              ? SnnTorchNeuronMapping.integrating(shape, network.beta(), dt)
              : SnnTorchNeuronMapping.spiking(shape, network.beta(), network.threshold(), dt);
      String name = neuronName(neurons, l);
      append(name, neurons);
      if (neurons.spiking() && network.reset() == ResetMode.SUBTRACT) {
        builder.metadata(GraphAnnotations.resetKey(name), GraphAnnotations.RESET_BY_SUBTRACTION);
      }
      if (neurons.spiking() && !network.hasBuiltInNeurons()) {
        builder.metadata(GraphAnnotations.neuronModelKey(name), network.neuronModel().name());
      }
      if (layer instanceof ConvLayer conv && conv.pool() > 1) {
        Size2d window = Size2d.square(conv.pool());
        append(
            "pool" + l,
            new Pool2dNode(Pool2dNode.Pooling.AVERAGE, window, window, Size2d.square(0)));
      }
    }
    if (depth == 1 && membrane) {
      // The only neurons are the read-out: no node holds v_th or the reset, which then change
      // nothing.
      builder.metadata(
          SpikingNetworkGraphs.READOUT_ONLY_THRESHOLD, Float.toString(network.threshold()));
      builder.metadata(SpikingNetworkGraphs.READOUT_ONLY_RESET, network.reset().name());
    }
    append("output", new OutputNode(shape));
    return builder.build();
  }

  private String convolution(int l, ConvLayer conv) {
    Tensor weight =
        Tensor.ofFloats(
            Shape.of(conv.outChannels(), conv.inChannels(), conv.kernel(), conv.kernel()),
            ChannelOrder.kernelToChannelFirst(
                conv.weights(), conv.kernel(), conv.inChannels(), conv.outChannels()));
    String name = "conv" + l;
    append(
        name,
        new Conv2dNode(
            Optional.of(new Size2d(conv.height(), conv.width())),
            weight,
            Size2d.square(conv.stride()),
            Size2d.square(conv.padding()),
            Size2d.square(1),
            1,
            Tensor.vector(conv.bias())));
    return name;
  }

  private String dense(int l, DenseLayer dense) {
    Shape below = shape;
    if (below.rank() > 1) {
      append("flatten" + l, new FlattenNode(Optional.of(below), 0, -1));
    }
    Tensor weight =
        Tensor.ofFloats(
            Shape.of(dense.outputs(), dense.inputs()),
            ChannelOrder.denseToGraph(dense.weights(), dense.outputs(), below));
    String name = "fc" + l;
    append(name, new AffineNode(weight, Tensor.vector(dense.bias())));
    return name;
  }

  private void append(String name, GraphNode node) {
    builder.node(name, node).edge(previous, name);
    shape = node.outputShape(shape);
    previous = name;
  }

  /** {@code lif2}, {@code if2}, {@code li2} or {@code i2}: the NIR type and the layer index. */
  private static String neuronName(NeuronNode node, int l) {
    return node.nirType().toLowerCase(Locale.ROOT) + l;
  }
}
