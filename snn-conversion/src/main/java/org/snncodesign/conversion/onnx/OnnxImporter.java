package org.snncodesign.conversion.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.snncodesign.api.dataset.InputNormalization;
import org.snncodesign.api.graph.GraphAnnotations;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.TensorShape;
import org.snncodesign.conversion.onnx.proto.OnnxProto.ModelProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.OperatorSetIdProto;

/**
 * Reads a CNN or MLP from an ONNX file (as PyTorch's {@code torch.onnx.export} writes a model in
 * {@code eval()} mode, with or without a dynamic batch axis) into an {@link AnnModel}. The file is
 * parsed with the classes protoc generates from the ONNX project's {@code onnx.proto}.
 *
 * <p>The graph may be any acyclic graph (branches, residual and projection shortcuts,
 * concatenation). Shape arithmetic ({@code Shape}, {@code Gather}, {@code Unsqueeze}, {@code
 * Concat}, {@code Slice}, {@code Cast}, {@code Constant}, {@code ConstantOfShape}, {@code Reshape}
 * to a computed shape, ...) is evaluated at import, so {@code x.view(x.size(0), -1)} imports.
 * Layers: {@code Conv} (2-D, grouped and depthwise included, the same padding on every side),
 * {@code Gemm}, {@code MatMul}, {@code Relu}, {@code Clip(0, max)} (ReLU6), {@code MaxPool}, {@code
 * AveragePool}, the global pools, {@code ReduceMean} over height and width, {@code
 * BatchNormalization}, {@code Add} of two activations, {@code Concat} on the channels, {@code
 * Flatten}, {@code Reshape}, {@code Squeeze}, {@code Unsqueeze} and {@code Transpose} where they
 * keep every value in place, a zero {@code Pad} before a {@code Conv} or {@code AveragePool},
 * {@code Mul}/{@code Div} by and {@code Add}/{@code Sub} of constants (folded into the producing
 * layer), {@code Dropout} and {@code Identity}, and a final {@code Softmax}, {@code LogSoftmax} or
 * {@code Sigmoid}, which is dropped: the model then outputs logits, whose arg-max is the same.
 * Activation functions a converted spiking network has no counterpart for (LeakyRelu, HardSwish,
 * Sigmoid inside the network, ...) are refused naming the node.
 *
 * <p>Anything else fails with an {@link OnnxImportException} naming the operator and node; corrupt
 * files, and weights that are NaN or infinite (naming the tensor and the index), fail too. No input
 * makes the importer throw anything else.
 */
public final class OnnxImporter {
  /** Largest file read, the 2 GiB protobuf limit. */
  static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

  private OnnxImporter() {}

  /**
   * Imports the ONNX file {@code file}; the model is named after the graph, or the file when the
   * graph has no name.
   *
   * @throws OnnxImportException naming the file when it cannot be imported
   * @throws IOException when the file cannot be read
   */
  public static AnnModel read(Path file) throws IOException {
    return read(file, null);
  }

  /**
   * Imports {@code file} with a given sample shape, for graphs whose input has symbolic sizes
   * beyond the batch.
   *
   * @param inputShape shape of one sample, or null to take it from the graph input
   */
  public static AnnModel read(Path file, TensorShape inputShape) throws IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new OnnxImportException(
          file + ": " + size + " bytes is over the 2 GiB limit of a protobuf file");
    }
    String fileName = file.getFileName() == null ? "model" : file.getFileName().toString();
    String name =
        fileName.endsWith(".onnx") ? fileName.substring(0, fileName.length() - 5) : fileName;
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
    ModelProto model;
    try {
      model = ModelProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new OnnxImportException(
          "not a valid ONNX model (protobuf ModelProto): " + e.getMessage(), null, null, e);
    }
    if (!model.hasGraph()) {
      throw new OnnxImportException("the file holds no graph (is it an ONNX model?)");
    }
    String graphName = model.getGraph().getName();
    String name =
        !graphName.isBlank()
            ? graphName
            : fallbackName == null || fallbackName.isBlank() ? "model" : fallbackName;
    return withRecordedNormalization(
        model, GraphMapper.map(model.getGraph(), defaultOpset(model), name, inputShape));
  }

  /**
   * The model with the input normalisation the file's {@code metadata_props} record (written by
   * {@link OnnxExporter}): the pixel scale, and for a normalisation folded into a layer its means,
   * deviations and layer. Files without these entries keep what the graph computes (pixels / 255,
   * and any {@code Sub}/{@code Div} on the input).
   */
  private static AnnModel withRecordedNormalization(ModelProto proto, AnnModel model) {
    Map<String, String> entries = new HashMap<>();
    proto.getMetadataPropsList().forEach(e -> entries.put(e.getKey(), e.getValue()));
    String scale = entries.get(GraphAnnotations.INPUT_PIXEL_SCALE);
    if (scale == null) {
      return model;
    }
    String foldedInto = entries.get(GraphAnnotations.INPUT_NORMALIZATION_FOLDED_INTO);
    try {
      float pixelScale = Float.parseFloat(scale);
      if (foldedInto == null) {
        InputNormalization graph = model.inputNormalization();
        return model.withInputNormalization(
            new InputNormalization(pixelScale, graph.mean(), graph.std()));
      }
      InputNormalization recorded =
          new InputNormalization(
              pixelScale,
              floats(entries.get(GraphAnnotations.INPUT_MEAN)),
              floats(entries.get(GraphAnnotations.INPUT_STD)));
      return new AnnModel(
          model.schemaVersion(),
          model.name(),
          model.inputShape(),
          model.layers(),
          recorded,
          foldedInto);
    } catch (IllegalArgumentException e) {
      throw new OnnxImportException(
          "the metadata_props recording the input normalisation are not valid: "
              + e.getMessage()
              + " ("
              + entries
              + ")");
    }
  }

  private static float[] floats(String text) {
    if (text == null) {
      throw new IllegalArgumentException(
          "a folded normalisation needs its means and standard deviations");
    }
    String[] parts = text.split(",");
    float[] values = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = Float.parseFloat(parts[i]);
    }
    return values;
  }

  /** The opset version of the default domain, 0 when the model declares none. */
  private static long defaultOpset(ModelProto model) {
    for (OperatorSetIdProto id : model.getOpsetImportList()) {
      if (id.getDomain().isEmpty() || id.getDomain().equals("ai.onnx")) {
        return id.getVersion();
      }
    }
    return 0;
  }
}
