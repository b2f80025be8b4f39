package org.snncodesign.fpga.search;

import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.hardware.DesignSpace;

/**
 * What the tasks of one search run against.
 *
 * @param accelerator the accelerator family searched
 * @param network the network side: its genes and variants ({@link NetworkSpace#fixed} for a fixed
 *     workload)
 * @param energy the energy model designs are priced with
 */
public record SearchSpaces(DesignSpace accelerator, NetworkSpace network, EnergyModel energy) {
  public SearchSpaces {
    Checks.checkArgument(
        accelerator != null && network != null && energy != null,
        "accelerator space, network space and energy model must be given");
  }
}
