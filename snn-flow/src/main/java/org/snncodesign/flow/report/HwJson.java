package org.snncodesign.flow.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.snncodesign.api.hardware.HardwareReport;

/**
 * A hardware report's JSON form ({@link HardwareFigures}) as a tree, for the reports that are built
 * as trees.
 */
public final class HwJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private HwJson() {}

  /** The figures of {@code r} ({@link HardwareFigures#of}) as a JSON object. */
  public static ObjectNode report(HardwareReport r) {
    return MAPPER.valueToTree(HardwareFigures.of(r));
  }
}
