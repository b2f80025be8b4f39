package org.snncodesign.learning.surrogate;

import java.util.ArrayList;
import java.util.List;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.graph.AffineNode;
import org.snncodesign.api.graph.Conv2dNode;
import org.snncodesign.api.graph.FlattenNode;
import org.snncodesign.api.graph.GraphAnnotations;
import org.snncodesign.api.graph.GraphNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.NeuronNode;
import org.snncodesign.api.graph.OutputNode;
import org.snncodesign.api.graph.Pool2dNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Size2d;
import org.snncodesign.api.plugin.PluginRegistry;

/**
 * Reads a {@link SpikingNetwork} back from a graph of the form {@link SpikingNetworkGraphs} writes:
 * one chain {@code Input -> ([Flatten] Affine | Conv2d) -> neurons [-> AvgPool2d] -> ... ->
 * Output}. Anything else is refused with a message naming the node.
 */
final class SpikingGraphReader {
  private final NetworkGraph graph;
  private final double dt;
  private final List<SpikingLayer> layers = new ArrayList<>();
  private final List<String> neuronNames = new ArrayList<>();
  private String current;

  SpikingGraphReader(NetworkGraph graph) {
    this.graph = graph.flatten();
    this.dt =
        GraphAnnotations.timeStep(this.graph)
            .orElseThrow(
                () ->
                    missing(
                        GraphAnnotations.TIME_STEP,
                        "the time step its neurons' tau and r were exported for"));
  }

  SpikingNetwork read() {
    List<String> inputs = graph.inputNames();
    if (inputs.size() != 1) {
      throw new InvalidInputException(
          "the graph has inputs " + inputs + "; a trainer's network has one");
    }
    current = inputs.get(0);
    for (String next = successor(current);
        !(graph.node(next) instanceof OutputNode);
        next = successor(current)) {
      layers.add(layer(next));
    }
    if (layers.isEmpty()) {
      throw new InvalidInputException(
          "input '"
              + inputs.get(0)
              + "' feeds the output directly; a trainer's network"
              + " has at least one layer");
    }
    float beta = beta();
    float threshold = threshold();
    Readout readout = readout();
    try {
      String model = neuronModel();
      return new SpikingNetwork(
          timesteps(),
          beta,
          threshold,
          reset(),
          readout,
          layers,
          model == null ? null : TrainableNeurons.require(PluginRegistry.discover(), model));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("the graph is not a trainer's network: " + e.getMessage(), e);
    }
  }

  /**
   * One layer starting at node {@code first}: its synapses, its neurons and a pooling of its
   * spikes.
   */
  private SpikingLayer layer(String first) {
    Shape below = graph.outputShape(current);
    String name = first;
    if (graph.node(name) instanceof FlattenNode) {
      current = name;
      name = successor(name);
    }
    GraphNode synapses = graph.node(name);
    if (!(synapses instanceof AffineNode || synapses instanceof Conv2dNode)) {
      throw new InvalidInputException(
          "node '"
              + name
              + "' is "
              + synapses.nirType()
              + " where the trainer's network has an Affine or Conv2d layer");
    }
    String neurons = successor(name);
    if (!(graph.node(neurons) instanceof NeuronNode)) {
      throw new InvalidInputException(
          "node '"
              + neurons
              + "' ("
              + graph.node(neurons).nirType()
              + ") follows '"
              + name
              + "' where the trainer's network has neurons");
    }
    neuronNames.add(neurons);
    current = neurons;
    try {
      SpikingLayer layer =
          synapses instanceof AffineNode affine
              ? new DenseLayer(
                  affine.inputs(),
                  affine.outputs(),
                  ChannelOrder.denseToTrainer(
                      affine.weight().toFloatArray(), affine.outputs(), below),
                  affine.bias().toFloatArray(),
                  0,
                  0f)
              : convolution(name, (Conv2dNode) synapses, pool());
      quantisation(name, layer);
      return layer;
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("node '" + name + "': " + e.getMessage(), e);
    }
  }

  private ConvLayer convolution(String name, Conv2dNode conv, int pool) {
    Size2d kernel = conv.kernel();
    Size2d stride = conv.stride();
    Size2d padding = conv.padding();
    if (kernel.height() != kernel.width()
        || stride.height() != stride.width()
        || padding.height() != padding.width()
        || !conv.dilation().equals(Size2d.square(1))
        || conv.groups() != 1) {
      throw new InvalidInputException(
          "Conv2d node '"
              + name
              + "' has kernel "
              + kernel
              + ", stride "
              + stride
              + ", padding "
              + padding
              + ", dilation "
              + conv.dilation()
              + " and "
              + conv.groups()
              + " groups; the trainer's convolution is square, undilated and ungrouped");
    }
    Shape maps = graph.inputShape(name);
    if (maps.rank() != 3) {
      throw new InvalidInputException(
          "Conv2d node '" + name + "' receives " + maps + ", expected [C, H, W] maps");
    }
    int k = kernel.height();
    return new ConvLayer(
        conv.inChannels(),
        maps.dim(1),
        maps.dim(2),
        conv.outChannels(),
        k,
        stride.height(),
        padding.height(),
        pool,
        ChannelOrder.kernelToChannelLast(
            conv.weight().toFloatArray(), k, conv.inChannels(), conv.outChannels()),
        conv.bias().toFloatArray(),
        0,
        0f);
  }

  /** The side of the average pooling that follows the current neurons, 1 when there is none. */
  private int pool() {
    String next = successor(current);
    if (!(graph.node(next) instanceof Pool2dNode pool)) {
      return 1;
    }
    Size2d window = pool.kernel();
    if (pool.pooling() != Pool2dNode.Pooling.AVERAGE
        || window.height() != window.width()
        || !pool.stride().equals(window)
        || !pool.padding().equals(Size2d.square(0))) {
      throw new InvalidInputException(
          "node '"
              + next
              + "' is "
              + pool.nirType()
              + " with kernel "
              + window
              + ", stride "
              + pool.stride()
              + " and padding "
              + pool.padding()
              + "; the trainer only averages spikes over square, non-overlapping, unpadded windows");
    }
    current = next;
    return window.height();
  }

  private void quantisation(String name, SpikingLayer layer) {
    String bits = graph.metadata().get(SpikingNetworkGraphs.weightBitsKey(name));
    String scale = graph.metadata().get(SpikingNetworkGraphs.weightScaleKey(name));
    if (bits == null && scale == null) {
      return;
    }
    if (bits == null || scale == null) {
      throw new InvalidInputException(
          "node '"
              + name
              + "' has only one of "
              + SpikingNetworkGraphs.weightBitsKey(name)
              + " and "
              + SpikingNetworkGraphs.weightScaleKey(name)
              + "; a quantised layer needs both");
    }
    try {
      layer.setQuantization(Integer.parseInt(bits), Float.parseFloat(scale));
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          "node '"
              + name
              + "' has weight bits '"
              + bits
              + "' and scale '"
              + scale
              + "', expected an integer and a number",
          e);
    }
  }

  /**
   * The one node {@code name} feeds, which must receive nothing else (the trainer's network is a
   * chain).
   */
  private String successor(String name) {
    List<String> targets = graph.successors(name);
    if (targets.size() != 1) {
      throw new InvalidInputException(
          "node '"
              + name
              + "' feeds "
              + targets
              + "; the trainer's network is a chain where each node feeds exactly one");
    }
    String next = targets.get(0);
    if (graph.predecessors(next).size() != 1) {
      throw new InvalidInputException(
          "node '"
              + next
              + "' receives "
              + graph.predecessors(next)
              + "; the trainer's network is a chain where each node receives exactly one");
    }
    return next;
  }

  private float beta() {
    float beta = SnnTorchNeuronMapping.beta(neuronNames.get(0), neuron(0), dt);
    for (int l = 1; l < neuronNames.size(); l++) {
      float other = SnnTorchNeuronMapping.beta(neuronNames.get(l), neuron(l), dt);
      if (Float.floatToIntBits(other) != Float.floatToIntBits(beta)) {
        throw new InvalidInputException(
            "node '"
                + neuronNames.get(l)
                + "' decays by beta = "
                + other
                + " but '"
                + neuronNames.get(0)
                + "' by "
                + beta
                + "; the trainer's network has one beta");
      }
    }
    return beta;
  }

  private float threshold() {
    Float threshold = null;
    for (int l = 0; l < neuronNames.size(); l++) {
      if (!neuron(l).spiking()) {
        continue;
      }
      float own = SnnTorchNeuronMapping.threshold(neuronNames.get(l), neuron(l));
      if (threshold != null && Float.floatToIntBits(own) != Float.floatToIntBits(threshold)) {
        throw new InvalidInputException(
            "node '"
                + neuronNames.get(l)
                + "' has v_threshold = "
                + own
                + " but an earlier layer "
                + threshold
                + "; the trainer's network has one threshold");
      }
      threshold = own;
    }
    if (threshold != null) {
      return threshold;
    }
    String unused = readoutOnly(SpikingNetworkGraphs.READOUT_ONLY_THRESHOLD, "v_th");
    try {
      return Float.parseFloat(unused);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          "graph metadata "
              + SpikingNetworkGraphs.READOUT_ONLY_THRESHOLD
              + " = '"
              + unused
              + "' is not a number",
          e);
    }
  }

  /**
   * A setting that a network whose only layer is the membrane read-out keeps in metadata (no node
   * holds it).
   */
  private String readoutOnly(String key, String setting) {
    String value = graph.metadata().get(key);
    if (value == null) {
      throw missing(key, "the " + setting + " of a network without spiking layers");
    }
    return value;
  }

  private Readout readout() {
    int last = neuronNames.size() - 1;
    for (int l = 0; l < last; l++) {
      if (!neuron(l).spiking()) {
        throw new InvalidInputException(
            "hidden node '"
                + neuronNames.get(l)
                + "' ("
                + neuron(l).nirType()
                + ") does not spike; only the trainer's read-out layer may integrate without spiking");
      }
    }
    Readout readout = neuron(last).spiking() ? Readout.SPIKE_COUNT : Readout.MEMBRANE;
    String expected =
        readout == Readout.SPIKE_COUNT
            ? GraphAnnotations.READOUT_SPIKE_COUNT
            : GraphAnnotations.READOUT_MEAN_MEMBRANE;
    String stated = graph.metadata().getOrDefault(GraphAnnotations.READOUT, expected);
    if (!stated.equals(expected)) {
      throw new InvalidInputException(
          "the graph's "
              + GraphAnnotations.READOUT
              + " is '"
              + stated
              + "' but its last"
              + " neurons '"
              + neuronNames.get(last)
              + "' ("
              + neuron(last).nirType()
              + ") give the trainer's '"
              + expected
              + "'");
    }
    return readout;
  }

  private ResetMode reset() {
    Boolean subtract = null;
    for (int l = 0; l < neuronNames.size(); l++) {
      if (!neuron(l).spiking()) {
        continue;
      }
      boolean own = GraphAnnotations.resetsBySubtraction(graph, neuronNames.get(l));
      if (subtract != null && own != subtract) {
        throw new InvalidInputException(
            "node '"
                + neuronNames.get(l)
                + "' resets "
                + (own ? "by subtraction" : "to v_reset")
                + " unlike an earlier layer; the trainer's network has one reset mode");
      }
      subtract = own;
    }
    if (subtract == null) {
      String mode = readoutOnly(SpikingNetworkGraphs.READOUT_ONLY_RESET, "reset mode");
      try {
        return ResetMode.valueOf(mode);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(
            "graph metadata "
                + SpikingNetworkGraphs.READOUT_ONLY_RESET
                + " = '"
                + mode
                + "' is not SUBTRACT or ZERO",
            e);
      }
    }
    return subtract ? ResetMode.SUBTRACT : ResetMode.ZERO;
  }

  /**
   * The neuron model plugin the spiking nodes name ({@link GraphAnnotations#neuronModelKey}), null
   * when they name none (the built-in model).
   */
  private String neuronModel() {
    String model = null;
    boolean first = true;
    for (int l = 0; l < neuronNames.size(); l++) {
      if (!neuron(l).spiking()) {
        continue;
      }
      String own = GraphAnnotations.neuronModel(graph, neuronNames.get(l)).orElse(null);
      if (!first && !java.util.Objects.equals(own, model)) {
        throw new InvalidInputException(
            "node '"
                + neuronNames.get(l)
                + "' is of neuron model "
                + (own == null ? "the default" : "'" + own + "'")
                + " unlike an earlier layer; the trainer's network has one neuron model");
      }
      model = own;
      first = false;
    }
    return model;
  }

  private int timesteps() {
    String value = graph.metadata().get(GraphAnnotations.TIME_STEPS);
    if (value == null) {
      throw missing(
          GraphAnnotations.TIME_STEPS, "the number of time steps T the network runs a sample for");
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          "graph metadata "
              + GraphAnnotations.TIME_STEPS
              + " = '"
              + value
              + "' is not a whole number of time steps",
          e);
    }
  }

  private NeuronNode neuron(int l) {
    return (NeuronNode) graph.node(neuronNames.get(l));
  }

  private static InvalidInputException missing(String key, String meaning) {
    return new InvalidInputException(
        "the graph's metadata lacks "
            + key
            + " ("
            + meaning
            + "), which a trainer's network needs");
  }
}
