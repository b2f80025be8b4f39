package org.snncodesign.cli;

import java.util.Map;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.Workload;

/** A provider registered only on the test class path, so the wiring can be checked without other modules. */
public final class FixtureAccelerator implements Accelerator {
  @Override
  public String name() {
    return "test-fixture";
  }

  @Override
  public String description() {
    return "test-only accelerator: one cycle per layer";
  }

  @Override
  public HardwareReport evaluate(Workload workload, EnergyModel energy) {
    return new HardwareReport(name(), Map.of(), workload.layers().size(), 1e6, 0, Map.of(), Map.of(), "none",
        Map.of());
  }
}
