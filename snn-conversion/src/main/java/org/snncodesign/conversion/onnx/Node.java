package org.snncodesign.conversion.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.snncodesign.conversion.onnx.proto.OnnxProto.AttributeProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.NodeProto;

/**
 * A typed view of one ONNX node: its label for messages, its inputs and outputs (an empty name is
 * an absent optional input), and its attributes, checked for the expected type.
 */
final class Node {
  private final NodeProto proto;
  private final int index;

  Node(NodeProto proto, int index) {
    this.proto = proto;
    this.index = index;
  }

  String opType() {
    return proto.getOpType();
  }

  String domain() {
    return proto.getDomain();
  }

  /** The node's name, or {@code opType_index} when it has none. */
  String label() {
    return proto.getName().isBlank()
        ? opType().toLowerCase(Locale.ROOT) + "_" + index
        : proto.getName();
  }

  List<String> inputs() {
    return proto.getInputList();
  }

  /** Input {@code k}, or the empty string when the node has no such input. */
  String input(int k) {
    return k < proto.getInputCount() ? proto.getInput(k) : "";
  }

  /** The first output; every node the importer maps has one. */
  String output() {
    if (proto.getOutputCount() == 0 || proto.getOutput(0).isEmpty()) {
      throw fail("the node has no output");
    }
    return proto.getOutput(0);
  }

  List<String> outputs() {
    return proto.getOutputList();
  }

  boolean has(String attribute) {
    return find(attribute) != null;
  }

  long intAttr(String name, long fallback) {
    AttributeProto a = typed(name, AttributeProto.AttributeType.INT);
    return a == null ? fallback : a.getI();
  }

  float floatAttr(String name, float fallback) {
    AttributeProto a = typed(name, AttributeProto.AttributeType.FLOAT);
    return a == null ? fallback : a.getF();
  }

  String stringAttr(String name, String fallback) {
    AttributeProto a = typed(name, AttributeProto.AttributeType.STRING);
    return a == null ? fallback : a.getS().toStringUtf8();
  }

  /** A list of ints, or {@code fallback} (may be null) when absent. */
  long[] intsAttr(String name, long[] fallback) {
    AttributeProto a = typed(name, AttributeProto.AttributeType.INTS);
    return a == null ? fallback : a.getIntsList().stream().mapToLong(Long::longValue).toArray();
  }

  float[] floatsAttr(String name) {
    AttributeProto a = typed(name, AttributeProto.AttributeType.FLOATS);
    if (a == null) {
      return null;
    }
    float[] v = new float[a.getFloatsCount()];
    for (int k = 0; k < v.length; k++) {
      v[k] = a.getFloats(k);
    }
    return v;
  }

  /** A tensor-valued attribute, decoded, or null when absent. */
  ConstantTensor tensorAttr(String name) {
    AttributeProto a = typed(name, AttributeProto.AttributeType.TENSOR);
    return a == null
        ? null
        : TensorDecoder.decode(a.getT(), "node '" + label() + "' (" + opType() + ")");
  }

  /** Refuses a per-axis attribute unless every value is {@code value}. */
  void requireAll(String name, long value) {
    long[] v = intsAttr(name, new long[0]);
    for (long x : v) {
      if (x != value) {
        throw fail(name + " " + Arrays.toString(v) + " is not supported (all " + value + " is)");
      }
    }
  }

  /** A failure naming this node and its operator. */
  OnnxImportException fail(String message) {
    return fail(message, null);
  }

  OnnxImportException fail(String message, Throwable cause) {
    return new OnnxImportException(
        "node '" + label() + "' (" + opType() + "): " + message, opType(), label(), cause);
  }

  private AttributeProto typed(String name, AttributeProto.AttributeType type) {
    AttributeProto a = find(name);
    if (a != null && a.getType() != type) {
      throw fail("attribute " + name + " should be of type " + type + ", it is " + a.getType());
    }
    return a;
  }

  private AttributeProto find(String name) {
    for (AttributeProto a : proto.getAttributeList()) {
      if (a.getName().equals(name)) {
        return a;
      }
    }
    return null;
  }
}
