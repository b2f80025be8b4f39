package com.example.snn;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.energy.EnergyBreakdown;
import org.snncodesign.api.energy.EnergyCategory;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.energy.Operation;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.DesignParameter;
import org.snncodesign.api.hardware.DesignSpace;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.hardware.WorkloadMapping;

/**
 * A third-party backend: an array of {@code macs} 8-bit multiply-accumulate units that exploits no sparsity. Every
 * synapse costs one MAC per time step and every weight is read once from DRAM per inference.
 */
public final class DenseMacArray implements Accelerator {
  private final int macs;
  private final double clockHz = 200e6;

  /** The default design, 256 MACs; the public no-argument constructor is what ServiceLoader calls. */
  public DenseMacArray() {
    this(256);
  }

  /** A design with {@code macs} MAC units. */
  public DenseMacArray(int macs) {
    this.macs = macs;
  }

  @Override
  public String name() {
    return "example-dense-mac";
  }

  @Override
  public String description() {
    return "example third-party plugin: a " + macs + "-MAC dense array that skips nothing";
  }

  @Override
  public String version() {
    return "1.0.0";
  }

  // State the API this plugin was compiled against; the registry refuses it under another major version, and under
  // an older minor one (1.1 added the shared energy categories, mapping() and designSpace()).
  @Override
  public ApiVersion apiVersion() {
    return new ApiVersion(1, 1);
  }

  // The space snn hw search --model example-dense-mac explores: the number of MAC units.
  @Override
  public Optional<DesignSpace> designSpace() {
    List<DesignParameter> parameters = List.of(DesignParameter.ofInts("macs", 64, 128, 256, 512, 1024));
    return Optional.of(new DesignSpace() {
      @Override
      public String name() {
        return "example-dense-mac";
      }

      @Override
      public List<DesignParameter> parameters() {
        return parameters;
      }

      @Override
      public Accelerator build(int[] genes) {
        return new DenseMacArray(Integer.parseInt(parameters.get(0).values().get(genes[0])));
      }
    });
  }

  // A dense array runs any layer: it states its mapping instead of declining.
  @Override
  public WorkloadMapping mapping(Workload workload) {
    return WorkloadMapping.runs("every synapse of every layer as one 8-bit MAC per time step, layers in turn");
  }

  /**
   * Energy categories charged: compute (a multiply and an add per MAC), off-chip memory (every weight read once
   * from DRAM). No on-chip buffers are modelled and no static power is stated, so both stay empty.
   */
  @Override
  public HardwareReport evaluate(Workload workload, EnergyModel energy) {
    long macOperations = 0;
    long weightBytes = 0;
    for (LayerWorkload layer : workload.layers()) {
      macOperations += (long) layer.timeSteps() * layer.inputs() * layer.outputs();
      weightBytes += ((long) layer.inputs() * layer.outputs() * layer.weightBits() + 7) / 8;
    }
    EnergyBreakdown breakdown = EnergyBreakdown.builder()
        .charge(EnergyCategory.COMPUTE, "mac_multiply", energy, Operation.MULT_INT8, macOperations)
        .charge(EnergyCategory.COMPUTE, "mac_add", energy, Operation.ADD_INT32, macOperations)
        .charge(EnergyCategory.OFF_CHIP_MEMORY, "weights", energy, Operation.DRAM_ACCESS, (weightBytes + 7) / 8)
        .build();
    return HardwareReport.builder(name())
        .configuration(Map.of("macs", String.valueOf(macs)))
        .cycles((macOperations + macs - 1) / macs)
        .clockHz(clockHz)
        .energy(breakdown)
        .energyModel(energy)
        .mapping(mapping(workload).statement())
        .resources(Map.of("mac_units", (long) macs))
        .bottleneck("compute")
        .counters(Map.of("mac_operations", (double) macOperations, "dram_bytes", (double) weightBytes))
        .build();
  }
}
