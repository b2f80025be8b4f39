package org.snncodesign.conversion.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only writer of ONNX protobuf bytes with protobuf-java's {@link CodedOutputStream}, field numbers from
 * {@code onnx/onnx.proto}: enough of ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto and
 * ValueInfoProto to write the graphs PyTorch exports for small CNNs.
 */
final class OnnxWriter {
  private OnnxWriter() {}

  /** One message under construction. */
  static final class Msg {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

    Msg str(int field, String s) {
      return io(() -> out.writeString(field, s));
    }

    Msg varint(int field, long v) {
      return io(() -> out.writeInt64(field, v));
    }

    Msg f32(int field, float v) {
      return io(() -> out.writeFloat(field, v));
    }

    Msg msg(int field, byte[] message) {
      return io(() -> out.writeByteArray(field, message));
    }

    Msg raw(int field, byte[] data) {
      return io(() -> out.writeBytes(field, ByteString.copyFrom(data)));
    }

    Msg packedFloats(int field, float[] values) {
      return io(() -> {
        out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(values.length * 4);
        for (float v : values) {
          out.writeFloatNoTag(v);
        }
      });
    }

    Msg packedLongs(int field, long[] values) {
      return io(() -> {
        int size = 0;
        for (long v : values) {
          size += CodedOutputStream.computeInt64SizeNoTag(v);
        }
        out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(size);
        for (long v : values) {
          out.writeInt64NoTag(v);
        }
      });
    }

    byte[] build() {
      return io(out::flush).bytes.toByteArray();
    }

    private Msg io(IoAction action) {
      try {
        action.run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }
  }

  private interface IoAction {
    void run() throws IOException;
  }

  /** ModelProto with IR version 8, producer "pytorch", default-domain opset {@code opset}. */
  static byte[] model(long opset, byte[] graph) {
    byte[] opsetId = new Msg().str(1, "").varint(2, opset).build();
    return new Msg().varint(1, 8).str(2, "pytorch").str(3, "2.3.0").msg(7, graph).msg(8, opsetId).build();
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
      Msg m = new Msg();
      nodes.forEach(n -> m.msg(1, n));
      m.str(2, name);
      initializers.forEach(t -> m.msg(5, t));
      inputs.forEach(v -> m.msg(11, v));
      outputs.forEach(v -> m.msg(12, v));
      return m.build();
    }
  }

  /** NodeProto; attribute bytes come from the attribute writers. */
  static byte[] node(String name, String op, List<String> inputs, List<String> outputs, byte[]... attributes) {
    Msg m = new Msg();
    inputs.forEach(i -> m.str(1, i));
    outputs.forEach(o -> m.str(2, o));
    m.str(3, name).str(4, op);
    for (byte[] a : attributes) {
      m.msg(5, a);
    }
    return m.build();
  }

  static byte[] ints(String name, long... values) {
    return new Msg().str(1, name).packedLongs(8, values).varint(20, 7).build();
  }

  static byte[] intAttr(String name, long value) {
    return new Msg().str(1, name).varint(3, value).varint(20, 2).build();
  }

  static byte[] floatAttr(String name, float value) {
    return new Msg().str(1, name).f32(2, value).varint(20, 1).build();
  }

  static byte[] stringAttr(String name, String value) {
    return new Msg().str(1, name).str(4, value).varint(20, 3).build();
  }

  static byte[] tensorAttr(String name, byte[] tensor) {
    return new Msg().str(1, name).msg(5, tensor).varint(20, 4).build();
  }

  /** FLOAT TensorProto, data in raw_data (as PyTorch writes it) or in float_data. */
  static byte[] floatTensor(String name, long[] dims, float[] values, boolean raw) {
    Msg m = new Msg();
    for (long d : dims) {
      m.varint(1, d);
    }
    m.varint(2, 1).str(8, name);
    if (raw) {
      ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      for (float v : values) {
        b.putFloat(v);
      }
      m.raw(9, b.array());
    } else {
      m.packedFloats(4, values);
    }
    return m.build();
  }

  /** INT64 TensorProto with int64_data. */
  static byte[] longTensor(String name, long[] dims, long[] values) {
    Msg m = new Msg();
    for (long d : dims) {
      m.varint(1, d);
    }
    return m.varint(2, 7).str(8, name).packedLongs(7, values).build();
  }

  /** ValueInfoProto of a FLOAT tensor; a negative dimension is written as the symbol "batch_size". */
  static byte[] valueInfo(String name, long... dims) {
    Msg shape = new Msg();
    for (long d : dims) {
      shape.msg(1, d < 0 ? new Msg().str(2, "batch_size").build() : new Msg().varint(1, d).build());
    }
    byte[] tensorType = new Msg().varint(1, 1).msg(2, shape.build()).build();
    byte[] type = new Msg().msg(1, tensorType).build();
    return new Msg().str(1, name).msg(2, type).build();
  }
}
