package org.snncodesign.flow.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.snncodesign.api.energy.EnergyComponent;
import org.snncodesign.api.energy.StaticPower;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.fpga.search.ComparedDesign;

/**
 * JSON form of a hardware report and of a compared design, as the {@code snn hw} commands and the
 * demo report them. Keys come out in a fixed order: the report's maps are sorted and the energy
 * categories follow their declaration order. Wall-clock measurements, which vary from run to run,
 * appear only under {@code measured_timing}.
 */
public final class HwJson {
  private HwJson() {}

  /** The report's figures, basis, energy by category and component, resources and counters. */
  public static ObjectNode report(HardwareReport r) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("accelerator", r.accelerator());
    node.put("cycles", r.cycles());
    node.put("clock_hz", r.clockHz());
    node.put("latency_s", r.latencySeconds());
    node.put("energy_pj", r.energyPicojoules());
    node.put("static_included", r.staticPower() == StaticPower.INCLUDED);
    node.put("edp_js", r.energyDelayProduct());
    node.put("bottleneck", r.bottleneck());
    ObjectNode basis = node.putObject("basis");
    basis.put("energy_model", r.basis().energyModel());
    basis.put("technology_node", r.basis().technologyNode());
    basis.put("static_power", r.basis().staticPowerText());
    basis.put("mapping", r.basis().mapping());
    ObjectNode config = node.putObject("configuration");
    r.configuration().forEach(config::put);
    ObjectNode categories = node.putObject("energy_by_category_pj");
    r.energy().byCategory().forEach((category, pj) -> categories.put(category.key(), pj));
    ObjectNode components = node.putObject("energy_components_pj");
    for (EnergyComponent c : r.energy().components()) {
      components.put(c.category().key() + "." + c.name(), c.picojoules());
    }
    ObjectNode resources = node.putObject("resources");
    r.resources().forEach(resources::put);
    ObjectNode counters = node.putObject("counters");
    r.counters()
        .forEach(
            (k, v) -> {
              if (Double.isFinite(v)) {
                counters.put(k, v);
              }
            });
    if (!r.measurements().isEmpty()) {
      ObjectNode timing = node.putObject("measured_timing");
      r.measurements().forEach(timing::put);
    }
    return node;
  }

  /**
   * A comparison row: its design point and assumption, then the report, or {@code declined} with
   * the reason.
   */
  public static ObjectNode row(ComparedDesign row, HardwareReport report) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("accelerator", row.accelerator());
    node.put("design_point", row.point().label());
    node.put("assumption", row.assumption());
    if (report == null) {
      node.put("declined", true);
    } else {
      node.put("declined", false);
      ObjectNode figures = report(report);
      figures.remove("accelerator");
      node.setAll(figures);
    }
    return node;
  }
}
