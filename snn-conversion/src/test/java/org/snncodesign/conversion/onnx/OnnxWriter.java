package org.snncodesign.conversion.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.snncodesign.conversion.onnx.proto.OnnxProto.AttributeProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.GraphProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.ModelProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.NodeProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.OperatorSetIdProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.TensorProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.TensorShapeProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.TypeProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.ValueInfoProto;

/**
 * Test-only writer of small ONNX models with the generated message builders: each helper returns
 * the serialised message, so that tests can also hand the importer corrupt or hand-edited bytes.
 */
final class OnnxWriter {
  private OnnxWriter() {}

  /** ModelProto with IR version 8, producer "pytorch", default-domain opset {@code opset}. */
  static byte[] model(long opset, byte[] graph) {
    return ModelProto.newBuilder()
        .setIrVersion(8)
        .setProducerName("pytorch")
        .setProducerVersion("2.3.0")
        .setGraph(parse(GraphProto.parser(), graph))
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
        .build()
        .toByteArray();
  }

  /** GraphProto builder. */
  static final class Graph {
    final List<byte[]> nodes = new ArrayList<>();
    final List<byte[]> initializers = new ArrayList<>();
    final List<byte[]> inputs = new ArrayList<>();
    final List<byte[]> outputs = new ArrayList<>();
    String name = "main_graph";

    Graph node(byte[] node) {
      nodes.add(node);
      return this;
    }

    Graph init(byte[] tensor) {
      initializers.add(tensor);
      return this;
    }

    byte[] build() {
      GraphProto.Builder g = GraphProto.newBuilder().setName(name);
      nodes.forEach(n -> g.addNode(parse(NodeProto.parser(), n)));
      initializers.forEach(t -> g.addInitializer(parse(TensorProto.parser(), t)));
      inputs.forEach(v -> g.addInput(parse(ValueInfoProto.parser(), v)));
      outputs.forEach(v -> g.addOutput(parse(ValueInfoProto.parser(), v)));
      return g.build().toByteArray();
    }
  }

  /** NodeProto; attribute bytes come from the attribute writers. */
  static byte[] node(
      String name, String op, List<String> inputs, List<String> outputs, byte[]... attributes) {
    NodeProto.Builder n =
        NodeProto.newBuilder()
            .setName(name)
            .setOpType(op)
            .addAllInput(inputs)
            .addAllOutput(outputs);
    for (byte[] a : attributes) {
      n.addAttribute(parse(AttributeProto.parser(), a));
    }
    return n.build().toByteArray();
  }

  static byte[] ints(String name, long... values) {
    AttributeProto.Builder a = attribute(name, AttributeProto.AttributeType.INTS);
    for (long v : values) {
      a.addInts(v);
    }
    return a.build().toByteArray();
  }

  static byte[] intAttr(String name, long value) {
    return attribute(name, AttributeProto.AttributeType.INT).setI(value).build().toByteArray();
  }

  static byte[] floatAttr(String name, float value) {
    return attribute(name, AttributeProto.AttributeType.FLOAT).setF(value).build().toByteArray();
  }

  static byte[] stringAttr(String name, String value) {
    return attribute(name, AttributeProto.AttributeType.STRING)
        .setS(ByteString.copyFromUtf8(value))
        .build()
        .toByteArray();
  }

  static byte[] tensorAttr(String name, byte[] tensor) {
    return attribute(name, AttributeProto.AttributeType.TENSOR)
        .setT(parse(TensorProto.parser(), tensor))
        .build()
        .toByteArray();
  }

  /** FLOAT TensorProto, data in raw_data (as PyTorch writes it) or in float_data. */
  static byte[] floatTensor(String name, long[] dims, float[] values, boolean raw) {
    TensorProto.Builder t = tensor(name, dims, TensorProto.DataType.FLOAT);
    if (raw) {
      ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      for (float v : values) {
        b.putFloat(v);
      }
      t.setRawData(ByteString.copyFrom(b.array()));
    } else {
      for (float v : values) {
        t.addFloatData(v);
      }
    }
    return t.build().toByteArray();
  }

  /** INT64 TensorProto with int64_data. */
  static byte[] longTensor(String name, long[] dims, long[] values) {
    TensorProto.Builder t = tensor(name, dims, TensorProto.DataType.INT64);
    for (long v : values) {
      t.addInt64Data(v);
    }
    return t.build().toByteArray();
  }

  /** FLOAT TensorProto whose data lies in an external file. */
  static byte[] externalTensor(String name, long... dims) {
    return tensor(name, dims, TensorProto.DataType.FLOAT)
        .setDataLocation(TensorProto.DataLocation.EXTERNAL)
        .build()
        .toByteArray();
  }

  /**
   * ValueInfoProto of a FLOAT tensor; a negative dimension is written as the symbol "batch_size".
   */
  static byte[] valueInfo(String name, long... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long d : dims) {
      shape.addDim(
          d < 0
              ? TensorShapeProto.Dimension.newBuilder().setDimParam("batch_size")
              : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    TypeProto type =
        TypeProto.newBuilder()
            .setTensorType(
                TypeProto.Tensor.newBuilder()
                    .setElemType(TensorProto.DataType.FLOAT_VALUE)
                    .setShape(shape))
            .build();
    return ValueInfoProto.newBuilder().setName(name).setType(type).build().toByteArray();
  }

  /** NodeProto of an operator in another domain. */
  static byte[] domainNode(String name, String op, String domain, String input, String output) {
    return NodeProto.newBuilder()
        .setName(name)
        .setOpType(op)
        .setDomain(domain)
        .addInput(input)
        .addOutput(output)
        .build()
        .toByteArray();
  }

  private static AttributeProto.Builder attribute(String name, AttributeProto.AttributeType type) {
    return AttributeProto.newBuilder().setName(name).setType(type);
  }

  private static TensorProto.Builder tensor(String name, long[] dims, TensorProto.DataType type) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber());
    for (long d : dims) {
      t.addDims(d);
    }
    return t;
  }

  private static <T> T parse(com.google.protobuf.Parser<T> parser, byte[] bytes) {
    try {
      return parser.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("the test wrote invalid message bytes", e);
    }
  }
}
