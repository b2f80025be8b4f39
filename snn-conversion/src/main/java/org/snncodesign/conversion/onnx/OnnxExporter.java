package org.snncodesign.conversion.onnx;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.dataset.InputNormalization;
import org.snncodesign.api.graph.GraphAnnotations;
import org.snncodesign.api.io.AtomicFile;
import org.snncodesign.conversion.ann.AnnLayer;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AvgPoolLayer;
import org.snncodesign.conversion.ann.BatchNormLayer;
import org.snncodesign.conversion.ann.Conv2dLayer;
import org.snncodesign.conversion.ann.DenseLayer;
import org.snncodesign.conversion.ann.FlattenLayer;
import org.snncodesign.conversion.ann.MaxPoolLayer;
import org.snncodesign.conversion.ann.QuantizedModel;
import org.snncodesign.conversion.ann.ReluLayer;
import org.snncodesign.conversion.ann.ResidualAddLayer;
import org.snncodesign.conversion.ann.RouteLayer;
import org.snncodesign.conversion.ann.TensorShape;
import org.snncodesign.conversion.onnx.proto.OnnxProto.AttributeProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.GraphProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.ModelProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.NodeProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.OperatorSetIdProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.StringStringEntryProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.TensorProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.TensorShapeProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.TypeProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.ValueInfoProto;

/**
 * Writes an {@link AnnModel} as an ONNX model (IR version 7, opset 13, what {@code onnx} 1.12's
 * checker and PyTorch 1.13 read): input {@code "input"} of shape {@code [batch, C, H, W]} (or
 * {@code [batch, F]} for a vector model whose first layer is dense) with a symbolic batch, output
 * {@code "logits"}. Layers map to {@code Conv} (with {@code group}), {@code Gemm} ({@code transB =
 * 1}), {@code Relu} or {@code Clip} (ReLU with a ceiling), {@code MaxPool}, {@code AveragePool}
 * ({@code count_include_pad = 1}), {@code BatchNormalization}, {@code Flatten}, {@code Add}
 * (residual) and {@code Concat} (route); a route to one earlier layer needs no node. A {@link
 * QuantizedModel}'s weights are written as {@code INT8} initialisers with their step, dequantised
 * by {@code DequantizeLinear}, so the file stores the compressed integers and computes the same
 * floats.
 *
 * <p>A model's input normalisation is recorded in the model's {@code metadata_props} under the keys
 * of {@link GraphAnnotations#inputNormalization}; one applied to the input (not folded) is also
 * written as {@code Sub} and {@code Div} nodes after {@code "input"}, so that the file takes pixels
 * / pixel scale either way.
 */
public final class OnnxExporter {
  /** Opset of the default domain written. */
  public static final int OPSET = 13;

  private static final int IR_VERSION = 7;

  private final AnnModel model;
  private final QuantizedModel quantized;
  private final GraphProto.Builder graph = GraphProto.newBuilder();

  /** Output tensor name and rank (2 or 4) of each layer, by layer name. */
  private final Map<String, String> tensorOf = new HashMap<>();

  private final Map<String, Integer> rankOf = new HashMap<>();

  private OnnxExporter(AnnModel model, QuantizedModel quantized) {
    this.model = model;
    this.quantized = quantized;
  }

  /** The model as an ONNX {@code ModelProto} with float weights. */
  public static ModelProto toModel(AnnModel model) {
    return new OnnxExporter(model, null).build();
  }

  /**
   * The model as an ONNX {@code ModelProto} with {@code INT8} weights and {@code DequantizeLinear}.
   */
  public static ModelProto toModel(QuantizedModel model) {
    return new OnnxExporter(model.model(), model).build();
  }

  /**
   * Writes {@link #toModel(AnnModel)} to {@code file} (through a temporary file, moved in when
   * complete).
   */
  public static void write(AnnModel model, Path file) throws IOException {
    write(toModel(model), file);
  }

  /** Writes {@link #toModel(QuantizedModel)} to {@code file}. */
  public static void write(QuantizedModel model, Path file) throws IOException {
    write(toModel(model), file);
  }

  private static void write(ModelProto proto, Path file) throws IOException {
    byte[] bytes = proto.toByteArray();
    AtomicFile.write(file, temporary -> Files.write(temporary, bytes));
  }

  private ModelProto build() {
    graph.setName(model.name());
    TensorShape in = model.inputShape();
    boolean vectorInput =
        in.height() == 1 && in.width() == 1 && model.layers().get(0) instanceof DenseLayer;
    graph.addInput(
        valueInfo(
            "input",
            vectorInput
                ? new long[] {in.channels()}
                : new long[] {in.channels(), in.height(), in.width()}));
    tensorOf.put(
        ResidualAddLayer.INPUT, model.normalizesInput() ? normalizedInput(vectorInput) : "input");
    rankOf.put(ResidualAddLayer.INPUT, vectorInput ? 2 : 4);
    String previous = ResidualAddLayer.INPUT;
    List<TensorShape> shapes = model.shapes();
    for (AnnLayer layer : model.layers()) {
      layer(layer, previous);
      previous = layer.name();
    }
    String last = tensorOf.get(previous);
    if (rankOf.get(previous) == 4) {
      node("Flatten", "logits_flatten", List.of(last), "logits", intAttr("axis", 1));
    } else {
      node("Identity", "logits_identity", List.of(last), "logits");
    }
    graph.addOutput(valueInfo("logits", new long[] {shapes.get(shapes.size() - 1).size()}));
    ModelProto.Builder proto =
        ModelProto.newBuilder()
            .setIrVersion(IR_VERSION)
            .setProducerName("snn-codesign")
            .setGraph(graph)
            .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET));
    if (model.inputNormalization().normalizes()) {
      GraphAnnotations.inputNormalization(
              model.inputNormalization(), model.normalizationFoldedInto())
          .forEach(
              (key, value) ->
                  proto.addMetadataProps(
                      StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
    }
    return proto.build();
  }

  /**
   * {@code (input - mean) / std} as Sub and Div nodes with per-channel constants ({@code [1, C, 1,
   * 1]}, or one value for every feature of a vector input), as {@code transforms.Normalize}
   * computes it; returns the result.
   */
  private String normalizedInput(boolean vectorInput) {
    InputNormalization n = model.inputNormalization();
    int channels = n.mean().length;
    long[] dims =
        vectorInput || channels == 1 ? new long[] {channels} : new long[] {1, channels, 1, 1};
    graph.addInitializer(floatTensor("input_mean", dims, n.mean()));
    graph.addInitializer(floatTensor("input_std", dims, n.std()));
    node("Sub", "input_minus_mean", List.of("input", "input_mean"), "input_centred");
    node("Div", "input_normalize", List.of("input_centred", "input_std"), "input_normalized");
    return "input_normalized";
  }

  private void layer(AnnLayer layer, String previous) {
    String x = tensorOf.get(previous);
    int rank = rankOf.get(previous);
    String name = layer.name();
    if (layer instanceof Conv2dLayer c) {
      String w =
          weights(
              name,
              c.weights(),
              new long[] {
                c.outChannels(), c.inChannels() / c.groups(), c.kernelHeight(), c.kernelWidth()
              });
      String b = floats(name + ".bias", c.bias(), c.outChannels());
      node(
          "Conv",
          name,
          List.of(x, w, b),
          name,
          ints("kernel_shape", c.kernelHeight(), c.kernelWidth()),
          ints("strides", c.stride(), c.stride()),
          ints("pads", c.padding(), c.padding(), c.padding(), c.padding()),
          ints("dilations", 1, 1),
          intAttr("group", c.groups()));
      done(name, 4);
    } else if (layer instanceof DenseLayer d) {
      String a = rank == 4 ? flatten(name + "_flatten", x) : x;
      String w = weights(name, d.weights(), new long[] {d.outputs(), d.inputs()});
      node(
          "Gemm",
          name,
          List.of(a, w, floats(name + ".bias", d.bias(), d.outputs())),
          name,
          intAttr("transB", 1));
      done(name, 2);
    } else if (layer instanceof MaxPoolLayer m) {
      node(
          "MaxPool",
          name,
          List.of(x),
          name,
          ints("kernel_shape", m.size(), m.size()),
          ints("strides", m.stride(), m.stride()),
          ints("pads", m.padding(), m.padding(), m.padding(), m.padding()));
      done(name, 4);
    } else if (layer instanceof AvgPoolLayer a) {
      node(
          "AveragePool",
          name,
          List.of(x),
          name,
          ints("kernel_shape", a.size(), a.size()),
          ints("strides", a.stride(), a.stride()),
          ints("pads", a.padding(), a.padding(), a.padding(), a.padding()),
          intAttr("count_include_pad", 1));
      done(name, 4);
    } else if (layer instanceof BatchNormLayer bn) {
      int c = bn.channels();
      node(
          "BatchNormalization",
          name,
          List.of(
              x,
              floats(name + ".scale", bn.gamma(), c),
              floats(name + ".shift", bn.beta(), c),
              floats(name + ".mean", bn.mean(), c),
              floats(name + ".var", bn.variance(), c)),
          name,
          floatAttr("epsilon", bn.epsilon()));
      done(name, rank);
    } else if (layer instanceof ReluLayer r) {
      if (r.ceiling() == null) {
        node("Relu", name, List.of(x), name);
      } else {
        node(
            "Clip",
            name,
            List.of(x, scalar(name + ".min", 0f), scalar(name + ".max", r.ceiling())),
            name);
      }
      done(name, rank);
    } else if (layer instanceof FlattenLayer) {
      node("Flatten", name, List.of(x), name, intAttr("axis", 1));
      done(name, 2);
    } else if (layer instanceof ResidualAddLayer r) {
      node("Add", name, List.of(x, tensorOf.get(r.from())), name);
      done(name, rank);
    } else if (layer instanceof RouteLayer r) {
      route(r);
    } else {
      throw new InvalidInputException(
          "layer '"
              + name
              + "' of kind "
              + layer.getClass().getSimpleName()
              + " has no ONNX counterpart in this exporter");
    }
  }

  /**
   * One source: its tensor, no node; several: Concat on the channels (all images or all vectors).
   */
  private void route(RouteLayer r) {
    if (r.from().size() == 1) {
      tensorOf.put(r.name(), tensorOf.get(r.from().get(0)));
      rankOf.put(r.name(), rankOf.get(r.from().get(0)));
      return;
    }
    int rank = rankOf.get(r.from().get(0));
    List<String> inputs =
        r.from().stream()
            .map(
                from ->
                    rankOf.get(from) == rank
                        ? tensorOf.get(from)
                        : flatten(r.name() + "_" + from + "_flatten", tensorOf.get(from)))
            .toList();
    node("Concat", r.name(), inputs, r.name(), intAttr("axis", 1));
    done(r.name(), rank);
  }

  private String flatten(String name, String x) {
    node("Flatten", name, List.of(x), name, intAttr("axis", 1));
    return name;
  }

  private void done(String layer, int rank) {
    tensorOf.put(layer, layer);
    rankOf.put(layer, rank);
  }

  /**
   * A layer's weight initialiser: float, or INT8 levels with DequantizeLinear for a quantised
   * model.
   */
  private String weights(String layer, float[] w, long[] dims) {
    String name = layer + ".weight";
    Float step = quantized == null ? null : quantized.steps().get(layer);
    if (step == null) {
      graph.addInitializer(floatTensor(name, dims, w));
      return name;
    }
    byte[] levels = new byte[w.length];
    for (int k = 0; k < w.length; k++) {
      int q = Math.round(w[k] / step);
      if (q < -127 || q > 127 || (float) q * step != w[k]) {
        throw new InvalidInputException(
            "weight "
                + k
                + " of layer '"
                + layer
                + "' ("
                + w[k]
                + ") is not on the"
                + " layer's grid of step "
                + step);
      }
      levels[k] = (byte) q;
    }
    TensorProto.Builder q =
        TensorProto.newBuilder()
            .setName(name + ".levels")
            .setDataType(TensorProto.DataType.INT8_VALUE)
            .setRawData(ByteString.copyFrom(levels));
    for (long d : dims) {
      q.addDims(d);
    }
    graph.addInitializer(q);
    graph.addInitializer(floatTensor(name + ".step", new long[0], new float[] {step}));
    graph.addInitializer(
        TensorProto.newBuilder()
            .setName(name + ".zero")
            .setDataType(TensorProto.DataType.INT8_VALUE)
            .setRawData(ByteString.copyFrom(new byte[1])));
    node(
        "DequantizeLinear",
        name + "_dequantize",
        List.of(name + ".levels", name + ".step", name + ".zero"),
        name);
    return name;
  }

  private String floats(String name, float[] values, int n) {
    graph.addInitializer(floatTensor(name, new long[] {n}, values));
    return name;
  }

  private String scalar(String name, float value) {
    graph.addInitializer(floatTensor(name, new long[0], new float[] {value}));
    return name;
  }

  private static TensorProto floatTensor(String name, long[] dims, float[] values) {
    ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    raw.asFloatBuffer().put(values);
    TensorProto.Builder t =
        TensorProto.newBuilder()
            .setName(name)
            .setDataType(TensorProto.DataType.FLOAT_VALUE)
            .setRawData(ByteString.copyFrom(raw.array()));
    for (long d : dims) {
      t.addDims(d);
    }
    return t.build();
  }

  private void node(
      String op, String name, List<String> inputs, String output, AttributeProto... attributes) {
    NodeProto.Builder n =
        NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs).addOutput(output);
    for (AttributeProto a : attributes) {
      n.addAttribute(a);
    }
    graph.addNode(n);
  }

  private static AttributeProto ints(String name, long... values) {
    AttributeProto.Builder a =
        AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (long v : values) {
      a.addInts(v);
    }
    return a.build();
  }

  private static AttributeProto intAttr(String name, long value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.INT)
        .setI(value)
        .build();
  }

  private static AttributeProto floatAttr(String name, float value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.FLOAT)
        .setF(value)
        .build();
  }

  /** A FLOAT tensor of shape {@code [batch, dims...]}, the batch symbolic. */
  private static ValueInfoProto valueInfo(String name, long[] dims) {
    TensorShapeProto.Builder shape =
        TensorShapeProto.newBuilder()
            .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
    for (long d : dims) {
      shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return ValueInfoProto.newBuilder()
        .setName(name)
        .setType(
            TypeProto.newBuilder()
                .setTensorType(
                    TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT_VALUE)
                        .setShape(shape)))
        .build();
  }
}
