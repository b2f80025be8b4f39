package com.example.snn;

import java.util.Map;
import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.energy.Operation;
import org.snncodesign.api.energy.OperationCounts;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;

/**
 * A third-party backend: an array of {@code macs} 8-bit multiply-accumulate units that exploits no sparsity. Every
 * synapse costs one MAC per time step and every weight is read once from DRAM per inference.
 */
public final class DenseMacArray implements Accelerator {
  private final int macs = 256;
  private final double clockHz = 200e6;

  @Override
  public String name() {
    return "example-dense-mac";
  }

  @Override
  public String description() {
    return "example third-party plugin: a 256-MAC dense array that skips nothing";
  }

  @Override
  public String version() {
    return "1.0.0";
  }

  // State the API this plugin was compiled against; the registry refuses it under another major version.
  @Override
  public ApiVersion apiVersion() {
    return new ApiVersion(1, 0);
  }

  @Override
  public HardwareReport evaluate(Workload workload, EnergyModel energy) {
    long macOperations = 0;
    long weightBytes = 0;
    for (LayerWorkload layer : workload.layers()) {
      macOperations += (long) layer.timeSteps() * layer.inputs() * layer.outputs();
      weightBytes += ((long) layer.inputs() * layer.outputs() * layer.weightBits() + 7) / 8;
    }
    OperationCounts counts = new OperationCounts();
    counts.add(Operation.MULT_INT8, macOperations);
    counts.add(Operation.ADD_INT32, macOperations);
    counts.add(Operation.DRAM_ACCESS, (weightBytes + 7) / 8);
    long cycles = (macOperations + macs - 1) / macs;
    Map<String, Double> breakdown = Map.of(
        "compute", energy.picojoules(Operation.MULT_INT8) * macOperations
            + energy.picojoules(Operation.ADD_INT32) * macOperations,
        "dram", energy.picojoules(Operation.DRAM_ACCESS) * ((weightBytes + 7) / 8));
    return new HardwareReport(name(), Map.of("macs", String.valueOf(macs)), cycles, clockHz,
        energy.picojoules(counts), breakdown, Map.of("mac_units", (long) macs), "compute",
        Map.of("mac_operations", (double) macOperations, "dram_bytes", (double) weightBytes));
  }
}
