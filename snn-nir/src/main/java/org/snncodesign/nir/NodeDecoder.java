package org.snncodesign.nir;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.snncodesign.api.graph.AffineNode;
import org.snncodesign.api.graph.Conv1dNode;
import org.snncodesign.api.graph.Conv2dNode;
import org.snncodesign.api.graph.CubaLiNode;
import org.snncodesign.api.graph.CubaLifNode;
import org.snncodesign.api.graph.DelayNode;
import org.snncodesign.api.graph.FlattenNode;
import org.snncodesign.api.graph.GraphNode;
import org.snncodesign.api.graph.IfNode;
import org.snncodesign.api.graph.InputNode;
import org.snncodesign.api.graph.IntegratorNode;
import org.snncodesign.api.graph.LiNode;
import org.snncodesign.api.graph.LifNode;
import org.snncodesign.api.graph.LinearNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.OutputNode;
import org.snncodesign.api.graph.Pool2dNode;
import org.snncodesign.api.graph.Pool2dNode.Pooling;
import org.snncodesign.api.graph.ScaleNode;
import org.snncodesign.api.graph.Size2d;
import org.snncodesign.api.graph.SubgraphNode;
import org.snncodesign.api.graph.Tensor;
import org.snncodesign.api.graph.ThresholdNode;

/**
 * Turns one node group into a graph node by its {@code type}, with the parameters and defaults of
 * the reference reader ({@code read_node} in {@code nir/serialization.py}): a missing {@code
 * v_reset} is zeros shaped and typed like {@code v_threshold}; a scalar {@code w_in} is broadcast
 * to the neuron shape in the precision of the other parameters, as numpy's {@code ones_like(v) *
 * w_in} does.
 */
final class NodeDecoder {
  static final List<String> KNOWN_TYPES =
      List.of(
          "Input",
          "Output",
          "Affine",
          "Linear",
          "Scale",
          "Conv1d",
          "Conv2d",
          "SumPool2d",
          "AvgPool2d",
          "Flatten",
          "Delay",
          "I",
          "LI",
          "IF",
          "LIF",
          "CubaLI",
          "CubaLIF",
          "Threshold",
          "NIRGraph");

  private final Function<NirGroup, NetworkGraph> subgraphs;

  /**
   * @param subgraphs reads a nested {@code NIRGraph} group
   */
  NodeDecoder(Function<NirGroup, NetworkGraph> subgraphs) {
    this.subgraphs = subgraphs;
  }

  GraphNode decode(NirGroup group) {
    String type = group.dataset(NirFormat.TYPE).string();
    NirGroup node = group.at(group.where().ofType(type));
    try {
      return decode(type, node);
    } catch (IllegalArgumentException e) {
      throw node.where().invalid(e.getMessage(), e);
    }
  }

  private GraphNode decode(String type, NirGroup node) {
    IntegerFields integers = new IntegerFields(node);
    return switch (type) {
      case "Input" -> new InputNode(integers.shape("shape"));
      case "Output" -> new OutputNode(integers.shape("shape"));
      case "Affine" -> new AffineNode(tensor(node, "weight"), tensor(node, "bias"));
      case "Linear" -> new LinearNode(tensor(node, "weight"));
      case "Scale" -> new ScaleNode(tensor(node, "scale"));
      case "Delay" -> new DelayNode(tensor(node, "delay"));
      case "Threshold" -> new ThresholdNode(tensor(node, "threshold"));
      case "I" -> new IntegratorNode(tensor(node, "r"));
      case "LI" -> new LiNode(tensor(node, "tau"), tensor(node, "r"), tensor(node, "v_leak"));
      case "IF" -> {
        Tensor threshold = tensor(node, "v_threshold");
        yield new IfNode(tensor(node, "r"), threshold, resetOrZeros(node, threshold));
      }
      case "LIF" -> {
        Tensor threshold = tensor(node, "v_threshold");
        yield new LifNode(
            tensor(node, "tau"),
            tensor(node, "r"),
            tensor(node, "v_leak"),
            threshold,
            resetOrZeros(node, threshold));
      }
      case "CubaLI" -> {
        Tensor leak = tensor(node, "v_leak");
        yield new CubaLiNode(
            tensor(node, "tau_syn"),
            tensor(node, "tau_mem"),
            tensor(node, "r"),
            leak,
            inputWeight(node, leak));
      }
      case "CubaLIF" -> {
        Tensor threshold = tensor(node, "v_threshold");
        yield new CubaLifNode(
            tensor(node, "tau_syn"),
            tensor(node, "tau_mem"),
            tensor(node, "r"),
            tensor(node, "v_leak"),
            threshold,
            resetOrZeros(node, threshold),
            inputWeight(node, threshold));
      }
      case "Conv1d" -> conv1d(node, integers);
      case "Conv2d" -> conv2d(node, integers);
      case "SumPool2d" -> pool(Pooling.SUM, integers);
      case "AvgPool2d" -> pool(Pooling.AVERAGE, integers);
      case "Flatten" ->
          new FlattenNode(
              integers.optionalShape("input_type"),
              integers.integer("start_dim"),
              integers.integer("end_dim"));
      case NirFormat.GRAPH_TYPE -> new SubgraphNode(subgraphs.apply(node));
      default ->
          throw node.where()
              .error(
                  NirFormat.TYPE,
                  "unknown node type '" + type + "'; expected one of " + KNOWN_TYPES);
    };
  }

  private static Tensor tensor(NirGroup node, String field) {
    return node.dataset(field).tensor();
  }

  private static Tensor resetOrZeros(NirGroup node, Tensor threshold) {
    return node.optionalDataset("v_reset")
        .map(NirDataset::tensor)
        .orElseGet(() -> Tensor.filled(threshold.shape(), 0, threshold.elementType()));
  }

  private static Tensor inputWeight(NirGroup node, Tensor like) {
    return node.dataset("w_in").tensorOrScalar(like.shape(), like.elementType());
  }

  private static Conv1dNode conv1d(NirGroup node, IntegerFields integers) {
    Tensor weight = tensor(node, "weight");
    int stride = integers.integer("stride");
    int dilation = integers.integer("dilation");
    int kernel = weight.shape().rank() == 3 ? weight.shape().dim(2) : 1;
    int padding =
        integers
            .padding("padding", new int[] {kernel}, new int[] {dilation}, new int[] {stride})[0];
    OptionalInt length =
        fixesInputShape(node)
            ? OptionalInt.of(integers.integer("input_shape"))
            : OptionalInt.empty();
    return new Conv1dNode(
        length,
        weight,
        stride,
        padding,
        dilation,
        integers.integer("groups"),
        tensor(node, "bias"));
  }

  private static Conv2dNode conv2d(NirGroup node, IntegerFields integers) {
    Tensor weight = tensor(node, "weight");
    Size2d stride = integers.pair("stride");
    Size2d dilation = integers.pair("dilation");
    int[] kernel =
        weight.shape().rank() == 4
            ? new int[] {weight.shape().dim(2), weight.shape().dim(3)}
            : new int[] {1, 1};
    int[] padding =
        integers.padding(
            "padding",
            kernel,
            new int[] {dilation.height(), dilation.width()},
            new int[] {stride.height(), stride.width()});
    Optional<Size2d> size =
        fixesInputShape(node) ? Optional.of(integers.pair("input_shape")) : Optional.empty();
    return new Conv2dNode(
        size,
        weight,
        stride,
        new Size2d(padding[0], padding[1]),
        dilation,
        integers.integer("groups"),
        tensor(node, "bias"));
  }

  /**
   * Whether the file gives the input shape as the node's own, not as one the writer inferred from
   * the graph.
   */
  private static boolean fixesInputShape(NirGroup node) {
    return node.has("input_shape")
        && !node.stringsAttribute(NirFormat.INFERRED_ATTRIBUTE).contains("input_shape");
  }

  private static Pool2dNode pool(Pooling pooling, IntegerFields integers) {
    return new Pool2dNode(
        pooling, integers.pair("kernel_size"), integers.pair("stride"), integers.pair("padding"));
  }
}
