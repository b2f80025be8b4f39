package org.snncodesign.api.hardware;

import java.util.Optional;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.plugin.Plugin;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * A hardware backend: an accelerator model that estimates what a workload costs, and optionally an
 * executing backend (a CPU kernel) that also computes the layer.
 */
public interface Accelerator extends Plugin {

  /**
   * Cycles, energy, resources and bottleneck of {@code workload} on this design, priced with {@code
   * energy}, in the shared accounting of {@link HardwareReport}: energy by category, static energy
   * reported on its own, the mapping of {@link #mapping(Workload)} stated in the report's basis.
   *
   * @throws UnsupportedWorkloadException when {@link #mapping(Workload)} declines the workload
   */
  HardwareReport evaluate(Workload workload, EnergyModel energy);

  /**
   * Whether this design can run {@code workload}, and the mapping it assumes (or why it cannot). By
   * default every workload runs, its layers one after another on the whole design; a model with a
   * narrower datapath (a liquid state machine array given a feed-forward network, say) declines,
   * and {@link #evaluate} then throws.
   *
   * @since API 1.1
   */
  default WorkloadMapping mapping(Workload workload) {
    return WorkloadMapping.runs("layers one after another on the whole design");
  }

  /**
   * The searchable design space of this accelerator's family around this design point, for
   * co-search; empty when the model has no parameters to search (a CPU, say).
   *
   * @since API 1.1
   */
  default Optional<DesignSpace> designSpace() {
    return Optional.empty();
  }

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
    throw new UnsupportedOperationException(
        "accelerator '" + name() + "' models hardware and does not execute");
  }
}
