package org.snncodesign.conversion.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.TensorShape;

/**
 * Reads a CNN from an ONNX file (e.g. written by PyTorch's {@code torch.onnx.export} of a model in
 * {@code eval()} mode) into an {@link AnnModel}.
 *
 * <p>Supported operators (default {@code ai.onnx} domain, opset 7 and later): {@code Conv} (2-D, group 1,
 * dilation 1, equal strides, the same padding on every side), {@code Gemm} (any {@code alpha}, {@code beta},
 * {@code transB}; {@code transA = 0}), {@code MatMul} with a constant weight, {@code Add} (a constant bias right
 * after Conv/Gemm/MatMul, or a residual add of an earlier activation), {@code Relu}, {@code MaxPool} and
 * {@code AveragePool} (square window, no padding), {@code GlobalAveragePool} and {@code GlobalMaxPool} (square
 * input), {@code BatchNormalization} (inference mode), {@code Flatten} (axis 1), {@code Reshape} to
 * {@code [N, C*H*W]}, {@code Dropout} and {@code Identity} (pass-through), {@code Constant}, and a final
 * {@code Softmax} or {@code LogSoftmax}, which is dropped: the model then outputs logits, whose arg-max is the
 * same. The graph must be a chain from one input to one output; a residual {@code Add} may read an earlier
 * activation.
 *
 * <p>Anything else fails with an {@link OnnxImportException} naming the operator and node; corrupt or truncated
 * files fail with one naming the byte offset. No input makes the importer throw anything else.
 */
public final class OnnxImporter {
  /** Largest file read, the 2 GiB protobuf limit. */
  static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

  private OnnxImporter() {}

  /**
   * Imports the ONNX file {@code file}; the model is named after the graph, or the file when the graph has no
   * name.
   *
   * @throws OnnxImportException naming the file when it cannot be imported
   * @throws IOException when the file cannot be read
   */
  public static AnnModel read(Path file) throws IOException {
    return read(file, null);
  }

  /**
   * Imports {@code file} with a given sample shape, for graphs whose input has symbolic sizes beyond the batch.
   *
   * @param inputShape shape of one sample, or null to take it from the graph input
   */
  public static AnnModel read(Path file, TensorShape inputShape) throws IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new OnnxImportException(file + ": " + size + " bytes is over the 2 GiB limit of a protobuf file");
    }
    String fileName = file.getFileName() == null ? "model" : file.getFileName().toString();
    String name = fileName.endsWith(".onnx") ? fileName.substring(0, fileName.length() - 5) : fileName;
    try {
      return fromBytes(Files.readAllBytes(file), name.isBlank() ? "model" : name, inputShape);
    } catch (OnnxImportException e) {
      throw new OnnxImportException(file + ": " + e.getMessage(), e.opType(), e.nodeName(), e);
    }
  }

  /**
   * Imports a serialised ONNX {@code ModelProto}.
   *
   * @param bytes the file's content
   * @param fallbackName model name when the graph has none
   * @param inputShape shape of one sample, or null to take it from the graph input
   * @throws OnnxImportException when the bytes cannot be imported
   */
  public static AnnModel fromBytes(byte[] bytes, String fallbackName, TensorShape inputShape) {
    if (bytes == null) {
      throw new OnnxImportException("no ONNX bytes given");
    }
    OnnxGraph graph = ProtoReader.parseModel(bytes);
    String name = graph.name().isBlank() ? fallbackName : graph.name();
    return GraphMapper.map(graph, name == null || name.isBlank() ? "model" : name, inputShape);
  }
}
