package org.snncodesign.conversion.onnx;

import java.util.List;
import java.util.Map;

/**
 * A decoded {@code ModelProto} with its {@code GraphProto} flattened in: what the importer needs and nothing
 * more.
 *
 * @param irVersion IR version of the file
 * @param opset version of the default ({@code ai.onnx}) operator set, 0 when not declared
 * @param producer producer name and version, e.g. {@code pytorch 2.3.0}
 * @param name graph name
 * @param nodes nodes in the file's (topological) order
 * @param initializers constant tensors by name
 * @param inputs graph inputs (may include initializers, as older exporters wrote them)
 * @param outputs graph outputs
 */
record OnnxGraph(long irVersion, long opset, String producer, String name, List<OnnxNode> nodes,
    Map<String, OnnxTensor> initializers, List<OnnxValueInfo> inputs, List<OnnxValueInfo> outputs) {}
