package org.snncodesign.nir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.snncodesign.api.graph.OutputNode;
import org.snncodesign.api.graph.Pool2dNode;
import org.snncodesign.api.graph.ScaleNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Size2d;
import org.snncodesign.api.graph.Tensor;
import org.snncodesign.api.graph.ThresholdNode;

/**
 * The datasets of one (non-graph) node as the reference writer lays them out ({@code to_dict} of
 * each {@code nir.ir} class): {@code type}, then the parameters under NIR's field names. Tensors
 * become nested arrays of their own precision, integers and shapes int64 as numpy stores them. A
 * Flatten's {@code input_type} is left out when the node does not fix it (the reference reader then
 * leaves it undefined, as the graph does).
 */
final class NodeFields {
  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final List<String> inferred = new ArrayList<>();

  private NodeFields() {}

  /** Field name to a value jHDF can write (String, Long, long[] or nested float/double arrays). */
  Map<String, Object> datasets() {
    return fields;
  }

  /** The fields filled in from {@code graphInput} because the node leaves them open. */
  List<String> inferred() {
    return inferred;
  }

  /**
   * The fields of {@code node}, which receives {@code graphInput} in its graph. A convolution that
   * does not fix its input size is given the graph's, because the reference reader requires {@code
   * input_shape}; the field is then listed in {@link #inferred()}.
   */
  static NodeFields of(GraphNode node, Shape graphInput) {
    NodeFields f = new NodeFields();
    f.fields.put(NirFormat.TYPE, node.nirType());
    if (node instanceof InputNode input) {
      f.shape("shape", input.shape());
    } else if (node instanceof OutputNode output) {
      f.shape("shape", output.shape());
    } else if (node instanceof AffineNode affine) {
      f.tensor("weight", affine.weight()).tensor("bias", affine.bias());
    } else if (node instanceof LinearNode linear) {
      f.tensor("weight", linear.weight());
    } else if (node instanceof ScaleNode scale) {
      f.tensor("scale", scale.scale());
    } else if (node instanceof DelayNode delay) {
      f.tensor("delay", delay.delay());
    } else if (node instanceof ThresholdNode threshold) {
      f.tensor("threshold", threshold.threshold());
    } else if (node instanceof IntegratorNode integrator) {
      f.tensor("r", integrator.r());
    } else if (node instanceof LiNode li) {
      f.tensor("tau", li.tau()).tensor("r", li.r()).tensor("v_leak", li.vLeak());
    } else if (node instanceof IfNode neuron) {
      f.tensor("r", neuron.r())
          .tensor("v_threshold", neuron.vThreshold())
          .tensor("v_reset", neuron.vReset());
    } else if (node instanceof LifNode lif) {
      f.tensor("tau", lif.tau())
          .tensor("r", lif.r())
          .tensor("v_leak", lif.vLeak())
          .tensor("v_threshold", lif.vThreshold())
          .tensor("v_reset", lif.vReset());
    } else if (node instanceof CubaLiNode li) {
      f.tensor("tau_syn", li.tauSyn())
          .tensor("tau_mem", li.tauMem())
          .tensor("r", li.r())
          .tensor("v_leak", li.vLeak())
          .tensor("w_in", li.wIn());
    } else if (node instanceof CubaLifNode lif) {
      f.tensor("tau_syn", lif.tauSyn())
          .tensor("tau_mem", lif.tauMem())
          .tensor("r", lif.r())
          .tensor("v_leak", lif.vLeak())
          .tensor("v_threshold", lif.vThreshold())
          .tensor("v_reset", lif.vReset())
          .tensor("w_in", lif.wIn());
    } else if (node instanceof Conv1dNode conv) {
      f.integer(
          "input_shape",
          conv.inputLength().orElseGet(() -> f.inferred("input_shape", graphInput).dim(1)));
      f.tensor("weight", conv.weight())
          .integer("stride", conv.stride())
          .integer("padding", conv.padding())
          .integer("dilation", conv.dilation())
          .integer("groups", conv.groups())
          .tensor("bias", conv.bias());
    } else if (node instanceof Conv2dNode conv) {
      f.pair(
          "input_shape",
          conv.inputSize()
              .orElseGet(
                  () -> {
                    Shape maps = f.inferred("input_shape", graphInput);
                    return new Size2d(maps.dim(1), maps.dim(2));
                  }));
      f.tensor("weight", conv.weight())
          .pair("stride", conv.stride())
          .pair("padding", conv.padding())
          .pair("dilation", conv.dilation())
          .integer("groups", conv.groups())
          .tensor("bias", conv.bias());
    } else if (node instanceof Pool2dNode pool) {
      f.pair("kernel_size", pool.kernel())
          .pair("stride", pool.stride())
          .pair("padding", pool.padding());
    } else if (node instanceof FlattenNode flatten) {
      flatten.inputShape().ifPresent(shape -> f.shape("input_type", shape));
      f.integer("start_dim", flatten.startDim()).integer("end_dim", flatten.endDim());
    } else {
      throw new IllegalArgumentException(
          "no NIR fields for "
              + node.nirType()
              + "; graphs are written by "
              + GraphEncoder.class.getSimpleName());
    }
    return f;
  }

  private Shape inferred(String field, Shape graphInput) {
    inferred.add(field);
    return graphInput;
  }

  private NodeFields tensor(String name, Tensor tensor) {
    fields.put(name, NestedArrays.of(tensor));
    return this;
  }

  private NodeFields integer(String name, int value) {
    fields.put(name, (long) value);
    return this;
  }

  private NodeFields pair(String name, Size2d pair) {
    fields.put(name, new long[] {pair.height(), pair.width()});
    return this;
  }

  private NodeFields shape(String name, Shape shape) {
    fields.put(name, Arrays.stream(shape.dims()).asLongStream().toArray());
    return this;
  }
}
