package org.snncodesign.spmm.model;

import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;

/**
 * What the analytical SpMM models share: a design point {@code config}, and a workload costed layer by layer.
 * Layers run one after another, so their {@link CostSheet}s add; the design then turns the total into its report.
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
    return new ApiVersion(1, 0);
  }

  @Override
  public HardwareReport evaluate(Workload workload, EnergyModel energy) {
    CostSheet total = new CostSheet();
    for (LayerWorkload layer : workload.layers()) {
      total.addAll(evaluate(LayerProfile.of(layer)));
    }
    return report(total, energy);
  }

  /** The cost of one layer on this design. */
  abstract CostSheet evaluate(LayerProfile layer);

  /** The report of a whole workload whose layers add up to {@code total}, with this design's resources. */
  abstract HardwareReport report(CostSheet total, EnergyModel energy);
}
