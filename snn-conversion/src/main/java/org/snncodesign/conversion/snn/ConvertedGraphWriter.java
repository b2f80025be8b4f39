package org.snncodesign.conversion.snn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snncodesign.api.Checks;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.graph.AffineNode;
import org.snncodesign.api.graph.Conv2dNode;
import org.snncodesign.api.graph.ElementType;
import org.snncodesign.api.graph.FlattenNode;
import org.snncodesign.api.graph.GraphAnnotations;
import org.snncodesign.api.graph.GraphNode;
import org.snncodesign.api.graph.IfNode;
import org.snncodesign.api.graph.InputNode;
import org.snncodesign.api.graph.IntegratorNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.NeuronNode;
import org.snncodesign.api.graph.OutputNode;
import org.snncodesign.api.graph.Pool2dNode;
import org.snncodesign.api.graph.ScaleNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Size2d;
import org.snncodesign.api.graph.Tensor;
import org.snncodesign.conversion.ann.AnnLayer;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AvgPoolLayer;
import org.snncodesign.conversion.ann.Conv2dLayer;
import org.snncodesign.conversion.ann.DenseLayer;
import org.snncodesign.conversion.ann.FlattenLayer;
import org.snncodesign.conversion.ann.InputNormalizationFolding;
import org.snncodesign.conversion.ann.ReluLayer;
import org.snncodesign.conversion.ann.ResidualAddLayer;
import org.snncodesign.conversion.ann.RouteLayer;
import org.snncodesign.conversion.ann.TensorShape;

/**
 * Writes one {@link ConvertedNetwork} as a graph by walking the prepared ANN the converter composed
 * its stages from (see {@link ConvertedNetworkGraphs} for the mapping).
 *
 * <p>The walk tracks the value flowing at the current point as the nodes whose outputs sum to it
 * ({@link Value}) and the ANN activation one unit of it stands for: {@code lambda_s} for the spikes
 * of stage {@code s}, 1 for pixels. The converter's normalisation ({@code W lambda_source /
 * lambda_target}, {@code b / lambda_target}) is applied where a unit changes: the first weighted
 * layer after a stage scales its weights by {@code unit / lambda_target} (the converter's own
 * rounding, {@code (float) (w * unit * (1 / lambda))}), every weighted layer divides its bias by
 * {@code lambda_target}, and where no weighted layer can carry the factor (the input drive, a
 * residual branch, a stage fed only by pooling) a Scale node does.
 */
final class ConvertedGraphWriter {
  /**
   * Every converted neuron fires at 1: the data-based normalisation moved the scales into the
   * weights.
   */
  private static final double THRESHOLD = 1;

  private final ConvertedNetwork network;
  private final AnnModel model;
  private final double dt;
  private final NetworkGraph.Builder builder = NetworkGraph.builder();
  private final Set<String> names = new HashSet<>();
  private final Map<String, Integer> spikingStages = new HashMap<>();

  /** The value each ANN layer's output became, by layer name, for residual connections. */
  private final Map<String, Value> outputs = new HashMap<>();

  private Value current;

  /**
   * Nodes whose outputs sum to a value, its shape, and the ANN activation one unit of it stands
   * for.
   */
  private record Value(List<String> nodes, Shape shape, double unit) {}

  ConvertedGraphWriter(ConvertedNetwork network, double dt) {
    this.network = network;
    this.dt = Checks.positive(dt, "dt");
    this.model =
        network
            .preparedModel()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "network '"
                            + network.name()
                            + "' was not made by AnnToSnnConverter, so the ANN layers its stages compose are unknown"));
    if (model.normalizesInput()) {
      throw new InvalidInputException(
          "network '"
              + network.name()
              + "' normalises its input ("
              + InputNormalizationFolding.describe(model)
              + "); a NIR graph has no node for that before its first"
              + " layer, so the export needs a model whose normalisation folds into its first layer");
    }
    for (int s = 0; s < network.stageCount(); s++) {
      if (network.kind(s) == StageKind.MAX_POOL) {
        throw new InvalidInputException(
            "max pool '"
                + network.stageName(s)
                + "' of network '"
                + network.name()
                + "' has no NIR primitive (NIR pools by sum or average, and a spike-count gate is no linear map);"
                + " convert an ANN with average pooling to export a graph");
      }
      if (network.kind(s) == StageKind.SPIKING) {
        spikingStages.put(network.stageName(s), s);
      }
    }
  }

  NetworkGraph write(Map<String, String> coding) {
    builder.metadata(GraphAnnotations.TIME_STEP, Double.toString(dt));
    builder.metadata(GraphAnnotations.READOUT, GraphAnnotations.READOUT_LAST_MEMBRANE);
    coding.forEach(builder::metadata);
    if (model.inputNormalization().normalizes()) {
      GraphAnnotations.inputNormalization(
              model.inputNormalization(), model.normalizationFoldedInto())
          .forEach(builder::metadata);
    }
    TensorShape in = model.inputShape();
    Shape inputShape =
        in.height() == 1 && in.width() == 1
            ? Shape.of(in.channels())
            : Shape.of(in.channels(), in.height(), in.width());
    String input = add("input", new InputNode(inputShape), List.of());
    current = new Value(List.of(input), inputShape, 1);
    neurons("input_if", 0);
    outputs.put(ResidualAddLayer.INPUT, current);
    List<TensorShape> shapes = model.shapes();
    List<AnnLayer> layers = model.layers();
    for (int i = 0; i < layers.size(); i++) {
      AnnLayer layer = layers.get(i);
      if (layer instanceof Conv2dLayer c) {
        double lambda = targetScale(i);
        TensorShape maps = shapes.get(i);
        Tensor weight =
            Tensor.ofFloats(
                Shape.of(
                    c.outChannels(),
                    c.inChannels() / c.groups(),
                    c.kernelHeight(),
                    c.kernelWidth()),
                normalised(c.weights(), lambda));
        then(
            c.name(),
            new Conv2dNode(
                Optional.of(new Size2d(maps.height(), maps.width())),
                weight,
                Size2d.square(c.stride()),
                Size2d.square(c.padding()),
                Size2d.square(1),
                c.groups(),
                bias(c.bias(), lambda)),
            lambda);
      } else if (layer instanceof DenseLayer d) {
        double lambda = targetScale(i);
        Tensor weight =
            Tensor.ofFloats(Shape.of(d.outputs(), d.inputs()), normalised(d.weights(), lambda));
        then(d.name(), new AffineNode(weight, bias(d.bias(), lambda)), lambda);
      } else if (layer instanceof AvgPoolLayer a) {
        then(
            a.name(),
            new Pool2dNode(
                Pool2dNode.Pooling.AVERAGE,
                Size2d.square(a.size()),
                Size2d.square(a.stride()),
                Size2d.square(a.padding())),
            current.unit());
      } else if (layer instanceof FlattenLayer f) {
        then(f.name(), new FlattenNode(Optional.of(current.shape()), 0, -1), current.unit());
      } else if (layer instanceof ReluLayer r) {
        // A ReLU on spikes (already non-negative) is the identity, and the converter made no stage
        // of it.
        if (spikingStages.containsKey(r.name())) {
          neurons(r.name(), spikingStages.get(r.name()));
        }
      } else if (layer instanceof ResidualAddLayer r) {
        residual(r, targetScale(i));
      } else if (layer instanceof RouteLayer r && r.from().size() == 1) {
        current = outputs.get(r.from().get(0));
      } else {
        throw new InvalidInputException(
            "layer '"
                + layer.name()
                + "' ("
                + layer.getClass().getSimpleName()
                + ") of network '"
                + network.name()
                + "' has no graph counterpart");
      }
      outputs.put(layer.name(), current);
    }
    neurons("readout", network.stageCount() - 1);
    add("output", new OutputNode(current.shape()), current.nodes());
    return builder.build();
  }

  /**
   * Closes the chain into stage {@code stage}: IF neurons (threshold 1, reset by subtraction), or
   * the read-out.
   */
  private void neurons(String name, int stage) {
    double lambda = network.scale(stage);
    current = scaled(current, lambda, name + "_drive");
    Shape shape = current.shape();
    NeuronNode node =
        network.kind(stage) == StageKind.OUTPUT
            ? new IntegratorNode(filled(shape, 1 / dt))
            : new IfNode(filled(shape, 1 / dt), filled(shape, THRESHOLD), filled(shape, 0));
    String added = add(name, node, current.nodes());
    if (node.spiking()) {
      builder.metadata(GraphAnnotations.resetKey(added), GraphAnnotations.RESET_BY_SUBTRACTION);
    }
    current = new Value(List.of(added), shape, lambda);
  }

  /**
   * {@code y = x + out(from)}: both brought to the target's unit, then both feed whatever comes
   * next.
   */
  private void residual(ResidualAddLayer r, double lambda) {
    current = scaled(current, lambda, r.name() + "_main");
    Value skip = scaled(outputs.get(r.from()), lambda, r.name() + "_skip");
    List<String> nodes = new ArrayList<>(current.nodes());
    nodes.addAll(skip.nodes());
    current = new Value(nodes, current.shape(), lambda);
  }

  /** {@code value} in units of {@code lambda}, through a Scale node unless it already is. */
  private Value scaled(Value value, double lambda, String name) {
    if (value.unit() == lambda) {
      return value;
    }
    Tensor factor =
        Tensor.filled(value.shape(), (float) (value.unit() * (1 / lambda)), ElementType.FLOAT32);
    String added = add(name, new ScaleNode(factor), value.nodes());
    return new Value(List.of(added), value.shape(), lambda);
  }

  /** Appends a linear node fed by the current value; its output stands for {@code unit}. */
  private void then(String name, GraphNode node, double unit) {
    String added = add(name, node, current.nodes());
    current = new Value(List.of(added), node.outputShape(current.shape()), unit);
  }

  /**
   * The weights in the target's unit: the converter's {@code (float) (w * lambda_source * (1 /
   * lambda))}.
   */
  private float[] normalised(float[] weights, double lambda) {
    double unit = current.unit();
    if (unit == lambda) {
      return weights.clone();
    }
    float[] scaled = new float[weights.length];
    for (int k = 0; k < scaled.length; k++) {
      scaled[k] = (float) (weights[k] * unit * (1 / lambda));
    }
    return scaled;
  }

  private static Tensor bias(float[] bias, double lambda) {
    float[] scaled = new float[bias.length];
    for (int k = 0; k < scaled.length; k++) {
      scaled[k] = (float) (bias[k] / lambda);
    }
    return Tensor.vector(scaled);
  }

  /**
   * The scale of the stage layer {@code i} feeds: the next ReLU that is a stage, else the read-out.
   */
  private double targetScale(int i) {
    List<AnnLayer> layers = model.layers();
    for (int j = i; j < layers.size(); j++) {
      Integer stage = spikingStages.get(layers.get(j).name());
      if (stage != null && layers.get(j) instanceof ReluLayer) {
        return network.scale(stage);
      }
    }
    return network.scale(network.stageCount() - 1);
  }

  /**
   * Adds {@code node} under a graph-safe, unused form of {@code wanted}, fed by every node of
   * {@code from}.
   */
  private String add(String wanted, GraphNode node, List<String> from) {
    String base = wanted.replaceAll("[^A-Za-z0-9_-]", "_");
    String name = base;
    for (int n = 2; !names.add(name); n++) {
      name = base + "_" + n;
    }
    builder.node(name, node);
    for (String source : from) {
      builder.edge(source, name);
    }
    return name;
  }

  private static Tensor filled(Shape shape, double value) {
    return Tensor.filled(shape, value, ElementType.FLOAT64);
  }
}
