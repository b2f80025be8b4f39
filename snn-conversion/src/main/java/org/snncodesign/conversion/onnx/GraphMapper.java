package org.snncodesign.conversion.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
import org.snncodesign.conversion.ann.TensorShape;

/**
 * Maps a decoded ONNX graph onto the layer sequence of an {@link AnnModel}. The graph must be a chain from its
 * single input to its single output, where an {@code Add} of two activations may read one earlier tensor (a
 * residual connection); a bias {@code Add} right after {@code MatMul}, {@code Gemm} or {@code Conv} is folded
 * into that layer's bias, and {@code Constant} nodes feed weights and shapes. Tensor layout is the one PyTorch
 * exports: {@code N x C x H x W} activations, {@code [out][in][kh][kw]} convolution weights.
 */
final class GraphMapper {
  /** Operators the mapper accepts, for the error message. */
  static final List<String> SUPPORTED = List.of("Conv", "Gemm", "MatMul", "Add", "Relu", "MaxPool",
      "AveragePool", "GlobalAveragePool", "GlobalMaxPool", "BatchNormalization", "Flatten", "Reshape",
      "Dropout", "Identity", "Constant", "Softmax", "LogSoftmax");

  /** Largest activation per sample accepted (floats), so that a hostile file cannot exhaust the heap. */
  static final int MAX_ACTIVATION = 1 << 26;

  /** An activation tensor: the layer that produced it, its per-sample shape, and whether it is 2-D (N x F). */
  private record Value(String layer, TensorShape shape, boolean flat) {}

  private final OnnxGraph graph;
  private final Map<String, OnnxTensor> constants = new HashMap<>();
  private final Map<String, Value> values = new HashMap<>();
  private final List<AnnLayer> layers = new ArrayList<>();
  private final Set<String> layerNames = new HashSet<>();
  private final Set<String> graphOutputs = new HashSet<>();
  /** Output tensor of the last layer that may take a following bias Add, or null. */
  private String biasable;
  private String current;

  private GraphMapper(OnnxGraph graph) {
    this.graph = graph;
  }

  static AnnModel map(OnnxGraph graph, String modelName, TensorShape inputShape) {
    return new GraphMapper(graph).run(modelName, inputShape);
  }

  private AnnModel run(String modelName, TensorShape inputShapeOverride) {
    if (graph.opset() != 0 && graph.opset() < 7) {
      throw new OnnxImportException("the model uses ONNX opset " + graph.opset() + "; the importer reads opset 7"
          + " and later (re-export with a newer opset_version)");
    }
    // An operator the importer cannot map is the first thing a user needs to hear about, before any shape issue.
    for (OnnxNode node : graph.nodes()) {
      checkOperator(node);
    }
    constants.putAll(graph.initializers());
    layerNames.add(ResidualAddLayer.INPUT);
    OnnxValueInfo input = graphInput();
    TensorShape inputShape = inputShapeOverride != null ? inputShapeOverride : shapeOf(input);
    boolean flatInput = inputShapeOverride != null ? inputShape.height() == 1 && inputShape.width() == 1
        : input.dims().length == 2;
    current = input.name();
    values.put(current, new Value(ResidualAddLayer.INPUT, inputShape, flatInput));
    if (graph.outputs().size() != 1) {
      throw new OnnxImportException("the graph has " + graph.outputs().size() + " outputs; the importer needs"
          + " exactly one (the class scores)");
    }
    for (OnnxValueInfo v : graph.outputs()) {
      graphOutputs.add(v.name());
    }
    for (int i = 0; i < graph.nodes().size(); i++) {
      OnnxNode node = graph.nodes().get(i);
      try {
        visit(node, i);
      } catch (OnnxImportException e) {
        throw e;
      } catch (IllegalArgumentException | InvalidInputException | ArithmeticException e) {
        throw fail(node, e.getMessage(), e);
      }
    }
    String output = graph.outputs().get(0).name();
    if (!output.equals(current)) {
      throw new OnnxImportException("the graph output '" + output + "' is not the end of the layer chain (which"
          + " ends at '" + current + "')");
    }
    if (layers.isEmpty()) {
      throw new OnnxImportException("the graph has no layers the importer maps");
    }
    AnnModel model;
    try {
      model = AnnModel.of(modelName, inputShape, layers);
    } catch (IllegalArgumentException | InvalidInputException | ArithmeticException e) {
      throw new OnnxImportException("the imported layers do not form a valid model: " + e.getMessage(), null,
          null, e);
    }
    for (TensorShape shape : model.shapes()) {
      if (shape.size() > MAX_ACTIVATION) {
        throw new OnnxImportException("an activation of shape " + shape + " has more than " + MAX_ACTIVATION
            + " values per sample; the importer refuses it rather than run out of memory");
      }
    }
    return model;
  }

  private OnnxValueInfo graphInput() {
    List<OnnxValueInfo> real = new ArrayList<>();
    for (OnnxValueInfo v : graph.inputs()) {
      if (!graph.initializers().containsKey(v.name())) {
        real.add(v); // exporters before IR 4 also list the initializers as inputs
      }
    }
    if (real.size() != 1) {
      throw new OnnxImportException("the graph has " + real.size() + " non-constant inputs "
          + real.stream().map(OnnxValueInfo::name).toList() + "; the importer needs exactly one (the image)");
    }
    OnnxValueInfo v = real.get(0);
    if (v.elemType() != 0 && v.elemType() != ProtoReader.FLOAT) {
      throw new OnnxImportException("graph input '" + v.name() + "' has element type "
          + ProtoReader.dataTypeName(v.elemType()) + ", the importer needs FLOAT");
    }
    return v;
  }

  private static TensorShape shapeOf(OnnxValueInfo v) {
    long[] d = v.dims();
    String hint = "; pass the sample shape to the importer explicitly";
    if (d == null || (d.length != 4 && d.length != 2)) {
      throw new OnnxImportException("graph input '" + v.name() + "' has shape "
          + (d == null ? "unknown" : Arrays.toString(d)) + "; the importer reads N x C x H x W or N x F" + hint);
    }
    for (int k = 1; k < d.length; k++) {
      if (d[k] <= 0 || d[k] > Integer.MAX_VALUE) {
        throw new OnnxImportException("graph input '" + v.name() + "' has no fixed size in dimension " + k
            + " of " + Arrays.toString(d) + hint);
      }
    }
    return d.length == 4 ? new TensorShape((int) d[1], (int) d[2], (int) d[3]) : TensorShape.vector((int) d[1]);
  }

  private static void checkOperator(OnnxNode node) {
    if (!node.domain().isEmpty() && !node.domain().equals("ai.onnx")) {
      throw fail(node, "operator '" + node.opType() + "' of domain '" + node.domain() + "' is not supported; the"
          + " importer reads the default ai.onnx operators " + SUPPORTED);
    }
    if (!SUPPORTED.contains(node.opType())) {
      throw fail(node, "unsupported ONNX operator '" + node.opType() + "' in node '" + node.label()
          + "'; supported: " + SUPPORTED);
    }
  }

  private void visit(OnnxNode node, int index) {
    if (node.outputs().isEmpty() || node.outputs().get(0).isEmpty()) {
      throw fail(node, "the node has no output");
    }
    switch (node.opType()) {
      case "Constant" -> constant(node);
      case "Identity", "Dropout" -> alias(node);
      case "Softmax", "LogSoftmax" -> {
        // Monotone per sample: the class order, hence the prediction, is that of the logits, which the ANN
        // description outputs; so a final softmax is dropped, anywhere else it would change the function.
        if (!graphOutputs.contains(node.outputs().get(0))) {
          throw fail(node, node.opType() + " is supported only as the last node (it is dropped, leaving logits)");
        }
        alias(node);
      }
      case "Relu" -> emit(node, new ReluLayer(layerName(node, index)), dataInput(node), false);
      case "Conv" -> conv(node, index);
      case "Gemm" -> gemm(node, index);
      case "MatMul" -> matMul(node, index);
      case "Add" -> add(node, index);
      case "MaxPool", "AveragePool" -> pool(node, index);
      case "GlobalAveragePool", "GlobalMaxPool" -> globalPool(node, index);
      case "BatchNormalization" -> batchNorm(node, index);
      case "Flatten" -> flatten(node, index);
      case "Reshape" -> reshape(node, index);
      default -> throw new AssertionError("operator " + node.opType() + " passed checkOperator");
    }
  }

  // ---- operators

  private void constant(OnnxNode node) {
    OnnxAttribute value = node.attributes().get("value");
    String out = node.outputs().get(0);
    if (value != null && value.t() != null) {
      constants.put(out, value.t());
      return;
    }
    OnnxAttribute ints = node.attributes().get("value_ints");
    OnnxAttribute floats = node.attributes().get("value_floats");
    OnnxAttribute i = node.attributes().get("value_int");
    OnnxAttribute f = node.attributes().get("value_float");
    if (ints != null) {
      constants.put(out, new OnnxTensor(out, new long[] {ints.ints().length}, ProtoReader.INT64, null,
          ints.ints()));
    } else if (floats != null) {
      constants.put(out, new OnnxTensor(out, new long[] {floats.floats().length}, ProtoReader.FLOAT,
          floats.floats(), null));
    } else if (i != null) {
      constants.put(out, new OnnxTensor(out, new long[0], ProtoReader.INT64, null, new long[] {i.i()}));
    } else if (f != null) {
      constants.put(out, new OnnxTensor(out, new long[0], ProtoReader.FLOAT, new float[] {f.f()}, null));
    } else {
      throw fail(node, "Constant without a tensor, float(s) or int(s) value is not supported");
    }
  }

  /** Passes the data input through unchanged: the output names the same layer's values. */
  private void alias(OnnxNode node) {
    String in = dataInput(node);
    Value v = values.get(in);
    String out = node.outputs().get(0);
    values.put(out, v);
    if (in.equals(biasable)) {
      biasable = out;
    }
    current = out;
  }

  private void conv(OnnxNode node, int index) {
    String x = dataInput(node);
    Value in = values.get(x);
    requireImage(node, in);
    OnnxTensor w = constantInput(node, 1, "W");
    OnnxTensor b = node.inputs().size() > 2 && !node.inputs().get(2).isEmpty() ? constantInput(node, 2, "B")
        : null;
    if (w.dims().length != 4) {
      throw fail(node, "only 2-D convolutions are supported; weight '" + w.name() + "' has shape "
          + w.shapeText());
    }
    requireFloat(node, w);
    int out = dim(node, w, 0);
    int inChannels = dim(node, w, 1);
    int kh = dim(node, w, 2);
    int kw = dim(node, w, 3);
    long group = intAttr(node, "group", 1);
    if (group != 1) {
      throw fail(node, "group = " + group + " (grouped or depthwise convolution) is not supported");
    }
    requireAll(node, "dilations", 1);
    long[] kernel = intsAttr(node, "kernel_shape", null);
    if (kernel != null && !Arrays.equals(kernel, new long[] {kh, kw})) {
      throw fail(node, "kernel_shape " + Arrays.toString(kernel) + " disagrees with the weight shape "
          + w.shapeText());
    }
    int stride = uniform(node, "strides", 1);
    int padding = padding(node);
    if (inChannels != in.shape().channels()) {
      throw fail(node, "weight '" + w.name() + "' expects " + inChannels + " input channels, the input has "
          + in.shape());
    }
    float[] bias = new float[out];
    if (b != null) {
      requireFloat(node, b);
      requireElements(node, b, out, "bias");
      System.arraycopy(b.floats(), 0, bias, 0, out);
    }
    Conv2dLayer layer = new Conv2dLayer(layerName(node, index), inChannels, out, kh, kw, stride, padding,
        w.floats().clone(), bias);
    emit(node, layer, x, true);
  }

  private void gemm(OnnxNode node, int index) {
    String a = dataInput(node);
    Value in = values.get(a);
    requireFlat(node, in);
    OnnxTensor b = constantInput(node, 1, "B");
    OnnxTensor c = node.inputs().size() > 2 && !node.inputs().get(2).isEmpty() ? constantInput(node, 2, "C")
        : null;
    requireFloat(node, b);
    if (b.dims().length != 2) {
      throw fail(node, "weight '" + b.name() + "' must be 2-D, it has shape " + b.shapeText());
    }
    if (intAttr(node, "transA", 0) != 0) {
      throw fail(node, "transA = 1 is not supported (the input is a batch of row vectors)");
    }
    boolean transB = intAttr(node, "transB", 0) != 0;
    float alpha = floatAttr(node, "alpha", 1f);
    float beta = floatAttr(node, "beta", 1f);
    int outputs = dim(node, b, transB ? 0 : 1);
    int inputs = dim(node, b, transB ? 1 : 0);
    float[] weights = denseWeights(b.floats(), inputs, outputs, transB, alpha);
    float[] bias = new float[outputs];
    if (c != null) {
      requireFloat(node, c);
      addBroadcast(node, bias, c, outputs, 1);
      for (int k = 0; k < outputs; k++) {
        bias[k] *= beta;
      }
    }
    dense(node, index, a, in, inputs, outputs, weights, bias);
  }

  private void matMul(OnnxNode node, int index) {
    String a = dataInput(node);
    Value in = values.get(a);
    requireFlat(node, in);
    OnnxTensor b = constantInput(node, 1, "B");
    requireFloat(node, b);
    if (b.dims().length != 2) {
      throw fail(node, "weight '" + b.name() + "' must be 2-D, it has shape " + b.shapeText());
    }
    int inputs = dim(node, b, 0);
    int outputs = dim(node, b, 1);
    dense(node, index, a, in, inputs, outputs, denseWeights(b.floats(), inputs, outputs, false, 1f),
        new float[outputs]);
  }

  private void dense(OnnxNode node, int index, String x, Value in, int inputs, int outputs, float[] weights,
      float[] bias) {
    if (inputs != in.shape().size()) {
      throw fail(node, "the weight expects " + inputs + " inputs, the input has " + in.shape().size());
    }
    emit(node, new DenseLayer(layerName(node, index), inputs, outputs, weights, bias), x, true);
  }

  /** Row-major {@code [out][in]} from ONNX's {@code B} ({@code [in][out]}, or {@code [out][in]} if transposed). */
  private static float[] denseWeights(float[] b, int inputs, int outputs, boolean transposed, float alpha) {
    float[] w = new float[inputs * outputs];
    for (int o = 0; o < outputs; o++) {
      for (int i = 0; i < inputs; i++) {
        w[o * inputs + i] = alpha * (transposed ? b[o * inputs + i] : b[i * outputs + o]);
      }
    }
    return w;
  }

  private void add(OnnxNode node, int index) {
    if (node.inputs().size() != 2) {
      throw fail(node, "Add needs two inputs, it has " + node.inputs().size());
    }
    String a = node.inputs().get(0);
    String b = node.inputs().get(1);
    boolean constA = constants.containsKey(a);
    boolean constB = constants.containsKey(b);
    if (constA && constB) {
      throw fail(node, "adding two constants is not supported (fold constants when exporting)");
    }
    if (constA || constB) {
      biasAdd(node, constA ? b : a, constants.get(constA ? a : b));
      return;
    }
    String skip;
    if (a.equals(current)) {
      skip = b;
    } else if (b.equals(current)) {
      skip = a;
    } else {
      throw chainBreak(node, a);
    }
    Value from = values.get(skip);
    if (from == null) {
      throw fail(node, "input '" + skip + "' is not produced by an earlier mapped node");
    }
    Value in = values.get(current);
    if (!from.shape().equals(in.shape()) || from.flat() != in.flat()) {
      throw fail(node, "adds '" + skip + "' of shape " + from.shape() + " to '" + current + "' of shape "
          + in.shape() + "; broadcasting adds are not supported");
    }
    emit(node, new ResidualAddLayer(layerName(node, index), from.layer()), current, false);
  }

  /** A constant Add right after Conv, Gemm or MatMul: the layer's bias. */
  private void biasAdd(OnnxNode node, String x, OnnxTensor c) {
    if (!x.equals(current)) {
      throw chainBreak(node, x);
    }
    if (!x.equals(biasable)) {
      throw fail(node, "adding a constant is supported only as the bias right after Conv, Gemm or MatMul");
    }
    requireFloat(node, c);
    AnnLayer last = layers.get(layers.size() - 1);
    AnnLayer updated;
    if (last instanceof DenseLayer d) {
      float[] bias = d.bias().clone();
      addBroadcast(node, bias, c, d.outputs(), 1);
      updated = new DenseLayer(d.name(), d.inputs(), d.outputs(), d.weights(), bias);
    } else if (last instanceof Conv2dLayer conv) {
      float[] bias = conv.bias().clone();
      addBroadcast(node, bias, c, conv.outChannels(), 3);
      updated = new Conv2dLayer(conv.name(), conv.inChannels(), conv.outChannels(), conv.kernelHeight(),
          conv.kernelWidth(), conv.stride(), conv.padding(), conv.weights(), bias);
    } else {
      throw new AssertionError("biasable layer " + last);
    }
    layers.set(layers.size() - 1, updated);
    String out = node.outputs().get(0);
    // The pre-bias tensor is no longer any layer's output: reading it later must fail, not see the bias.
    values.put(out, values.remove(x));
    current = out;
    biasable = out;
  }

  /**
   * Adds constant {@code c} to {@code bias}: a scalar, or {@code n} values laid out as {@code [n]}, {@code [1, n]}
   * ({@code trailing} = 1) or {@code [n, 1, 1]}, {@code [1, n, 1, 1]} ({@code trailing} = 3, per channel).
   */
  private void addBroadcast(OnnxNode node, float[] bias, OnnxTensor c, int n, int trailing) {
    long[] d = c.dims();
    if (c.elements() == 1) {
      for (int k = 0; k < n; k++) {
        bias[k] += c.floats()[0];
      }
      return;
    }
    int axis = -1;
    for (int k = 0; k < d.length; k++) {
      if (d[k] != 1) {
        if (axis >= 0) {
          axis = -2;
          break;
        }
        axis = k;
      }
    }
    boolean ok = axis >= 0 && d[axis] == n && d.length - axis == trailing;
    if (!ok) {
      throw fail(node, "constant '" + c.name() + "' of shape " + c.shapeText() + " does not broadcast as a bias"
          + " of " + n + (trailing == 3 ? " channels" : " outputs"));
    }
    for (int k = 0; k < n; k++) {
      bias[k] += c.floats()[k];
    }
  }

  private void pool(OnnxNode node, int index) {
    String x = dataInput(node);
    Value in = values.get(x);
    requireImage(node, in);
    if (node.outputs().size() > 1 && !node.outputs().get(1).isEmpty()) {
      throw fail(node, "the Indices output of MaxPool is not supported");
    }
    long[] kernel = intsAttr(node, "kernel_shape", null);
    if (kernel == null || kernel.length != 2 || kernel[0] != kernel[1] || kernel[0] <= 0 || kernel[0] > 1 << 20) {
      throw fail(node, "kernel_shape " + (kernel == null ? "missing" : Arrays.toString(kernel))
          + "; square 2-D windows are supported");
    }
    int size = (int) kernel[0];
    int stride = uniform(node, "strides", 1);
    requireAll(node, "dilations", 1);
    if (padding(node) != 0) {
      throw fail(node, "padded pooling is not supported (pads must be 0)");
    }
    if (intAttr(node, "ceil_mode", 0) != 0) {
      // ceil_mode only differs from floor when a partial window is left over.
      int h = in.shape().height() - size;
      int w = in.shape().width() - size;
      if (h < 0 || w < 0 || h % stride != 0 || w % stride != 0) {
        throw fail(node, "ceil_mode = 1 with a partial last window is not supported");
      }
    }
    String name = layerName(node, index);
    AnnLayer layer = node.opType().equals("MaxPool") ? new MaxPoolLayer(name, size, stride)
        : new AvgPoolLayer(name, size, stride);
    emit(node, layer, x, false);
  }

  private void globalPool(OnnxNode node, int index) {
    String x = dataInput(node);
    Value in = values.get(x);
    requireImage(node, in);
    TensorShape s = in.shape();
    if (s.height() != s.width()) {
      throw fail(node, node.opType() + " over a non-square " + s + " input is not supported");
    }
    String name = layerName(node, index);
    int size = s.height();
    AnnLayer layer = node.opType().equals("GlobalMaxPool") ? new MaxPoolLayer(name, size, size)
        : new AvgPoolLayer(name, size, size);
    emit(node, layer, x, false);
  }

  private void batchNorm(OnnxNode node, int index) {
    String x = dataInput(node);
    Value in = values.get(x);
    if (intAttr(node, "training_mode", 0) != 0) {
      throw fail(node, "training_mode = 1 is not supported; export the model in eval() mode");
    }
    if (intAttr(node, "spatial", 1) != 1) {
      throw fail(node, "spatial = 0 (per-element statistics) is not supported");
    }
    for (int k = 1; k < node.outputs().size(); k++) {
      if (!node.outputs().get(k).isEmpty()) {
        throw fail(node, "training outputs (running mean/variance) are not supported");
      }
    }
    if (node.inputs().size() != 5) {
      throw fail(node, "BatchNormalization needs 5 inputs (X, scale, B, mean, var), it has "
          + node.inputs().size());
    }
    int channels = in.shape().channels();
    float[][] p = new float[4][];
    String[] names = {"scale", "B", "mean", "var"};
    for (int k = 0; k < 4; k++) {
      OnnxTensor t = constantInput(node, k + 1, names[k]);
      requireFloat(node, t);
      requireElements(node, t, channels, names[k]);
      p[k] = t.floats().clone();
    }
    float epsilon = floatAttr(node, "epsilon", 1e-5f);
    emit(node, new BatchNormLayer(layerName(node, index), channels, p[0], p[1], p[2], p[3], epsilon), x, false);
  }

  private void flatten(OnnxNode node, int index) {
    String x = dataInput(node);
    Value in = values.get(x);
    long axis = intAttr(node, "axis", 1);
    int rank = in.flat() ? 2 : 4;
    if (axis != 1 && axis != 1 - rank) {
      throw fail(node, "axis = " + axis + " is not supported; only flattening each sample (axis 1) is");
    }
    emit(node, new FlattenLayer(layerName(node, index)), x, false);
  }

  private void reshape(OnnxNode node, int index) {
    String x = dataInput(node);
    Value in = values.get(x);
    OnnxTensor shape = constantInput(node, 1, "shape");
    if (shape.longs() == null || shape.dims().length != 1) {
      throw fail(node, "the target shape must be a 1-D INT64 constant, got " + shape.shapeText());
    }
    long[] s = shape.longs();
    long size = in.shape().size();
    boolean flatten = s.length == 2 && (s[0] == -1 ? s[1] == size
        : (s[0] == 0 || s[0] == 1) && (s[1] == -1 || s[1] == size));
    if (!flatten) {
      throw fail(node, "reshape to " + Arrays.toString(s) + " of a " + in.shape() + " sample is not supported;"
          + " only flattening each sample ([N, " + size + "], [-1, " + size + "], [0, -1]) is");
    }
    emit(node, new FlattenLayer(layerName(node, index)), x, false);
  }

  // ---- helpers

  private void emit(OnnxNode node, AnnLayer layer, String input, boolean takesBias) {
    if (!input.equals(current)) {
      throw chainBreak(node, input);
    }
    TensorShape out = layer.outputShape(values.get(input).shape());
    boolean flat = layer instanceof DenseLayer || layer instanceof FlattenLayer
        || (!(layer instanceof Conv2dLayer) && values.get(input).flat());
    layers.add(layer);
    layerNames.add(layer.name());
    String output = node.outputs().get(0);
    values.put(output, new Value(layer.name(), out, flat));
    current = output;
    biasable = takesBias ? output : null;
  }

  /** The single activation input of a node (its first input, which must not be a constant). */
  private String dataInput(OnnxNode node) {
    if (node.inputs().isEmpty() || node.inputs().get(0).isEmpty()) {
      throw fail(node, "the node has no data input");
    }
    String x = node.inputs().get(0);
    if (constants.containsKey(x)) {
      throw fail(node, "the data input '" + x + "' is a constant; constant folding is not supported");
    }
    if (!values.containsKey(x)) {
      throw fail(node, "input '" + x + "' is not produced by an earlier mapped node");
    }
    if (!x.equals(current)) {
      throw chainBreak(node, x);
    }
    return x;
  }

  private OnnxImportException chainBreak(OnnxNode node, String input) {
    return fail(node, "reads '" + input + "' but the layer chain is at '" + current + "'; only chains (with"
        + " residual Adds) are supported, not branches");
  }

  private OnnxTensor constantInput(OnnxNode node, int k, String role) {
    if (node.inputs().size() <= k || node.inputs().get(k).isEmpty()) {
      throw fail(node, "input " + role + " is missing");
    }
    OnnxTensor t = constants.get(node.inputs().get(k));
    if (t == null) {
      throw fail(node, "input " + role + " ('" + node.inputs().get(k) + "') must be an initializer or Constant");
    }
    return t;
  }

  private void requireFloat(OnnxNode node, OnnxTensor t) {
    if (t.floats() == null) {
      throw fail(node, "tensor '" + t.name() + "' must be floating point, it is "
          + ProtoReader.dataTypeName(t.dataType()));
    }
  }

  private void requireElements(OnnxNode node, OnnxTensor t, int n, String role) {
    if (t.elements() != n) {
      throw fail(node, role + " '" + t.name() + "' has shape " + t.shapeText() + ", expected " + n + " values");
    }
  }

  private void requireImage(OnnxNode node, Value v) {
    if (v.flat()) {
      throw fail(node, node.opType() + " needs an N x C x H x W input, it gets a flattened one");
    }
  }

  private void requireFlat(OnnxNode node, Value v) {
    if (!v.flat()) {
      throw fail(node, node.opType() + " needs a 2-D (N x F) input, it gets N x " + v.shape()
          + "; flatten first");
    }
  }

  private int dim(OnnxNode node, OnnxTensor t, int k) {
    long d = t.dims()[k];
    if (d <= 0 || d > Integer.MAX_VALUE) {
      throw fail(node, "tensor '" + t.name() + "' has dimension " + d + " in " + t.shapeText());
    }
    return (int) d;
  }

  private long intAttr(OnnxNode node, String name, long fallback) {
    OnnxAttribute a = node.attributes().get(name);
    if (a == null) {
      return fallback;
    }
    if (a.type() != OnnxAttribute.INT) {
      throw fail(node, "attribute " + name + " should be an int, it has type " + a.type());
    }
    return a.i();
  }

  private float floatAttr(OnnxNode node, String name, float fallback) {
    OnnxAttribute a = node.attributes().get(name);
    if (a == null) {
      return fallback;
    }
    if (a.type() != OnnxAttribute.FLOAT) {
      throw fail(node, "attribute " + name + " should be a float, it has type " + a.type());
    }
    return a.f();
  }

  private long[] intsAttr(OnnxNode node, String name, long[] fallback) {
    OnnxAttribute a = node.attributes().get(name);
    if (a == null) {
      return fallback;
    }
    if (a.type() != OnnxAttribute.INTS) {
      throw fail(node, "attribute " + name + " should be a list of ints, it has type " + a.type());
    }
    return a.ints();
  }

  private void requireAll(OnnxNode node, String name, long value) {
    for (long v : intsAttr(node, name, new long[0])) {
      if (v != value) {
        throw fail(node, name + " " + Arrays.toString(intsAttr(node, name, null)) + " is not supported (all "
            + value + " is)");
      }
    }
  }

  /** The one value of a per-axis attribute that must be the same on both axes. */
  private int uniform(OnnxNode node, String name, int fallback) {
    long[] v = intsAttr(node, name, null);
    if (v == null) {
      return fallback;
    }
    if (v.length != 2 || v[0] != v[1] || v[0] <= 0 || v[0] > 1 << 20) {
      throw fail(node, name + " " + Arrays.toString(v) + " is not supported; equal positive values on both axes"
          + " are");
    }
    return (int) v[0];
  }

  /** Symmetric padding from {@code auto_pad} and {@code pads} ({@code [top, left, bottom, right]}). */
  private int padding(OnnxNode node) {
    OnnxAttribute autoPad = node.attributes().get("auto_pad");
    String mode = autoPad == null ? "NOTSET" : autoPad.s();
    if (!mode.equals("NOTSET") && !mode.equals("VALID") && !mode.isEmpty()) {
      throw fail(node, "auto_pad = " + mode + " is not supported; export with explicit pads");
    }
    long[] pads = intsAttr(node, "pads", null);
    if (pads == null || mode.equals("VALID")) {
      return 0;
    }
    if (pads.length != 4 || pads[0] != pads[1] || pads[0] != pads[2] || pads[0] != pads[3] || pads[0] < 0
        || pads[0] > 1 << 20) {
      throw fail(node, "pads " + Arrays.toString(pads) + " is not supported; the same padding on every side is");
    }
    return (int) pads[0];
  }

  private String layerName(OnnxNode node, int index) {
    String base = node.name().isBlank() ? node.opType().toLowerCase(Locale.ROOT) + "_" + index : node.name();
    String name = base;
    for (int k = 2; layerNames.contains(name); k++) {
      name = base + "_" + k;
    }
    return name;
  }

  private static OnnxImportException fail(OnnxNode node, String message) {
    return fail(node, message, null);
  }

  private static OnnxImportException fail(OnnxNode node, String message, Throwable cause) {
    return new OnnxImportException("node '" + node.label() + "' (" + node.opType() + "): " + message,
        node.opType(), node.label(), cause);
  }
}
