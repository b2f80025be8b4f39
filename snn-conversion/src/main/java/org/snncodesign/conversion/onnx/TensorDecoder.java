package org.snncodesign.conversion.onnx;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.snncodesign.conversion.onnx.proto.OnnxProto.TensorProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.TensorProto.DataType;

/**
 * Decodes an ONNX {@code TensorProto} into a {@link ConstantTensor}: the typed repeated fields or
 * {@code raw_data} (little-endian, ONNX IR spec "Tensor data"), checking that the values fill the
 * dimensions and that floating-point values are finite.
 */
final class TensorDecoder {
  /** Largest tensor decoded, so that a hostile file cannot exhaust the heap. */
  static final long MAX_ELEMENTS = 1L << 28;

  private TensorDecoder() {}

  /**
   * @param owner what holds the tensor, for messages ("initializer 'fc.weight'", "node '/Constant'
   *     (Constant)")
   */
  static ConstantTensor decode(TensorProto t, String owner) {
    String name = t.getName();
    long[] dims = new long[t.getDimsCount()];
    long count = 1;
    for (int k = 0; k < dims.length; k++) {
      dims[k] = t.getDims(k);
      if (dims[k] < 0 || (dims[k] > 0 && count > MAX_ELEMENTS / dims[k])) {
        throw new OnnxImportException(
            owner
                + ": tensor '"
                + name
                + "' has dimensions "
                + java.util.Arrays.toString(t.getDimsList().toArray())
                + ", negative or over "
                + MAX_ELEMENTS
                + " values");
      }
      count *= dims[k];
    }
    if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
      throw new OnnxImportException(
          owner
              + ": tensor '"
              + name
              + "' keeps its data in an external file; export"
              + " with the weights inside the model (torch.onnx.export without external data, or"
              + " onnx.save(..., save_as_external_data=False))");
    }
    int n = (int) count;
    DataType type = DataType.forNumber(t.getDataType());
    ConstantTensor out =
        switch (type == null ? DataType.UNDEFINED : type) {
          case FLOAT -> ConstantTensor.ofFloats(name, dims, floats(t, n, owner));
          case DOUBLE -> ConstantTensor.ofFloats(name, dims, doubles(t, n, owner));
          case INT64 -> ConstantTensor.ofLongs(name, dims, int64s(t, n, owner));
          case INT32, INT16, INT8, UINT16, UINT8, BOOL ->
              ConstantTensor.ofLongs(name, dims, smallInts(t, type, n, owner));
          default ->
              throw new OnnxImportException(
                  owner
                      + ": tensor '"
                      + name
                      + "' has element type "
                      + (type == null ? "code " + t.getDataType() : type.name())
                      + ", which the importer does not read");
        };
    if (out.isFloat()) {
      requireFinite(out, owner);
    }
    return out;
  }

  /** Refuses NaN and infinite values, naming the tensor and the first bad index. */
  static void requireFinite(ConstantTensor t, String owner) {
    float[] v = t.floats();
    for (int k = 0; k < v.length; k++) {
      if (!Float.isFinite(v[k])) {
        throw new OnnxImportException(
            owner
                + ": tensor '"
                + t.name()
                + "' holds "
                + v[k]
                + " at flat index "
                + k
                + " of shape "
                + t.shapeText()
                + "; weights must be finite");
      }
    }
  }

  private static float[] floats(TensorProto t, int n, String owner) {
    ByteBuffer raw = raw(t, n, 4, owner);
    float[] v = new float[n];
    if (raw != null) {
      raw.asFloatBuffer().get(v);
      return v;
    }
    requireCount(t, t.getFloatDataCount(), n, owner);
    for (int k = 0; k < n; k++) {
      v[k] = t.getFloatData(k);
    }
    return v;
  }

  private static float[] doubles(TensorProto t, int n, String owner) {
    ByteBuffer raw = raw(t, n, 8, owner);
    float[] v = new float[n];
    if (raw == null) {
      requireCount(t, t.getDoubleDataCount(), n, owner);
    }
    for (int k = 0; k < n; k++) {
      v[k] = (float) (raw != null ? raw.getDouble(8 * k) : t.getDoubleData(k));
    }
    return v;
  }

  private static long[] int64s(TensorProto t, int n, String owner) {
    ByteBuffer raw = raw(t, n, 8, owner);
    long[] v = new long[n];
    if (raw != null) {
      raw.asLongBuffer().get(v);
      return v;
    }
    requireCount(t, t.getInt64DataCount(), n, owner);
    for (int k = 0; k < n; k++) {
      v[k] = t.getInt64Data(k);
    }
    return v;
  }

  /**
   * Types ONNX stores in {@code int32_data} (one value per entry) or as raw little-endian bytes.
   */
  private static long[] smallInts(TensorProto t, DataType type, int n, String owner) {
    int width =
        switch (type) {
          case INT32 -> 4;
          case INT16, UINT16 -> 2;
          default -> 1;
        };
    ByteBuffer raw = raw(t, n, width, owner);
    long[] v = new long[n];
    if (raw == null) {
      requireCount(t, t.getInt32DataCount(), n, owner);
    }
    for (int k = 0; k < n; k++) {
      v[k] =
          raw == null
              ? t.getInt32Data(k)
              : switch (type) {
                case INT32 -> raw.getInt(4 * k);
                case INT16 -> raw.getShort(2 * k);
                case UINT16 -> raw.getShort(2 * k) & 0xffff;
                case INT8 -> raw.get(k);
                default -> raw.get(k) & 0xff;
              };
    }
    return v;
  }

  private static ByteBuffer raw(TensorProto t, int n, int width, String owner) {
    if (!t.hasRawData()) {
      return null;
    }
    ByteString bytes = t.getRawData();
    if (bytes.size() != (long) n * width) {
      throw new OnnxImportException(
          owner
              + ": tensor '"
              + t.getName()
              + "' has "
              + bytes.size()
              + " bytes of raw"
              + " data, its dimensions need "
              + (long) n * width);
    }
    return bytes.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  private static void requireCount(TensorProto t, int count, int n, String owner) {
    if (count != n) {
      throw new OnnxImportException(
          owner
              + ": tensor '"
              + t.getName()
              + "' has "
              + count
              + " values, its"
              + " dimensions "
              + t.getDimsList()
              + " need "
              + n);
    }
  }
}
