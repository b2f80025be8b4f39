package org.snncodesign.cli.hardware;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.cli.JsonReport;

/** JSON form of a hardware report, shared by the {@code snn hw} commands. */
final class HwJson {
  private HwJson() {}

  static ObjectNode report(HardwareReport r) {
    ObjectNode node = JsonReport.mapper().createObjectNode();
    node.put("accelerator", r.accelerator());
    node.put("cycles", r.cycles());
    node.put("clock_hz", r.clockHz());
    node.put("latency_s", r.latencySeconds());
    node.put("energy_pj", r.energyPicojoules());
    node.put("edp_js", r.energyDelayProduct());
    node.put("bottleneck", r.bottleneck());
    ObjectNode config = node.putObject("configuration");
    r.configuration().forEach(config::put);
    ObjectNode energy = node.putObject("energy_breakdown_pj");
    r.energyBreakdownPicojoules().forEach(energy::put);
    ObjectNode resources = node.putObject("resources");
    r.resources().forEach(resources::put);
    ObjectNode counters = node.putObject("counters");
    r.counters().forEach((k, v) -> {
      if (Double.isFinite(v)) {
        counters.put(k, v);
      }
    });
    return node;
  }
}
