package org.snncodesign.flow.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;

/**
 * Renders a demo report for the terminal: each stage's figures, nested objects indented beneath
 * their key.
 */
public final class DemoSummary {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DemoSummary() {}

  /**
   * The report's {@code stages}, then {@code measured_timing}, one figure a line; numbers to 4
   * significant digits.
   */
  public static String render(DemoReport demo) {
    JsonNode report = MAPPER.valueToTree(demo);
    StringBuilder text = new StringBuilder("snn demo results\n");
    Iterator<Map.Entry<String, JsonNode>> stages = report.path("stages").fields();
    while (stages.hasNext()) {
      Map.Entry<String, JsonNode> stage = stages.next();
      text.append(stage.getKey()).append('\n');
      appendFields(text, stage.getValue(), "  ");
    }
    if (report.has("measured_timing")) {
      text.append("measured_timing (wall clock, varies from run to run)\n");
      appendFields(text, report.get("measured_timing"), "  ");
    }
    return text.toString();
  }

  private static void appendFields(StringBuilder text, JsonNode node, String indent) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      appendValue(text, field.getKey(), field.getValue(), indent);
    }
  }

  private static void appendValue(StringBuilder text, String key, JsonNode value, String indent) {
    if (value.isObject()) {
      text.append(indent).append(key).append('\n');
      appendFields(text, value, indent + "  ");
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        appendValue(text, key + "[" + i + "]", value.get(i), indent);
      }
    } else {
      String shown =
          value.isFloatingPointNumber() ? String.format("%.4g", value.asDouble()) : value.asText();
      text.append(
          String.format("%s%-" + Math.max(1, 36 - indent.length()) + "s %s%n", indent, key, shown));
    }
  }
}
