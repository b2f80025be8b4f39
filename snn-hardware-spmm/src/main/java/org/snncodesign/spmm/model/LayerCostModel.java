package org.snncodesign.spmm.model;

import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.hardware.WorkloadMapping;

/**
 * What the analytical SpMM models share: a design point {@code config}, and a workload costed layer
 * by layer. Layers run one after another, so their {@link CostSheet}s add; the design then turns
 * the total into its report.
 *
 * <p>Energy categories charged: compute (the adders), on-chip memory (weight, spike,
 * partial-product buffers and accumulators, by Horowitz SRAM size class) and off-chip memory (DRAM
 * transfers). Static power is not modelled: these are ASIC-style designs priced with a
 * per-operation table that has no leakage figure. Nothing is charged to other.
 *
 * @param <C> the design point's type
 */
abstract class LayerCostModel<C> implements Accelerator {
  final C config;

  LayerCostModel(C config) {
    Checks.checkArgument(config != null, "config must not be null");
    this.config = config;
  }

  @Override
  public ApiVersion apiVersion() {
    return new ApiVersion(1, 1);
  }

  @Override
  public HardwareReport evaluate(Workload workload, EnergyModel energy) {
    CostSheet total = new CostSheet();
    for (LayerWorkload layer : workload.layers()) {
      total.addAll(evaluate(LayerProfile.of(layer)));
    }
    return report(total, energy).mapping(mapping(workload).statement()).build();
  }

  /**
   * Every workload runs: its layers one after another on the whole design, each as a {@code T x
   * inputs} spike matrix times an {@code inputs x outputs} weight matrix (a convolution as its
   * unrolled matrix).
   */
  @Override
  public WorkloadMapping mapping(Workload workload) {
    return WorkloadMapping.runs(
        "layers one after another on the whole design, each as spikes x weights (SpMM)");
  }

  /** The cost of one layer on this design. */
  abstract CostSheet evaluate(LayerProfile layer);

  /**
   * The report of a whole workload whose layers add up to {@code total}, with this design's
   * resources.
   */
  abstract HardwareReport.Builder report(CostSheet total, EnergyModel energy);
}
