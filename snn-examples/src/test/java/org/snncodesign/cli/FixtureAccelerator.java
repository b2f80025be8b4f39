package org.snncodesign.cli;

import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.Workload;

/**
 * A provider registered only on the test class path, so the wiring can be checked without other
 * modules.
 */
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
    return HardwareReport.builder(name())
        .cycles(workload.layers().size())
        .clockHz(1e6)
        .bottleneck("none")
        .build();
  }
}
