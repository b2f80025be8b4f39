package org.snncodesign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** Renders the demo report as an indented table of each stage's figures, for the terminal. */
final class DemoSummary {
  private DemoSummary() {}

  static String render(JsonNode report) {
    StringBuilder text = new StringBuilder("snn demo results\n");
    Iterator<Map.Entry<String, JsonNode>> stages = report.path("stages").fields();
    while (stages.hasNext()) {
      Map.Entry<String, JsonNode> stage = stages.next();
      text.append(stage.getKey()).append('\n');
      Iterator<Map.Entry<String, JsonNode>> figures = stage.getValue().fields();
      while (figures.hasNext()) {
        Map.Entry<String, JsonNode> figure = figures.next();
        JsonNode value = figure.getValue();
        String shown = value.isFloatingPointNumber() ? String.format("%.4g", value.asDouble()) : value.toString();
        text.append(String.format("  %-28s %s%n", figure.getKey(), shown));
      }
    }
    return text.toString();
  }
}
