package org.snncodesign.conversion.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Evaluates, at import time, the nodes whose inputs are all known: the shape arithmetic exporters
 * emit ({@code Shape -> Gather -> Unsqueeze -> Concat -> Reshape} and the like), constants, casts,
 * and weight preprocessing ({@code DequantizeLinear}, {@code Transpose}). Integer arithmetic on the
 * dynamic batch size ({@link ConstantTensor#BATCH}) gives the batch size again. Semantics follow
 * the ONNX operator specification.
 */
final class ConstantFolder {
  /** Operators this class evaluates. */
  static final Set<String> OPERATORS =
      Set.of(
          "Constant",
          "ConstantOfShape",
          "Gather",
          "Unsqueeze",
          "Squeeze",
          "Concat",
          "Slice",
          "Cast",
          "Reshape",
          "Identity",
          "Add",
          "Sub",
          "Mul",
          "Div",
          "DequantizeLinear",
          "Transpose",
          "Flatten",
          "Neg");

  private ConstantFolder() {}

  /**
   * The output of {@code node} for the known {@code inputs} (null for an absent optional input).
   *
   * @throws OnnxImportException naming the node when its values or attributes are not supported
   */
  static ConstantTensor fold(Node node, List<ConstantTensor> inputs) {
    String out = node.output();
    return switch (node.opType()) {
      case "Constant" -> constant(node, out);
      case "ConstantOfShape" -> constantOfShape(node, input(node, inputs, 0), out);
      case "Identity" -> input(node, inputs, 0).reshaped(out, input(node, inputs, 0).dims());
      case "Cast" -> cast(node, input(node, inputs, 0), out);
      case "Gather" -> gather(node, input(node, inputs, 0), input(node, inputs, 1), out);
      case "Unsqueeze" -> unsqueeze(node, inputs, out);
      case "Squeeze" -> squeeze(node, inputs, out);
      case "Concat" -> concat(node, inputs, out);
      case "Slice" -> slice(node, inputs, out);
      case "Reshape" ->
          input(node, inputs, 0)
              .reshaped(
                  out,
                  Shapes.reshape(
                      node,
                      input(node, inputs, 0).dims(),
                      input(node, inputs, 1).asLongs(),
                      false));
      case "Flatten" -> flatten(node, input(node, inputs, 0), out);
      case "Add", "Sub", "Mul", "Div" ->
          Broadcast.apply(node, node.opType(), input(node, inputs, 0), input(node, inputs, 1), out);
      case "Neg" ->
          Broadcast.apply(
              node,
              "Sub",
              ConstantTensor.ofLongs("0", new long[0], new long[] {0}),
              input(node, inputs, 0),
              out);
      case "DequantizeLinear" -> dequantize(node, inputs, out);
      case "Transpose" -> transpose(node, input(node, inputs, 0), out);
      default -> throw node.fail("operator " + node.opType() + " cannot be evaluated on constants");
    };
  }

  /** Input {@code k}, which the operator requires. */
  private static ConstantTensor input(Node node, List<ConstantTensor> inputs, int k) {
    if (k >= inputs.size() || inputs.get(k) == null) {
      throw node.fail("required input " + k + " is missing");
    }
    ConstantTensor t = inputs.get(k);
    if (t.elements() == 0 && !node.opType().equals("Identity") && !node.opType().equals("Concat")) {
      throw node.fail("input '" + t.name() + "' is empty");
    }
    return t;
  }

  private static ConstantTensor constant(Node node, String out) {
    ConstantTensor t = node.tensorAttr("value");
    if (t != null) {
      return t.reshaped(out, t.dims());
    }
    if (node.has("value_ints")) {
      return ConstantTensor.vector(out, node.intsAttr("value_ints", null));
    }
    if (node.has("value_int")) {
      return ConstantTensor.ofLongs(out, new long[0], new long[] {node.intAttr("value_int", 0)});
    }
    if (node.has("value_floats")) {
      float[] v = node.floatsAttr("value_floats");
      return ConstantTensor.ofFloats(out, new long[] {v.length}, v);
    }
    if (node.has("value_float")) {
      return ConstantTensor.ofFloats(
          out, new long[0], new float[] {node.floatAttr("value_float", 0)});
    }
    throw node.fail(
        "a Constant needs a tensor, float(s) or int(s) value; sparse and string values are not"
            + " supported");
  }

  private static ConstantTensor constantOfShape(Node node, ConstantTensor shape, String out) {
    long[] dims = shape.asLongs();
    long n = 1;
    for (long d : dims) {
      if (d < 0 || d == ConstantTensor.BATCH || (d > 0 && n > TensorDecoder.MAX_ELEMENTS / d)) {
        throw node.fail(
            "shape "
                + Shapes.text(dims)
                + " is not a fixed, non-negative size the importer can fill");
      }
      n *= d;
    }
    ConstantTensor value = node.tensorAttr("value");
    if (value == null || value.isFloat()) {
      float[] v = new float[(int) n];
      Arrays.fill(v, value == null ? 0f : value.floats()[0]);
      return ConstantTensor.ofFloats(out, dims, v);
    }
    long[] v = new long[(int) n];
    Arrays.fill(v, value.longs()[0]);
    return ConstantTensor.ofLongs(out, dims, v);
  }

  private static ConstantTensor cast(Node node, ConstantTensor x, String out) {
    long to = node.intAttr("to", 0);
    // ONNX DataType codes: FLOAT 1, DOUBLE 11, FLOAT16 10, BFLOAT16 16; the integer types and BOOL
    // (9).
    boolean toFloat = to == 1 || to == 11 || to == 10 || to == 16;
    if (to == 9) {
      long[] v = new long[x.elements()];
      for (int k = 0; k < v.length; k++) {
        v[k] = x.value(k) != 0 ? 1 : 0;
      }
      return ConstantTensor.ofLongs(out, x.dims(), v);
    }
    return toFloat
        ? ConstantTensor.ofFloats(out, x.dims(), x.asFloats())
        : ConstantTensor.ofLongs(out, x.dims(), x.asLongs());
  }

  private static ConstantTensor gather(
      Node node, ConstantTensor data, ConstantTensor indices, String out) {
    long axis = node.intAttr("axis", 0);
    if (data.rank() != 1 || (axis != 0 && axis != -1)) {
      throw node.fail(
          "Gather on constants is supported for 1-D data (shape arithmetic), got data of shape "
              + data.shapeText()
              + " and axis "
              + axis);
    }
    long[] idx = indices.asLongs();
    long n = data.dims()[0];
    long[] picked = new long[idx.length];
    float[] pickedFloats = new float[idx.length];
    for (int k = 0; k < idx.length; k++) {
      long i = idx[k] < 0 ? idx[k] + n : idx[k];
      if (i < 0 || i >= n) {
        throw node.fail("index " + idx[k] + " is outside data of length " + n);
      }
      picked[k] = data.isFloat() ? 0 : data.longs()[(int) i];
      pickedFloats[k] = data.isFloat() ? data.floats()[(int) i] : 0;
    }
    return data.isFloat()
        ? ConstantTensor.ofFloats(out, indices.dims(), pickedFloats)
        : ConstantTensor.ofLongs(out, indices.dims(), picked);
  }

  private static ConstantTensor unsqueeze(Node node, List<ConstantTensor> inputs, String out) {
    ConstantTensor x = input(node, inputs, 0);
    return x.reshaped(out, Shapes.unsqueeze(node, x.dims(), axes(node, inputs)));
  }

  private static ConstantTensor squeeze(Node node, List<ConstantTensor> inputs, String out) {
    ConstantTensor x = input(node, inputs, 0);
    return x.reshaped(out, Shapes.squeeze(node, x.dims(), axes(node, inputs)));
  }

  /**
   * Axes from the second input (opset 13 and later) or the {@code axes} attribute (earlier opsets).
   */
  static long[] axes(Node node, List<ConstantTensor> inputs) {
    if (inputs.size() > 1 && inputs.get(1) != null) {
      return inputs.get(1).asLongs();
    }
    return node.intsAttr("axes", null);
  }

  private static ConstantTensor concat(Node node, List<ConstantTensor> inputs, String out) {
    for (int k = 0; k < inputs.size(); k++) {
      input(node, inputs, k);
    }
    boolean floats = inputs.stream().anyMatch(ConstantTensor::isFloat);
    int rank = input(node, inputs, 0).rank();
    long axis = node.intAttr("axis", 0);
    if (rank > 1 || (axis != 0 && axis != -1)) {
      throw node.fail(
          "Concat of constants is supported for 1-D tensors on axis 0, got rank "
              + rank
              + " and"
              + " axis "
              + axis);
    }
    int n = inputs.stream().mapToInt(ConstantTensor::elements).sum();
    float[] f = new float[n];
    long[] l = new long[n];
    int at = 0;
    for (ConstantTensor t : inputs) {
      for (int k = 0; k < t.elements(); k++, at++) {
        if (floats) {
          f[at] = (float) t.value(k);
        } else {
          l[at] = t.longs()[k];
        }
      }
    }
    return floats
        ? ConstantTensor.ofFloats(out, new long[] {n}, f)
        : ConstantTensor.ofLongs(out, new long[] {n}, l);
  }

  private static ConstantTensor slice(Node node, List<ConstantTensor> inputs, String out) {
    ConstantTensor data = input(node, inputs, 0);
    if (data.rank() != 1) {
      throw node.fail(
          "Slice of constants is supported for 1-D tensors (shape arithmetic), got shape "
              + data.shapeText());
    }
    // Opset 10 and later pass starts, ends, axes and steps as inputs; opset 1 to 9 as attributes.
    long[] starts =
        inputs.size() > 1 ? input(node, inputs, 1).asLongs() : node.intsAttr("starts", null);
    long[] ends =
        inputs.size() > 2 ? input(node, inputs, 2).asLongs() : node.intsAttr("ends", null);
    long[] axes =
        inputs.size() > 3 && inputs.get(3) != null
            ? inputs.get(3).asLongs()
            : node.intsAttr("axes", null);
    long step =
        inputs.size() > 4 && inputs.get(4) != null ? input(node, inputs, 4).asLongs()[0] : 1;
    if (starts == null
        || ends == null
        || starts.length != 1
        || ends.length != 1
        || (axes != null && (axes.length != 1 || (axes[0] != 0 && axes[0] != -1)))
        || step == 0) {
      throw node.fail(
          "Slice of a 1-D constant needs one start, one end, axis 0 and a non-zero step");
    }
    long n = data.dims()[0];
    long start = clampIndex(starts[0], n, step > 0 ? 0 : -1, step > 0 ? n : n - 1);
    long end = clampIndex(ends[0], n, step > 0 ? 0 : -1, step > 0 ? n : n - 1);
    int count =
        (int)
            Math.max(
                0, step > 0 ? (end - start + step - 1) / step : (start - end - step - 1) / -step);
    long[] l = new long[count];
    float[] f = new float[count];
    for (int k = 0; k < count; k++) {
      int i = (int) (start + k * step);
      if (data.isFloat()) {
        f[k] = data.floats()[i];
      } else {
        l[k] = data.longs()[i];
      }
    }
    return data.isFloat()
        ? ConstantTensor.ofFloats(out, new long[] {count}, f)
        : ConstantTensor.ofLongs(out, new long[] {count}, l);
  }

  /** ONNX Slice index rule: negative counts from the end, then clamp to {@code [low, high]}. */
  private static long clampIndex(long index, long n, long low, long high) {
    long i = index < 0 ? index + n : index;
    return Math.max(low, Math.min(high, i));
  }

  private static ConstantTensor flatten(Node node, ConstantTensor x, String out) {
    long axis = node.intAttr("axis", 1);
    int rank = x.rank();
    int a = (int) (axis < 0 ? axis + rank : axis);
    if (a < 0 || a > rank) {
      throw node.fail("axis " + axis + " is outside rank " + rank);
    }
    long outer = 1;
    for (int k = 0; k < a; k++) {
      outer *= x.dims()[k];
    }
    return x.reshaped(out, new long[] {outer, x.elements() / Math.max(1, outer)});
  }

  private static ConstantTensor dequantize(Node node, List<ConstantTensor> inputs, String out) {
    ConstantTensor x = input(node, inputs, 0);
    ConstantTensor scale = input(node, inputs, 1);
    ConstantTensor zero =
        inputs.size() > 2 ? inputs.get(2) : null; // optional: absent means zero point 0
    int rank = x.rank();
    long axis = node.intAttr("axis", 1);
    int a = (int) (axis < 0 ? axis + rank : axis);
    boolean perAxis = scale.elements() > 1;
    if (perAxis && (a < 0 || a >= rank || scale.elements() != x.dims()[a])) {
      throw node.fail(
          "scale of shape "
              + scale.shapeText()
              + " does not match axis "
              + axis
              + " of "
              + x.shapeText());
    }
    long inner = 1;
    for (int k = a + 1; k < rank; k++) {
      inner *= x.dims()[k];
    }
    float[] s = scale.asFloats();
    float[] y = new float[x.elements()];
    for (int k = 0; k < y.length; k++) {
      int c = perAxis ? (int) (k / inner % s.length) : 0;
      long z = zero == null ? 0 : zero.longValue(perAxis ? c : 0);
      // y = (x - zero_point) * scale, computed in float as the ONNX reference does.
      y[k] = (float) (x.longValue(k) - z) * s[c];
    }
    ConstantTensor result = ConstantTensor.ofFloats(out, x.dims(), y);
    TensorDecoder.requireFinite(result, "node '" + node.label() + "' (" + node.opType() + ")");
    return result;
  }

  private static ConstantTensor transpose(Node node, ConstantTensor x, String out) {
    int rank = x.rank();
    long[] perm = node.intsAttr("perm", null);
    if (perm == null) {
      perm = new long[rank];
      for (int k = 0; k < rank; k++) {
        perm[k] = rank - 1 - k;
      }
    }
    if (perm.length != rank) {
      throw node.fail("perm " + Arrays.toString(perm) + " does not match rank " + rank);
    }
    long[] dims = new long[rank];
    for (int k = 0; k < rank; k++) {
      dims[k] = x.dims()[(int) perm[k]];
    }
    long[] inStrides = Shapes.strides(x.dims());
    long[] outStrides = Shapes.strides(dims);
    int n = x.elements();
    float[] f = x.isFloat() ? new float[n] : null;
    long[] l = x.isFloat() ? null : new long[n];
    for (int k = 0; k < n; k++) {
      long source = 0;
      long rest = k;
      for (int d = 0; d < rank; d++) {
        long coordinate = rest / outStrides[d];
        rest %= outStrides[d];
        source += coordinate * inStrides[(int) perm[d]];
      }
      if (f != null) {
        f[k] = x.floats()[(int) source];
      } else {
        l[k] = x.longs()[(int) source];
      }
    }
    return new ConstantTensor(out, dims, f, l);
  }
}
