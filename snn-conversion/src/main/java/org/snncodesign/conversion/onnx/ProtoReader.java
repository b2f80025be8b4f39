package org.snncodesign.conversion.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the ONNX messages the importer needs straight from the protobuf wire format with protobuf-java's
 * {@link CodedInputStream}. Field numbers are those of {@code onnx/onnx.proto} (IR version 3 to 10); fields not
 * listed are skipped, as any protobuf parser skips unknown fields. Repeated scalars are accepted packed and
 * unpacked, since {@code onnx.proto} is proto2 and writers differ.
 *
 * <p>Robustness: every length is checked against the bytes left before anything is allocated (the stream's
 * limits do this), tensor sizes are checked against their dimensions, and group wire types, which ONNX never
 * uses, are rejected instead of skipped so that no input can drive a deep recursion.
 */
final class ProtoReader {
  /** Largest tensor accepted, in elements: a Java array's practical limit. */
  static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  private static final int VARINT = WireFormat.WIRETYPE_VARINT;
  private static final int FIXED64 = WireFormat.WIRETYPE_FIXED64;
  private static final int LENGTH = WireFormat.WIRETYPE_LENGTH_DELIMITED;
  private static final int FIXED32 = WireFormat.WIRETYPE_FIXED32;

  // TensorProto.DataType codes.
  static final int FLOAT = 1;
  static final int INT32 = 6;
  static final int INT64 = 7;
  static final int DOUBLE = 11;

  private final CodedInputStream in;

  private ProtoReader(byte[] bytes) {
    this.in = CodedInputStream.newInstance(bytes);
  }

  /**
   * Decodes a serialised {@code ModelProto}.
   *
   * @throws OnnxImportException when the bytes are not a well-formed ONNX model, naming the byte offset
   */
  static OnnxGraph parseModel(byte[] bytes) {
    ProtoReader reader = new ProtoReader(bytes);
    try {
      return reader.model();
    } catch (InvalidProtocolBufferException e) {
      throw new OnnxImportException("not a valid ONNX protobuf near byte " + reader.in.getTotalBytesRead() + ": "
          + e.getMessage(), null, null, e);
    } catch (IOException e) {
      throw new OnnxImportException("cannot decode ONNX bytes: " + e.getMessage(), null, null, e);
    }
  }

  // ---- ModelProto: ir_version 1, producer_name 2, producer_version 3, graph 7, opset_import 8.
  private OnnxGraph model() throws IOException {
    long irVersion = 0;
    long opset = 0;
    String producer = "";
    String producerVersion = "";
    OnnxGraph graph = null;
    boolean sawGraph = false;
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      switch (WireFormat.getTagFieldNumber(tag)) {
        case 1 -> irVersion = varint(tag, "ModelProto.ir_version");
        case 2 -> producer = string(tag, "ModelProto.producer_name");
        case 3 -> producerVersion = string(tag, "ModelProto.producer_version");
        case 7 -> {
          int old = enter(tag, "ModelProto.graph");
          graph = graph(); // a repeated singular message field merges; the last graph wins, as in protobuf
          sawGraph = true;
          in.popLimit(old);
        }
        case 8 -> {
          int old = enter(tag, "ModelProto.opset_import");
          long[] version = opsetImport();
          in.popLimit(old);
          if (version != null) {
            opset = version[0];
          }
        }
        default -> skip(tag);
      }
    }
    if (!sawGraph) {
      throw new OnnxImportException("the file holds no ONNX graph (ModelProto.graph is missing); is it an ONNX"
          + " model?");
    }
    String producerText = (producer + " " + producerVersion).trim();
    return new OnnxGraph(irVersion, opset, producerText, graph.name(), graph.nodes(), graph.initializers(),
        graph.inputs(), graph.outputs());
  }

  /** OperatorSetIdProto: domain 1, version 2; returns the version for the default domain, else null. */
  private long[] opsetImport() throws IOException {
    String domain = "";
    long version = 0;
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      switch (WireFormat.getTagFieldNumber(tag)) {
        case 1 -> domain = string(tag, "OperatorSetIdProto.domain");
        case 2 -> version = varint(tag, "OperatorSetIdProto.version");
        default -> skip(tag);
      }
    }
    return domain.isEmpty() || domain.equals("ai.onnx") ? new long[] {version} : null;
  }

  // ---- GraphProto: node 1, name 2, initializer 5, input 11, output 12.
  private OnnxGraph graph() throws IOException {
    List<OnnxNode> nodes = new ArrayList<>();
    String name = "";
    Map<String, OnnxTensor> initializers = new LinkedHashMap<>();
    List<OnnxValueInfo> inputs = new ArrayList<>();
    List<OnnxValueInfo> outputs = new ArrayList<>();
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      switch (WireFormat.getTagFieldNumber(tag)) {
        case 1 -> {
          int old = enter(tag, "GraphProto.node");
          nodes.add(node());
          in.popLimit(old);
        }
        case 2 -> name = string(tag, "GraphProto.name");
        case 5 -> {
          int old = enter(tag, "GraphProto.initializer");
          OnnxTensor t = tensor();
          in.popLimit(old);
          initializers.put(t.name(), t);
        }
        case 11, 12 -> {
          int field = WireFormat.getTagFieldNumber(tag);
          int old = enter(tag, field == 11 ? "GraphProto.input" : "GraphProto.output");
          OnnxValueInfo v = valueInfo();
          in.popLimit(old);
          (field == 11 ? inputs : outputs).add(v);
        }
        default -> skip(tag);
      }
    }
    return new OnnxGraph(0, 0, "", name, List.copyOf(nodes), initializers, List.copyOf(inputs),
        List.copyOf(outputs));
  }

  // ---- NodeProto: input 1, output 2, name 3, op_type 4, attribute 5, domain 7.
  private OnnxNode node() throws IOException {
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    String name = "";
    String opType = "";
    String domain = "";
    Map<String, OnnxAttribute> attributes = new LinkedHashMap<>();
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      switch (WireFormat.getTagFieldNumber(tag)) {
        case 1 -> inputs.add(string(tag, "NodeProto.input"));
        case 2 -> outputs.add(string(tag, "NodeProto.output"));
        case 3 -> name = string(tag, "NodeProto.name");
        case 4 -> opType = string(tag, "NodeProto.op_type");
        case 5 -> {
          int old = enter(tag, "NodeProto.attribute");
          OnnxAttribute a = attribute();
          in.popLimit(old);
          attributes.put(a.name(), a);
        }
        case 7 -> domain = string(tag, "NodeProto.domain");
        default -> skip(tag);
      }
    }
    return new OnnxNode(name, opType, domain, List.copyOf(inputs), List.copyOf(outputs), attributes);
  }

  // ---- AttributeProto: name 1, f 2, i 3, s 4, t 5, floats 7, ints 8, type 20.
  private OnnxAttribute attribute() throws IOException {
    String name = "";
    int type = 0;
    int inferred = 0;
    float f = 0;
    long i = 0;
    String s = "";
    OnnxTensor t = null;
    FloatList floats = new FloatList();
    LongList ints = new LongList();
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      switch (WireFormat.getTagFieldNumber(tag)) {
        case 1 -> name = string(tag, "AttributeProto.name");
        case 2 -> {
          f = fixed32Float(tag, "AttributeProto.f");
          inferred = OnnxAttribute.FLOAT;
        }
        case 3 -> {
          i = varint(tag, "AttributeProto.i");
          inferred = OnnxAttribute.INT;
        }
        case 4 -> {
          s = string(tag, "AttributeProto.s");
          inferred = OnnxAttribute.STRING;
        }
        case 5 -> {
          int old = enter(tag, "AttributeProto.t");
          t = tensor();
          in.popLimit(old);
          inferred = OnnxAttribute.TENSOR;
        }
        case 7 -> {
          readFloats(tag, floats, "AttributeProto.floats");
          inferred = OnnxAttribute.FLOATS;
        }
        case 8 -> {
          readVarints(tag, ints, "AttributeProto.ints");
          inferred = OnnxAttribute.INTS;
        }
        case 20 -> type = (int) varint(tag, "AttributeProto.type");
        default -> skip(tag);
      }
    }
    // IR version 1 files may omit the type; the field that was set tells it then.
    return new OnnxAttribute(name, type == 0 ? inferred : type, f, i, s, t, floats.toArray(), ints.toArray());
  }

  // ---- TensorProto: dims 1, data_type 2, segment 3, float_data 4, int32_data 5, int64_data 7, name 8,
  // raw_data 9, double_data 10, external_data 13, data_location 14.
  private OnnxTensor tensor() throws IOException {
    LongList dims = new LongList();
    int dataType = 0;
    FloatList floatData = new FloatList();
    LongList intData = new LongList();
    DoubleList doubleData = new DoubleList();
    String name = "";
    byte[] raw = null;
    boolean external = false;
    boolean segmented = false;
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      switch (WireFormat.getTagFieldNumber(tag)) {
        case 1 -> readVarints(tag, dims, "TensorProto.dims");
        case 2 -> dataType = (int) varint(tag, "TensorProto.data_type");
        case 3 -> {
          segmented = true;
          skip(tag);
        }
        case 4 -> readFloats(tag, floatData, "TensorProto.float_data");
        case 5, 7 -> readVarints(tag, intData, "TensorProto.int_data");
        case 8 -> name = string(tag, "TensorProto.name");
        case 9 -> {
          expect(tag, LENGTH, "TensorProto.raw_data");
          raw = in.readByteArray();
        }
        case 10 -> readDoubles(tag, doubleData, "TensorProto.double_data");
        case 13 -> {
          external = true;
          skip(tag);
        }
        case 14 -> external |= varint(tag, "TensorProto.data_location") == 1;
        default -> skip(tag);
      }
    }
    String label = "tensor '" + name + "'";
    if (external) {
      throw new OnnxImportException(label + " keeps its data in an external file, which is not supported;"
          + " export with the weights inside the model (save_as_external_data=False)");
    }
    if (segmented) {
      throw new OnnxImportException(label + " is segmented, which is not supported");
    }
    long[] d = dims.toArray();
    long n = 1;
    for (long v : d) {
      if (v < 0) {
        throw new OnnxImportException(label + " has a negative dimension " + v + " in " + Arrays.toString(d));
      }
      n = v == 0 ? 0 : (n > MAX_ELEMENTS / v ? MAX_ELEMENTS + 1 : n * v);
      if (n > MAX_ELEMENTS) {
        throw new OnnxImportException(label + " of shape " + Arrays.toString(d) + " is larger than "
            + MAX_ELEMENTS + " elements");
      }
    }
    int count = (int) n;
    switch (dataType) {
      case FLOAT -> {
        float[] values;
        if (raw != null) {
          checkSize(label, raw.length, (long) count * 4, "raw_data bytes");
          values = new float[count];
          ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        } else {
          checkSize(label, floatData.size, count, "float_data values");
          values = floatData.toArray();
        }
        return new OnnxTensor(name, d, dataType, values, null);
      }
      case DOUBLE -> {
        float[] values = new float[count];
        if (raw != null) {
          checkSize(label, raw.length, (long) count * 8, "raw_data bytes");
          ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
          for (int k = 0; k < count; k++) {
            values[k] = (float) b.getDouble();
          }
        } else {
          checkSize(label, doubleData.size, count, "double_data values");
          for (int k = 0; k < count; k++) {
            values[k] = (float) doubleData.values[k];
          }
        }
        return new OnnxTensor(name, d, dataType, values, null);
      }
      case INT64, INT32 -> {
        long[] values;
        if (raw != null) {
          int width = dataType == INT64 ? 8 : 4;
          checkSize(label, raw.length, (long) count * width, "raw_data bytes");
          values = new long[count];
          ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
          for (int k = 0; k < count; k++) {
            values[k] = width == 8 ? b.getLong() : b.getInt();
          }
        } else {
          checkSize(label, intData.size, count, "integer values");
          values = intData.toArray();
        }
        return new OnnxTensor(name, d, dataType, null, values);
      }
      default -> throw new OnnxImportException(label + " has data type " + dataTypeName(dataType)
          + ", the importer reads FLOAT, DOUBLE, INT32 and INT64 (export the model in float32)");
    }
  }

  private static void checkSize(String label, long actual, long expected, String what) {
    if (actual != expected) {
      throw new OnnxImportException(label + " should hold " + expected + " " + what + " for its dimensions, it"
          + " holds " + actual);
    }
  }

  static String dataTypeName(int code) {
    String[] names = {"UNDEFINED", "FLOAT", "UINT8", "INT8", "UINT16", "INT16", "INT32", "INT64", "STRING",
        "BOOL", "FLOAT16", "DOUBLE", "UINT32", "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16"};
    return code >= 0 && code < names.length ? names[code] + " (" + code + ")" : "code " + code;
  }

  // ---- ValueInfoProto: name 1, type 2. TypeProto: tensor_type 1. TypeProto.Tensor: elem_type 1, shape 2.
  // TensorShapeProto: dim 1. Dimension: dim_value 1, dim_param 2.
  private OnnxValueInfo valueInfo() throws IOException {
    String name = "";
    int elemType = 0;
    long[] dims = null;
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      if (WireFormat.getTagFieldNumber(tag) == 1) {
        name = string(tag, "ValueInfoProto.name");
      } else if (WireFormat.getTagFieldNumber(tag) == 2) {
        int typeLimit = enter(tag, "ValueInfoProto.type");
        while (!in.isAtEnd()) {
          int t = in.readTag();
          if (WireFormat.getTagFieldNumber(t) != 1) {
            skip(t);
            continue;
          }
          int tensorLimit = enter(t, "TypeProto.tensor_type");
          while (!in.isAtEnd()) {
            int u = in.readTag();
            switch (WireFormat.getTagFieldNumber(u)) {
              case 1 -> elemType = (int) varint(u, "TypeProto.Tensor.elem_type");
              case 2 -> {
                int shapeLimit = enter(u, "TypeProto.Tensor.shape");
                dims = shape();
                in.popLimit(shapeLimit);
              }
              default -> skip(u);
            }
          }
          in.popLimit(tensorLimit);
        }
        in.popLimit(typeLimit);
      } else {
        skip(tag);
      }
    }
    return new OnnxValueInfo(name, elemType, dims);
  }

  private long[] shape() throws IOException {
    LongList dims = new LongList();
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      if (WireFormat.getTagFieldNumber(tag) != 1) {
        skip(tag);
        continue;
      }
      int old = enter(tag, "TensorShapeProto.dim");
      long value = -1;
      while (!in.isAtEnd()) {
        int t = in.readTag();
        if (WireFormat.getTagFieldNumber(t) == 1) {
          value = varint(t, "Dimension.dim_value");
        } else {
          skip(t); // dim_param ("batch_size") and denotation: the dimension stays symbolic
        }
      }
      in.popLimit(old);
      dims.add(value);
    }
    return dims.toArray();
  }

  // ---- wire-level helpers

  private void expect(int tag, int wireType, String field) {
    if (WireFormat.getTagWireType(tag) != wireType) {
      throw new OnnxImportException("corrupt ONNX file near byte " + in.getTotalBytesRead() + ": field " + field
          + " has wire type " + WireFormat.getTagWireType(tag) + ", expected " + wireType);
    }
  }

  /** Reads a length prefix and narrows the stream to it; returns the previous limit for popLimit. */
  private int enter(int tag, String field) throws IOException {
    expect(tag, LENGTH, field);
    int length = in.readRawVarint32();
    if (length < 0) {
      throw new OnnxImportException("corrupt ONNX file near byte " + in.getTotalBytesRead() + ": field " + field
          + " has negative length " + length);
    }
    return in.pushLimit(length); // throws "truncated" when the length runs past the bytes left
  }

  private long varint(int tag, String field) throws IOException {
    expect(tag, VARINT, field);
    return in.readInt64();
  }

  private String string(int tag, String field) throws IOException {
    expect(tag, LENGTH, field);
    return in.readString();
  }

  private float fixed32Float(int tag, String field) throws IOException {
    expect(tag, FIXED32, field);
    return in.readFloat();
  }

  private void readFloats(int tag, FloatList out, String field) throws IOException {
    if (WireFormat.getTagWireType(tag) == LENGTH) {
      int old = enter(tag, field);
      int bytes = in.getBytesUntilLimit();
      if (bytes % 4 != 0) {
        throw new OnnxImportException("corrupt ONNX file: packed " + field + " has " + bytes
            + " bytes, not a multiple of 4");
      }
      out.reserve(bytes / 4);
      while (!in.isAtEnd()) {
        out.add(in.readFloat());
      }
      in.popLimit(old);
    } else {
      out.add(fixed32Float(tag, field));
    }
  }

  private void readDoubles(int tag, DoubleList out, String field) throws IOException {
    if (WireFormat.getTagWireType(tag) == LENGTH) {
      int old = enter(tag, field);
      int bytes = in.getBytesUntilLimit();
      if (bytes % 8 != 0) {
        throw new OnnxImportException("corrupt ONNX file: packed " + field + " has " + bytes
            + " bytes, not a multiple of 8");
      }
      while (!in.isAtEnd()) {
        out.add(in.readDouble());
      }
      in.popLimit(old);
    } else {
      expect(tag, FIXED64, field);
      out.add(in.readDouble());
    }
  }

  private void readVarints(int tag, LongList out, String field) throws IOException {
    if (WireFormat.getTagWireType(tag) == LENGTH) {
      int old = enter(tag, field);
      while (!in.isAtEnd()) {
        out.add(in.readInt64());
      }
      in.popLimit(old);
    } else {
      out.add(varint(tag, field));
    }
  }

  private void skip(int tag) throws IOException {
    int wire = WireFormat.getTagWireType(tag);
    if (wire == WireFormat.WIRETYPE_START_GROUP || wire == WireFormat.WIRETYPE_END_GROUP) {
      throw new OnnxImportException("corrupt ONNX file near byte " + in.getTotalBytesRead() + ": field "
          + WireFormat.getTagFieldNumber(tag) + " uses the group wire type, which ONNX never writes");
    }
    in.skipField(tag);
  }

  /** Growable float array (avoids boxing when a file stores unpacked repeated floats). */
  private static final class FloatList {
    float[] values = new float[8];
    int size;

    void reserve(int extra) {
      if (size + extra > values.length) {
        values = Arrays.copyOf(values, size + extra);
      }
    }

    void add(float v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      values[size++] = v;
    }

    float[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  private static final class LongList {
    long[] values = new long[8];
    int size;

    void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      values[size++] = v;
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  private static final class DoubleList {
    double[] values = new double[8];
    int size;

    void add(double v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      values[size++] = v;
    }
  }
}
