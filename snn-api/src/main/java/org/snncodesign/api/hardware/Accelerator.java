package org.snncodesign.api.hardware;

import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.plugin.Plugin;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * A hardware backend: an accelerator model that estimates what a workload costs, and optionally an executing
 * backend (a CPU kernel) that also computes the layer.
 */
public interface Accelerator extends Plugin {

  /** Cycles, energy, resources and bottleneck of {@code workload} on this design, priced with {@code energy}. */
  HardwareReport evaluate(Workload workload, EnergyModel energy);

  /** True when {@link #execute} computes layers. */
  default boolean executes() {
    return false;
  }

  /**
   * Computes one layer's synaptic input {@code spikes x weights}.
   *
   * @throws UnsupportedOperationException when the backend only models hardware
   */
  default LayerExecution execute(SpikeRaster spikes, CsrMatrix weights) {
    throw new UnsupportedOperationException("accelerator '" + name() + "' models hardware and does not execute");
  }
}
