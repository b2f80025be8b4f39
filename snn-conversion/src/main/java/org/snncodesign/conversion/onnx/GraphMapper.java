package org.snncodesign.conversion.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.conversion.ann.AnnLayer;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AvgPoolLayer;
import org.snncodesign.conversion.ann.BatchNormLayer;
import org.snncodesign.conversion.ann.Conv2dLayer;
import org.snncodesign.conversion.ann.DenseLayer;
import org.snncodesign.conversion.ann.FlattenLayer;
import org.snncodesign.conversion.ann.MaxPoolLayer;
import org.snncodesign.conversion.ann.ReluLayer;
import org.snncodesign.conversion.ann.ResidualAddLayer;
import org.snncodesign.conversion.ann.RouteLayer;
import org.snncodesign.conversion.ann.TensorShape;
import org.snncodesign.conversion.onnx.proto.OnnxProto.GraphProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.NodeProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.TensorProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.TensorShapeProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.ValueInfoProto;

/**
 * Maps an ONNX graph, any acyclic graph in topological order, onto the layer list of an {@link
 * AnnModel}. Nodes whose inputs are all known at import time are evaluated ({@link ConstantFolder},
 * and {@code Shape} of an activation, whose per-sample dimensions are static); every other node
 * maps onto layers. A layer that reads anything but the previous layer's output is preceded by a
 * {@link RouteLayer}; {@code Concat} becomes a route of several sources, an {@code Add} of two
 * activations a {@link ResidualAddLayer}. Constants multiplied into or added to the output of a
 * convolution or dense layer read by nothing else fold into its weights and bias; elsewhere they
 * become a per-channel affine ({@link BatchNormLayer} with mean 0 and variance 1). A zero {@code
 * Pad} folds into the convolution or average pooling that reads it. Activations are {@code N x C x
 * H x W} or {@code N x F}, PyTorch's layout.
 */
final class GraphMapper {
  /**
   * Operators mapped onto layers, for the error message (constant folding adds {@link
   * ConstantFolder}'s).
   */
  static final List<String> LAYER_OPERATORS =
      List.of(
          "Conv",
          "Gemm",
          "MatMul",
          "Add",
          "Sub",
          "Mul",
          "Div",
          "Relu",
          "Clip",
          "MaxPool",
          "AveragePool",
          "GlobalAveragePool",
          "GlobalMaxPool",
          "ReduceMean",
          "BatchNormalization",
          "Flatten",
          "Reshape",
          "Squeeze",
          "Unsqueeze",
          "Transpose",
          "Concat",
          "Pad",
          "Shape",
          "Dropout",
          "Identity",
          "Softmax",
          "LogSoftmax",
          "Sigmoid");

  /** Activation functions a converted network has no counterpart for. */
  static final Set<String> REFUSED_ACTIVATIONS =
      Set.of(
          "LeakyRelu",
          "PRelu",
          "Elu",
          "Selu",
          "Celu",
          "Tanh",
          "HardSwish",
          "HardSigmoid",
          "Gelu",
          "Mish",
          "Softplus",
          "Softsign",
          "ThresholdedRelu");

  /**
   * Largest activation per sample accepted (floats), so that a hostile file cannot exhaust the
   * heap.
   */
  static final int MAX_ACTIVATION = 1 << 26;

  /**
   * An activation tensor: the layer whose output it is, its per-sample dimensions (without the
   * batch), zero padding a {@code Pad} node left for the next convolution or pool ({@code [top,
   * left, bottom, right]}), and whether the layer's output reaches nothing but this tensor's single
   * reader (so constants may fold into it).
   */
  private record Activation(
      String layer, long[] dims, int[] pads, String padNode, boolean exclusive) {
    boolean padded() {
      return pads[0] != 0 || pads[1] != 0 || pads[2] != 0 || pads[3] != 0;
    }
  }

  private static final int[] NO_PADS = new int[4];

  private final GraphProto graph;
  private final Map<String, ConstantTensor> constants = new HashMap<>();
  private final Map<String, Activation> activations = new HashMap<>();
  private final Map<String, Integer> readers = new HashMap<>();
  private final Set<String> graphOutputs = new HashSet<>();
  private final List<AnnLayer> layers = new ArrayList<>();
  private final Map<String, Integer> layerIndex = new HashMap<>();

  /** The batch dimension of the activations: a fixed size or {@link ConstantTensor#BATCH}. */
  private long batch;

  private String lastLayer = ResidualAddLayer.INPUT;

  /** Arithmetic on the graph input before any layer: a normalisation, not a layer. */
  private final InputAffine inputNormalization = new InputAffine();

  private GraphMapper(GraphProto graph) {
    this.graph = graph;
  }

  static AnnModel map(GraphProto graph, long opset, String modelName, TensorShape inputShape) {
    if (opset != 0 && opset < 7) {
      throw new OnnxImportException(
          "the model uses ONNX opset "
              + opset
              + "; the importer reads opset 7 and"
              + " later (re-export with a newer opset_version)");
    }
    return new GraphMapper(graph).run(modelName, inputShape);
  }

  private AnnModel run(String modelName, TensorShape inputShapeOverride) {
    List<Node> nodes = new ArrayList<>();
    for (NodeProto proto : graph.getNodeList()) {
      Node node = new Node(proto, nodes.size());
      checkOperator(node);
      nodes.add(node);
      for (String in : node.inputs()) {
        readers.merge(in, 1, Integer::sum);
      }
    }
    for (TensorProto t : graph.getInitializerList()) {
      constants.put(t.getName(), TensorDecoder.decode(t, "initializer '" + t.getName() + "'"));
    }
    if (graph.getOutputCount() != 1) {
      throw new OnnxImportException(
          "the graph has "
              + graph.getOutputCount()
              + " outputs; the importer needs"
              + " exactly one (the class scores)");
    }
    String output = graph.getOutput(0).getName();
    graphOutputs.add(output);
    readers.merge(output, 1, Integer::sum);
    ValueInfoProto input = graphInput();
    long[] dims = inputShapeOverride != null ? sampleDims(inputShapeOverride) : inputDims(input);
    activations.put(
        input.getName(), new Activation(ResidualAddLayer.INPUT, dims, NO_PADS, null, false));
    for (Node node : nodes) {
      try {
        visit(node);
      } catch (OnnxImportException e) {
        throw e;
      } catch (IllegalArgumentException | InvalidInputException | ArithmeticException e) {
        throw node.fail(e.getMessage(), e);
      } catch (IndexOutOfBoundsException e) {
        // A malformed node (an empty constant where a value is needed, too few dimensions) reads
        // past an end.
        throw node.fail(
            "malformed node: an input or attribute has fewer values than the operator needs", e);
      }
    }
    Activation result = activations.get(output);
    if (result == null) {
      throw new OnnxImportException(
          "the graph output '"
              + output
              + "' is "
              + (constants.containsKey(output) ? "a constant" : "not produced by any node")
              + "; the importer needs the class scores of the input");
    }
    if (layers.isEmpty()) {
      throw new OnnxImportException("the graph has no layers the importer maps");
    }
    if (!result.layer().equals(lastLayer)) {
      add(new RouteLayer(uniqueName(output + "_route"), List.of(result.layer())));
    }
    return model(modelName, dims);
  }

  private AnnModel model(String modelName, long[] dims) {
    AnnModel model;
    try {
      model = AnnModel.of(modelName, shapeOf(dims), layers);
      if (inputNormalization.changes()) {
        model = model.withInputNormalization(inputNormalization.normalization());
      }
    } catch (IllegalArgumentException | InvalidInputException | ArithmeticException e) {
      throw new OnnxImportException(
          "the imported layers do not form a valid model: " + e.getMessage(), null, null, e);
    }
    for (TensorShape shape : model.shapes()) {
      if (shape.size() > MAX_ACTIVATION) {
        throw new OnnxImportException(
            "an activation of shape "
                + shape
                + " has more than "
                + MAX_ACTIVATION
                + " values per sample; the importer refuses it rather than run out of memory");
      }
    }
    return model;
  }

  private ValueInfoProto graphInput() {
    List<ValueInfoProto> real = new ArrayList<>();
    for (ValueInfoProto v : graph.getInputList()) {
      if (!constants.containsKey(v.getName())) {
        real.add(v); // exporters before IR 4 also list the initializers as inputs
      }
    }
    if (real.size() != 1) {
      throw new OnnxImportException(
          "the graph has "
              + real.size()
              + " non-constant inputs "
              + real.stream().map(ValueInfoProto::getName).toList()
              + "; the importer needs exactly one (the image)");
    }
    ValueInfoProto v = real.get(0);
    int type = v.getType().getTensorType().getElemType();
    if (type != 0 && type != TensorProto.DataType.FLOAT_VALUE) {
      throw new OnnxImportException(
          "graph input '"
              + v.getName()
              + "' has element type "
              + TensorProto.DataType.forNumber(type)
              + ", the importer needs FLOAT");
    }
    return v;
  }

  /** Per-sample dimensions of the graph input; sets the batch dimension. */
  private long[] inputDims(ValueInfoProto v) {
    TensorShapeProto shape = v.getType().getTensorType().getShape();
    int rank = shape.getDimCount();
    String hint = "; pass the sample shape to the importer explicitly";
    if (rank != 4 && rank != 2) {
      throw new OnnxImportException(
          "graph input '"
              + v.getName()
              + "' has rank "
              + rank
              + "; the importer reads"
              + " N x C x H x W or N x F"
              + hint);
    }
    TensorShapeProto.Dimension first = shape.getDim(0);
    batch =
        first.hasDimValue() && first.getDimValue() > 0 ? first.getDimValue() : ConstantTensor.BATCH;
    long[] dims = new long[rank - 1];
    for (int k = 1; k < rank; k++) {
      TensorShapeProto.Dimension d = shape.getDim(k);
      if (!d.hasDimValue() || d.getDimValue() <= 0 || d.getDimValue() > Integer.MAX_VALUE) {
        throw new OnnxImportException(
            "graph input '"
                + v.getName()
                + "' has no fixed size in dimension "
                + k
                + " ("
                + (d.hasDimParam()
                    ? d.getDimParam()
                    : d.hasDimValue() ? d.getDimValue() : "unknown")
                + ")"
                + hint);
      }
      dims[k - 1] = d.getDimValue();
    }
    return dims;
  }

  private long[] sampleDims(TensorShape s) {
    batch = ConstantTensor.BATCH;
    return s.height() == 1 && s.width() == 1
        ? new long[] {s.channels()}
        : new long[] {s.channels(), s.height(), s.width()};
  }

  private static void checkOperator(Node node) {
    if (!node.domain().isEmpty() && !node.domain().equals("ai.onnx")) {
      throw node.fail(
          "operator '"
              + node.opType()
              + "' of domain '"
              + node.domain()
              + "' is not supported; the"
              + " importer reads the default ai.onnx operators "
              + LAYER_OPERATORS);
    }
    if (REFUSED_ACTIVATIONS.contains(node.opType())) {
      throw node.fail(
          node.opType()
              + " has no counterpart in a converted spiking network, whose neurons"
              + " compute a ReLU (or, clipped, ReLU6) of their input as non-negative spike rates or phases; retrain"
              + " with ReLU or ReLU6");
    }
    if (!LAYER_OPERATORS.contains(node.opType())
        && !ConstantFolder.OPERATORS.contains(node.opType())) {
      throw node.fail(
          "unsupported ONNX operator '"
              + node.opType()
              + "' in node '"
              + node.label()
              + "'; supported: "
              + LAYER_OPERATORS
              + " and, on constants, "
              + ConstantFolder.OPERATORS);
    }
  }

  private void visit(Node node) {
    if (ConstantFolder.OPERATORS.contains(node.opType()) && allInputsConstant(node)) {
      List<ConstantTensor> in = new ArrayList<>();
      for (String name : node.inputs()) {
        in.add(name.isEmpty() ? null : constants.get(name));
      }
      constants.put(node.output(), ConstantFolder.fold(node, in));
      return;
    }
    switch (node.opType()) {
      case "Shape" -> shape(node);
      case "Identity", "Dropout" -> alias(node, data(node), data(node).dims());
      case "Softmax", "LogSoftmax", "Sigmoid" -> monotoneOutput(node);
      case "Relu" -> emit(node, new ReluLayer(uniqueName(node.label())), data(node));
      case "Clip" -> clip(node);
      case "Conv" -> conv(node);
      case "Gemm" -> gemm(node);
      case "MatMul" -> matMul(node);
      case "Add", "Sub", "Mul", "Div" -> arithmetic(node);
      case "MaxPool", "AveragePool" -> pool(node);
      case "GlobalAveragePool", "GlobalMaxPool" -> globalPool(node, true);
      case "ReduceMean" -> reduceMean(node);
      case "BatchNormalization" -> batchNorm(node);
      case "Flatten" -> flatten(node);
      case "Reshape" -> reshape(node);
      case "Squeeze", "Unsqueeze" -> squeeze(node);
      case "Transpose" -> transpose(node);
      case "Concat" -> concat(node);
      case "Pad" -> pad(node);
      default -> throw node.fail("operator " + node.opType() + " needs constant inputs here");
    }
  }

  private boolean allInputsConstant(Node node) {
    for (String in : node.inputs()) {
      if (!in.isEmpty() && !constants.containsKey(in)) {
        return false;
      }
    }
    return true;
  }

  // ---- shape and pass-through operators

  /**
   * The dimensions of an activation are static per sample, so its Shape is a constant (batch as a
   * marker).
   */
  private void shape(Node node) {
    long[] full = full(data(node));
    int rank = full.length;
    long start = node.intAttr("start", 0);
    long end = node.intAttr("end", rank);
    int from = (int) Math.max(0, Math.min(rank, start < 0 ? start + rank : start));
    int to = (int) Math.max(from, Math.min(rank, end < 0 ? end + rank : end));
    constants.put(
        node.output(), ConstantTensor.vector(node.output(), Arrays.copyOfRange(full, from, to)));
  }

  /**
   * Softmax, LogSoftmax and Sigmoid are monotone, so as the last node they are dropped, leaving the
   * logits.
   */
  private void monotoneOutput(Node node) {
    if (!graphOutputs.contains(node.output())) {
      throw node.fail(
          node.opType()
              + " is supported only as the last node (it is dropped, leaving logits);"
              + " elsewhere it has no counterpart in a converted spiking network");
    }
    alias(node, data(node), data(node).dims());
  }

  private void flatten(Node node) {
    Activation a = data(node);
    long axis = node.intAttr("axis", 1);
    if (axis != 1 && axis != 1 - (a.dims().length + 1)) {
      throw node.fail(
          "axis = " + axis + " is not supported; only flattening each sample (axis 1) is");
    }
    reshapeTo(node, a, new long[] {shapeOf(a.dims()).size()});
  }

  private void reshape(Node node) {
    Activation a = data(node);
    ConstantTensor target = constant(node, 1, "shape");
    if (target.isFloat() || target.rank() != 1) {
      throw node.fail("the target shape must be a 1-D integer constant, got " + target.shapeText());
    }
    long[] out = Shapes.reshape(node, full(a), target.longs(), node.intAttr("allowzero", 0) != 0);
    reshapeTo(node, a, sample(node, out));
  }

  private void squeeze(Node node) {
    Activation a = data(node);
    List<ConstantTensor> in = new ArrayList<>();
    in.add(null);
    in.add(node.input(1).isEmpty() ? null : constant(node, 1, "axes"));
    long[] axes = ConstantFolder.axes(node, in);
    long[] out =
        node.opType().equals("Squeeze")
            ? Shapes.squeeze(node, full(a), axes)
            : Shapes.unsqueeze(node, full(a), axes);
    reshapeTo(node, a, sample(node, out));
  }

  /** A transpose that only moves size-1 axes keeps every value in place, so it is a reshape. */
  private void transpose(Node node) {
    Activation a = data(node);
    long[] full = full(a);
    long[] perm = node.intsAttr("perm", null);
    if (perm == null || perm.length != full.length || perm[0] != 0) {
      throw node.fail(
          "Transpose with perm "
              + Arrays.toString(perm)
              + " moves the batch axis or reverses all"
              + " axes; only transposes of size-1 axes (no-ops) are supported");
    }
    long previous = -1;
    long[] out = new long[full.length];
    for (int k = 0; k < perm.length; k++) {
      out[k] = full[(int) perm[k]];
      if (out[k] != 1) {
        if (perm[k] < previous) {
          throw node.fail(
              "Transpose with perm "
                  + Arrays.toString(perm)
                  + " of "
                  + Shapes.text(full)
                  + " moves"
                  + " data; only transposes of size-1 axes (no-ops) are supported");
        }
        previous = perm[k];
      }
    }
    reshapeTo(node, a, sample(node, out));
  }

  /** The per-sample part of full dimensions whose first entry must be the batch. */
  private long[] sample(Node node, long[] full) {
    if (full.length == 0 || full[0] != batch) {
      throw node.fail(
          "the result "
              + Shapes.text(full)
              + " does not keep the batch dimension "
              + Shapes.text(new long[] {batch})
              + " first");
    }
    return Arrays.copyOfRange(full, 1, full.length);
  }

  /**
   * Same values in a new layout: nothing to do for the same layer shape, a flatten for image to
   * vector.
   */
  private void reshapeTo(Node node, Activation a, long[] dims) {
    TensorShape from = shapeOf(a.dims());
    TensorShape to = shapeOf(dims);
    if (from.equals(to)) {
      alias(node, a, dims);
    } else if (to.equals(TensorShape.vector(from.size()))) {
      emit(node, new FlattenLayer(uniqueName(node.label())), a, dims);
    } else {
      throw node.fail(
          "reshape of a sample of shape "
              + Shapes.text(a.dims())
              + " to "
              + Shapes.text(dims)
              + " is not supported; flattening each sample, and reshapes that only add or drop size-1 axes, are");
    }
  }

  /** Zero padding waits for the convolution or average pooling that reads it. */
  private void pad(Node node) {
    Activation a = paddedData(node);
    String mode = node.stringAttr("mode", "constant");
    if (!mode.equals("constant")) {
      throw node.fail("mode '" + mode + "' is not supported; only zero (constant) padding is");
    }
    ConstantTensor value = node.input(2).isEmpty() ? null : constant(node, 2, "constant_value");
    float fill = value != null ? (float) value.value(0) : node.floatAttr("value", 0f);
    if (fill != 0f) {
      throw node.fail("padding with " + fill + " is not supported; only zero padding is");
    }
    long[] pads =
        node.input(1).isEmpty() ? node.intsAttr("pads", null) : constant(node, 1, "pads").asLongs();
    int rank = a.dims().length + 1;
    if (pads == null || pads.length != 2 * rank || rank != 4) {
      throw node.fail("pads " + Arrays.toString(pads) + " do not fit an N x C x H x W input");
    }
    if (pads[0] != 0 || pads[1] != 0 || pads[4] != 0 || pads[5] != 0) {
      throw node.fail(
          "pads "
              + Arrays.toString(pads)
              + " pad the batch or channel axis; only height and width"
              + " may be padded");
    }
    int[] total = a.pads().clone();
    long[] sides = {pads[2], pads[3], pads[6], pads[7]};
    for (int k = 0; k < 4; k++) {
      if (sides[k] < 0 || sides[k] > 1 << 20) {
        throw node.fail(
            "pads " + Arrays.toString(pads) + " must be non-negative (cropping is not supported)");
      }
      total[k] += (int) sides[k];
    }
    activations.put(
        node.output(),
        new Activation(
            a.layer(), a.dims(), total, node.label(), a.exclusive() && exclusive(node.output())));
  }

  // ---- layers

  private void clip(Node node) {
    Activation a = data(node);
    float min =
        node.input(1).isEmpty()
            ? node.floatAttr("min", Float.NEGATIVE_INFINITY)
            : (float) constant(node, 1, "min").value(0);
    float max =
        node.input(2).isEmpty()
            ? node.floatAttr("max", Float.POSITIVE_INFINITY)
            : (float) constant(node, 2, "max").value(0);
    if (min != 0f || !(max > 0f)) {
      throw node.fail(
          "Clip("
              + min
              + ", "
              + max
              + ") is supported as a ReLU (min 0) with an optional positive"
              + " ceiling, such as ReLU6 = Clip(0, 6)");
    }
    emit(node, new ReluLayer(uniqueName(node.label()), Float.isInfinite(max) ? null : max), a);
  }

  private void conv(Node node) {
    Activation a = paddedData(node);
    requireImage(node, a);
    ConstantTensor w = constant(node, 1, "W");
    ConstantTensor b = node.input(2).isEmpty() ? null : constant(node, 2, "B");
    if (w.rank() != 4) {
      throw node.fail(
          "only 2-D convolutions are supported; weight '"
              + w.name()
              + "' has shape "
              + w.shapeText());
    }
    requireFloat(node, w);
    int out = positive(node, w, 0);
    int kh = positive(node, w, 2);
    int kw = positive(node, w, 3);
    long groups = node.intAttr("group", 1);
    long[] kernel = node.intsAttr("kernel_shape", null);
    if (kernel != null && (kernel.length != 2 || kernel[0] != kh || kernel[1] != kw)) {
      throw node.fail(
          "kernel_shape " + Arrays.toString(kernel) + " does not match weight " + w.shapeText());
    }
    int inChannels = (int) a.dims()[0];
    if (groups <= 0 || w.dims()[1] * groups != inChannels) {
      throw node.fail(
          "weight '"
              + w.name()
              + "' of shape "
              + w.shapeText()
              + " with group = "
              + groups
              + " does not fit "
              + inChannels
              + " input channels");
    }
    node.requireAll("dilations", 1);
    float[] bias = b == null ? new float[out] : values(node, b, out, "B");
    int padding = symmetric(node, a, ownPads(node));
    emit(
        node,
        new Conv2dLayer(
            uniqueName(node.label()),
            inChannels,
            out,
            kh,
            kw,
            uniform(node, "strides", 1),
            padding,
            (int) groups,
            w.floats().clone(),
            bias),
        a);
  }

  private void gemm(Node node) {
    Activation a = data(node);
    requireFlat(node, a);
    if (node.intAttr("transA", 0) != 0) {
      throw node.fail("transA = 1 is not supported (the activation must be A, not transposed)");
    }
    ConstantTensor b = constant(node, 1, "B");
    requireFloat(node, b);
    if (b.rank() != 2) {
      throw node.fail("B must be 2-D, got " + b.shapeText());
    }
    boolean transB = node.intAttr("transB", 0) != 0;
    int inputs = positive(node, b, transB ? 1 : 0);
    int outputs = positive(node, b, transB ? 0 : 1);
    requireInputs(node, a, inputs);
    float alpha = node.floatAttr("alpha", 1f);
    float beta = node.floatAttr("beta", 1f);
    float[] bias = new float[outputs];
    if (!node.input(2).isEmpty()) {
      float[] c = values(node, constant(node, 2, "C"), outputs, "C");
      for (int o = 0; o < outputs; o++) {
        bias[o] = beta * c[o];
      }
    }
    emit(
        node,
        new DenseLayer(
            uniqueName(node.label()),
            inputs,
            outputs,
            denseWeights(b.floats(), inputs, outputs, transB, alpha),
            bias),
        a);
  }

  private void matMul(Node node) {
    Activation a = data(node);
    requireFlat(node, a);
    ConstantTensor b = constant(node, 1, "B");
    requireFloat(node, b);
    if (b.rank() != 2) {
      throw node.fail("the weight must be 2-D ([in, out]), got " + b.shapeText());
    }
    int inputs = positive(node, b, 0);
    int outputs = positive(node, b, 1);
    requireInputs(node, a, inputs);
    emit(
        node,
        new DenseLayer(
            uniqueName(node.label()),
            inputs,
            outputs,
            denseWeights(b.floats(), inputs, outputs, false, 1f),
            new float[outputs]),
        a);
  }

  /**
   * Row-major {@code [out][in]} from ONNX's {@code B} ({@code [in][out]}, or {@code [out][in]} if
   * transposed).
   */
  private static float[] denseWeights(
      float[] b, int inputs, int outputs, boolean transposed, float alpha) {
    float[] w = new float[inputs * outputs];
    for (int o = 0; o < outputs; o++) {
      for (int i = 0; i < inputs; i++) {
        w[o * inputs + i] = alpha * (transposed ? b[o * inputs + i] : b[i * outputs + o]);
      }
    }
    return w;
  }

  private void pool(Node node) {
    boolean max = node.opType().equals("MaxPool");
    Activation a = paddedData(node);
    requireImage(node, a);
    if (node.outputs().size() > 1 && !node.outputs().get(1).isEmpty()) {
      throw node.fail("the Indices output of MaxPool is not supported");
    }
    long[] kernel = node.intsAttr("kernel_shape", null);
    if (kernel == null
        || kernel.length != 2
        || kernel[0] != kernel[1]
        || kernel[0] <= 0
        || kernel[0] > 1 << 20) {
      throw node.fail(
          "kernel_shape "
              + (kernel == null ? "missing" : Arrays.toString(kernel))
              + "; square 2-D windows are supported");
    }
    int size = (int) kernel[0];
    int stride = uniform(node, "strides", 1);
    node.requireAll("dilations", 1);
    int[] own = ownPads(node);
    boolean ownPadding = own[0] != 0 || own[1] != 0 || own[2] != 0 || own[3] != 0;
    if (max && a.padded()) {
      throw node.fail(
          "zero padding from Pad node '"
              + a.padNode()
              + "' before max pooling is not supported"
              + " (MaxPool's own pads, which never win the maximum, are)");
    }
    if (!max && ownPadding && node.intAttr("count_include_pad", 0) == 0) {
      throw node.fail(
          "padded average pooling that leaves the padding out of the count (count_include_pad = 0)"
              + " is not supported; export with count_include_pad = True");
    }
    int padding = symmetric(node, a, own);
    if (node.intAttr("ceil_mode", 0) != 0) {
      // ceil_mode only differs from floor when a partial window is left over.
      long h = a.dims()[1] + 2L * padding - size;
      long w = a.dims()[2] + 2L * padding - size;
      if (h < 0 || w < 0 || h % stride != 0 || w % stride != 0) {
        throw node.fail("ceil_mode = 1 with a partial last window is not supported");
      }
    }
    String name = uniqueName(node.label());
    emit(
        node,
        max
            ? new MaxPoolLayer(name, size, stride, padding)
            : new AvgPoolLayer(name, size, stride, padding),
        a);
  }

  private void globalPool(Node node, boolean keepDims) {
    Activation a = data(node);
    requireImage(node, a);
    long h = a.dims()[1];
    if (h != a.dims()[2]) {
      throw node.fail(
          node.opType()
              + " over a non-square "
              + Shapes.text(a.dims())
              + " input is not supported");
    }
    String name = uniqueName(node.label());
    AnnLayer layer =
        node.opType().equals("GlobalMaxPool")
            ? new MaxPoolLayer(name, (int) h, (int) h)
            : new AvgPoolLayer(name, (int) h, (int) h);
    long c = a.dims()[0];
    emit(node, layer, a, keepDims ? new long[] {c, 1, 1} : new long[] {c});
  }

  /** The mean over height and width is global average pooling. */
  private void reduceMean(Node node) {
    Activation a = data(node);
    long[] axes =
        node.input(1).isEmpty() ? node.intsAttr("axes", null) : constant(node, 1, "axes").asLongs();
    boolean spatial =
        axes != null
            && axes.length == 2
            && a.dims().length == 3
            && Set.of(2L, 3L)
                .equals(
                    Set.of(
                        axes[0] < 0 ? axes[0] + 4 : axes[0], axes[1] < 0 ? axes[1] + 4 : axes[1]));
    if (!spatial) {
      throw node.fail(
          "ReduceMean over axes "
              + Arrays.toString(axes)
              + " is not supported; the mean over height"
              + " and width (axes [2, 3], global average pooling) is");
    }
    globalPool(node, node.intAttr("keepdims", 1) != 0);
  }

  private void batchNorm(Node node) {
    Activation a = data(node);
    if (node.intAttr("training_mode", 0) != 0) {
      throw node.fail("training_mode = 1 is not supported; export the model in eval() mode");
    }
    if (node.intAttr("spatial", 1) != 1) {
      throw node.fail("spatial = 0 (per-element statistics) is not supported");
    }
    for (int k = 1; k < node.outputs().size(); k++) {
      if (!node.outputs().get(k).isEmpty()) {
        throw node.fail("training outputs (running mean/variance) are not supported");
      }
    }
    if (node.inputs().size() != 5) {
      throw node.fail(
          "BatchNormalization needs 5 inputs (X, scale, B, mean, var), it has "
              + node.inputs().size());
    }
    int channels = (int) a.dims()[0];
    float[][] p = new float[4][];
    String[] roles = {"scale", "B", "mean", "var"};
    for (int k = 0; k < 4; k++) {
      p[k] = values(node, constant(node, k + 1, roles[k]), channels, roles[k]);
    }
    emit(
        node,
        new BatchNormLayer(
            uniqueName(node.label()),
            channels,
            p[0],
            p[1],
            p[2],
            p[3],
            node.floatAttr("epsilon", 1e-5f)),
        a);
  }

  /** Concatenation of activations along the channels: a route of several sources. */
  private void concat(Node node) {
    List<String> sources = new ArrayList<>();
    long[] first = null;
    long channels = 0;
    for (String in : node.inputs()) {
      Activation a = activation(node, in);
      long[] d = a.dims();
      if (first == null) {
        first = d;
        long axis = node.intAttr("axis", 0);
        if (axis != 1 && axis != 1 - (d.length + 1)) {
          throw node.fail(
              "concatenation on axis "
                  + axis
                  + " is not supported; on the channels (axis 1) it is");
        }
      } else if (d.length != first.length
          || !Arrays.equals(
              Arrays.copyOfRange(d, 1, d.length), Arrays.copyOfRange(first, 1, first.length))) {
        throw node.fail(
            "input '"
                + in
                + "' of shape "
                + Shapes.text(d)
                + " does not concatenate with "
                + Shapes.text(first)
                + " along the channels");
      }
      channels += d[0];
      sources.add(a.layer());
    }
    long[] dims = first.clone();
    dims[0] = channels;
    add(new RouteLayer(uniqueName(node.label()), sources));
    activations.put(node.output(), new Activation(lastLayer, dims, NO_PADS, null, false));
  }

  /**
   * Add, Sub, Mul and Div: of two activations only Add (a residual connection); with a constant,
   * folded into the convolution or dense layer that produced the activation when nothing else reads
   * it, else a per-channel affine layer.
   */
  private void arithmetic(Node node) {
    String op = node.opType();
    String x = node.input(0);
    String y = node.input(1);
    boolean constX = constants.containsKey(x);
    boolean constY = constants.containsKey(y);
    if (!constX && !constY) {
      if (!op.equals("Add")) {
        throw node.fail(
            op
                + " of two activations has no counterpart in the ANN description; Add (a residual"
                + " connection) is supported");
      }
      residual(node, activation(node, x), activation(node, y));
      return;
    }
    if (constX && (op.equals("Sub") || op.equals("Div"))) {
      throw node.fail(
          "a constant "
              + (op.equals("Sub") ? "minus" : "divided by")
              + " an activation is not"
              + " supported; the activation must come first");
    }
    Activation a = activation(node, constX ? y : x);
    requireUnpadded(node, a);
    if (layers.isEmpty()
        && a.layer().equals(ResidualAddLayer.INPUT)
        && exclusive(constX ? y : x)
        && inputNormalization.compose(
            node, channelValues(node, constants.get(constX ? x : y), a))) {
      alias(node, a, a.dims());
      return;
    }
    float[] c = channelValues(node, constants.get(constX ? x : y), a);
    float[] scale = new float[c.length];
    float[] shift = new float[c.length];
    for (int k = 0; k < c.length; k++) {
      scale[k] =
          switch (op) {
            case "Mul" -> c[k];
            case "Div" -> 1f / c[k];
            default -> 1f;
          };
      shift[k] =
          switch (op) {
            case "Add" -> c[k];
            case "Sub" -> -c[k];
            default -> 0f;
          };
    }
    if (a.exclusive() && foldAffine(node, a, op, c)) {
      return;
    }
    emit(
        node,
        new BatchNormLayer(
            uniqueName(node.label()),
            c.length,
            scale,
            shift,
            new float[c.length],
            filled(c.length, 1f),
            0f),
        a);
  }

  private void residual(Node node, Activation a, Activation b) {
    requireUnpadded(node, a);
    requireUnpadded(node, b);
    if (!shapeOf(a.dims()).equals(shapeOf(b.dims()))) {
      throw node.fail(
          "adds a tensor of shape "
              + Shapes.text(a.dims())
              + " to one of shape "
              + Shapes.text(b.dims())
              + "; broadcasting adds of two activations are not supported");
    }
    Activation chain = b.layer().equals(lastLayer) ? b : a;
    Activation skip = chain == a ? b : a;
    emit(node, new ResidualAddLayer(uniqueName(node.label()), skip.layer()), chain);
  }

  /**
   * Folds {@code y = x (op) c} into the convolution or dense layer whose output {@code x} is: Mul
   * and Div scale its weights and bias per output channel, Add and Sub shift its bias. Returns
   * false when {@code x} is not such a layer's output.
   */
  private boolean foldAffine(Node node, Activation a, String op, float[] c) {
    Integer index = layerIndex.get(a.layer());
    AnnLayer layer = index == null ? null : layers.get(index);
    float[] weights;
    float[] bias;
    if (layer instanceof Conv2dLayer conv) {
      weights = conv.weights().clone();
      bias = conv.bias().clone();
    } else if (layer instanceof DenseLayer dense) {
      weights = dense.weights().clone();
      bias = dense.bias().clone();
    } else {
      return false;
    }
    int perChannel = weights.length / bias.length;
    for (int o = 0; o < bias.length; o++) {
      switch (op) {
        case "Mul", "Div" -> {
          for (int k = o * perChannel; k < (o + 1) * perChannel; k++) {
            weights[k] = op.equals("Mul") ? weights[k] * c[o] : weights[k] / c[o];
          }
          bias[o] = op.equals("Mul") ? bias[o] * c[o] : bias[o] / c[o];
        }
        case "Add" -> bias[o] += c[o];
        case "Sub" -> bias[o] -= c[o];
        default -> throw node.fail("operator " + op + " does not fold");
      }
    }
    layers.set(
        index,
        layer instanceof Conv2dLayer conv
            ? conv.withParameters(weights, bias)
            : new DenseLayer(
                layer.name(), ((DenseLayer) layer).inputs(), bias.length, weights, bias));
    activations.put(
        node.output(),
        new Activation(a.layer(), a.dims(), NO_PADS, null, exclusive(node.output())));
    return true;
  }

  /**
   * The per-channel values of a constant combined with activation {@code a}: a scalar, or one value
   * per channel ({@code [C, 1, 1]}, {@code [1, C, 1, 1]} for images; {@code [F]}, {@code [1, F]}
   * for vectors).
   */
  private float[] channelValues(Node node, ConstantTensor c, Activation a) {
    int channels = (int) a.dims()[0];
    long[] full = full(a);
    float[] v = c.asFloats();
    if (c.elements() == 1 && c.rank() <= full.length) {
      return filled(channels, v[0]);
    }
    boolean perChannel = c.rank() <= full.length && c.elements() == channels;
    for (int j = 0; perChannel && j < c.rank(); j++) {
      int axis = j + full.length - c.rank();
      perChannel = axis == 1 ? c.dims()[j] == channels : c.dims()[j] == 1;
    }
    if (!perChannel) {
      throw node.fail(
          "constant '"
              + c.name()
              + "' of shape "
              + c.shapeText()
              + " does not broadcast per channel"
              + " over an activation of shape "
              + Shapes.text(full)
              + "; scalars and per-channel constants are"
              + " supported");
    }
    TensorDecoder.requireFinite(
        ConstantTensor.ofFloats(c.name(), c.dims(), v),
        "node '" + node.label() + "' (" + node.opType() + ")");
    return v;
  }

  // ---- emission

  /** Adds {@code layer} reading activation {@code in}; the output keeps the layer's shape. */
  private void emit(Node node, AnnLayer layer, Activation in) {
    TensorShape out = layer.outputShape(shapeOf(in.dims()));
    long[] dims =
        in.dims().length == 3 || layer instanceof Conv2dLayer
            ? new long[] {out.channels(), out.height(), out.width()}
            : new long[] {out.size()};
    emit(node, layer, in, dims);
  }

  private void emit(Node node, AnnLayer layer, Activation in, long[] dims) {
    if (!in.layer().equals(lastLayer)) {
      add(new RouteLayer(uniqueName(node.label() + "_route"), List.of(in.layer())));
    }
    add(layer);
    activations.put(
        node.output(), new Activation(layer.name(), dims, NO_PADS, null, exclusive(node.output())));
  }

  private void alias(Node node, Activation a, long[] dims) {
    activations.put(
        node.output(),
        new Activation(
            a.layer(), dims, a.pads(), a.padNode(), a.exclusive() && exclusive(node.output())));
  }

  private void add(AnnLayer layer) {
    layerIndex.put(layer.name(), layers.size());
    layers.add(layer);
    lastLayer = layer.name();
  }

  /** True when {@code tensor} has exactly one reader and is not the graph output. */
  private boolean exclusive(String tensor) {
    return readers.getOrDefault(tensor, 0) == 1 && !graphOutputs.contains(tensor);
  }

  private String uniqueName(String base) {
    String name = base;
    for (int k = 2; layerIndex.containsKey(name) || name.equals(ResidualAddLayer.INPUT); k++) {
      name = base + "_" + k;
    }
    return name;
  }

  // ---- inputs and checks

  /** The data input (input 0), an activation without pending padding. */
  private Activation data(Node node) {
    Activation a = paddedData(node);
    requireUnpadded(node, a);
    return a;
  }

  private Activation paddedData(Node node) {
    if (node.input(0).isEmpty()) {
      throw node.fail("the node has no data input");
    }
    return activation(node, node.input(0));
  }

  private Activation activation(Node node, String name) {
    Activation a = activations.get(name);
    if (a == null) {
      throw node.fail(
          constants.containsKey(name)
              ? "input '" + name + "' is a constant where the importer needs" + " an activation"
              : "input '"
                  + name
                  + "' is not produced by an earlier node (the graph must be in"
                  + " topological order)");
    }
    return a;
  }

  private void requireUnpadded(Node node, Activation a) {
    if (a.padded()) {
      throw node.fail(
          "reads the zero padding of Pad node '"
              + a.padNode()
              + "'; a Pad is supported only right"
              + " before a Conv or AveragePool, which take it over");
    }
  }

  private ConstantTensor constant(Node node, int k, String role) {
    String name = node.input(k);
    if (name.isEmpty()) {
      throw node.fail("input " + role + " is missing");
    }
    ConstantTensor t = constants.get(name);
    if (t == null) {
      throw node.fail(
          "input " + role + " ('" + name + "') must be an initializer or a constant expression");
    }
    return t;
  }

  /** A float constant with {@code n} values (any layout), copied. */
  private static float[] values(Node node, ConstantTensor t, int n, String role) {
    requireFloat(node, t);
    if (t.elements() != n) {
      throw node.fail(
          role + " '" + t.name() + "' has shape " + t.shapeText() + ", expected " + n + " values");
    }
    return t.floats().clone();
  }

  private static void requireFloat(Node node, ConstantTensor t) {
    if (!t.isFloat()) {
      throw node.fail("tensor '" + t.name() + "' must be floating point, it holds integers");
    }
  }

  private static void requireImage(Node node, Activation a) {
    if (a.dims().length != 3) {
      throw node.fail(
          node.opType() + " needs an N x C x H x W input, it gets N x " + Shapes.text(a.dims()));
    }
  }

  private static void requireFlat(Node node, Activation a) {
    if (a.dims().length != 1) {
      throw node.fail(
          node.opType()
              + " needs a 2-D (N x F) input, it gets N x "
              + Shapes.text(a.dims())
              + "; flatten first");
    }
  }

  private static void requireInputs(Node node, Activation a, int inputs) {
    if (a.dims()[0] != inputs) {
      throw node.fail("the weight expects " + inputs + " inputs, the input has " + a.dims()[0]);
    }
  }

  private static int positive(Node node, ConstantTensor t, int k) {
    long d = t.dims()[k];
    if (d <= 0 || d > Integer.MAX_VALUE) {
      throw node.fail("tensor '" + t.name() + "' has dimension " + d + " in " + t.shapeText());
    }
    return (int) d;
  }

  /** The one value of a per-axis attribute that must be the same on both axes. */
  private static int uniform(Node node, String name, int fallback) {
    long[] v = node.intsAttr(name, null);
    if (v == null) {
      return fallback;
    }
    if (v.length != 2 || v[0] != v[1] || v[0] <= 0 || v[0] > 1 << 20) {
      throw node.fail(
          name
              + " "
              + Arrays.toString(v)
              + " is not supported; equal positive values on both axes"
              + " are");
    }
    return (int) v[0];
  }

  /**
   * The node's own padding {@code [top, left, bottom, right]} from {@code auto_pad} and {@code
   * pads}.
   */
  private static int[] ownPads(Node node) {
    String mode = node.stringAttr("auto_pad", "NOTSET");
    if (!mode.equals("NOTSET") && !mode.equals("VALID") && !mode.isEmpty()) {
      throw node.fail("auto_pad = " + mode + " is not supported; export with explicit pads");
    }
    long[] pads = node.intsAttr("pads", null);
    if (pads == null || mode.equals("VALID")) {
      return NO_PADS;
    }
    if (pads.length != 4) {
      throw node.fail("pads " + Arrays.toString(pads) + " do not fit a 2-D window");
    }
    int[] p = new int[4];
    for (int k = 0; k < 4; k++) {
      if (pads[k] < 0 || pads[k] > 1 << 20) {
        throw node.fail("pads " + Arrays.toString(pads) + " must be non-negative");
      }
    }
    // ONNX orders pads [top, left, bottom, right] (begin of each axis, then end of each).
    p[0] = (int) pads[0];
    p[1] = (int) pads[1];
    p[2] = (int) pads[2];
    p[3] = (int) pads[3];
    return p;
  }

  /**
   * The node's own padding plus the pending zero padding of a Pad, which must be the same on every
   * side.
   */
  private static int symmetric(Node node, Activation a, int[] own) {
    int[] total = new int[4];
    for (int k = 0; k < 4; k++) {
      total[k] = own[k] + a.pads()[k];
    }
    if (total[0] != total[1] || total[0] != total[2] || total[0] != total[3]) {
      throw node.fail(
          "padding "
              + Arrays.toString(total)
              + " ([top, left, bottom, right]"
              + (a.padded() ? ", with Pad node '" + a.padNode() + "'" : "")
              + ") is not supported; the same padding"
              + " on every side is");
    }
    return total[0];
  }

  /** The activation's dimensions with the batch in front. */
  private long[] full(Activation a) {
    long[] full = new long[a.dims().length + 1];
    full[0] = batch;
    System.arraycopy(a.dims(), 0, full, 1, a.dims().length);
    return full;
  }

  /**
   * Layer shape of per-sample dimensions: {@code C x H x W} for rank 3, else a vector of all
   * values.
   */
  private static TensorShape shapeOf(long[] dims) {
    long size = 1;
    for (long d : dims) {
      if (d <= 0 || d > Integer.MAX_VALUE) {
        throw new InvalidInputException(
            "dimension " + d + " of " + Shapes.text(dims) + " is not a positive size");
      }
      size = Math.multiplyExact(size, d);
    }
    if (size > MAX_ACTIVATION) {
      throw new InvalidInputException(
          "a sample of shape "
              + Shapes.text(dims)
              + " has more than "
              + MAX_ACTIVATION
              + " values; the importer refuses it rather than run out of memory");
    }
    return dims.length == 3
        ? new TensorShape((int) dims[0], (int) dims[1], (int) dims[2])
        : TensorShape.vector((int) size);
  }

  private static float[] filled(int n, float value) {
    float[] v = new float[n];
    Arrays.fill(v, value);
    return v;
  }
}
