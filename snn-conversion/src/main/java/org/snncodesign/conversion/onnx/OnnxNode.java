package org.snncodesign.conversion.onnx;

import java.util.List;
import java.util.Map;

/**
 * A decoded {@code NodeProto}.
 *
 * @param name node name (may be empty in the file; the importer then uses the first output's name)
 * @param opType operator, e.g. {@code Conv}
 * @param domain operator set domain, empty for the default {@code ai.onnx}
 * @param inputs input tensor names, empty strings for omitted optional inputs
 * @param outputs output tensor names
 * @param attributes attributes by name
 */
record OnnxNode(String name, String opType, String domain, List<String> inputs, List<String> outputs,
    Map<String, OnnxAttribute> attributes) {
  /** Name for messages: the node name, or its first output when the node is unnamed. */
  String label() {
    if (!name.isEmpty()) {
      return name;
    }
    return outputs.isEmpty() ? "<unnamed>" : "<output " + outputs.get(0) + ">";
  }
}
