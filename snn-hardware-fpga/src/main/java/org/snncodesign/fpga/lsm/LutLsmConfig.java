package org.snncodesign.fpga.lsm;

import org.snncodesign.api.Checks;

/**
 * A design point of the LUT-based LSM accelerator and the fixed-point LIF it implements.
 *
 * @param weightBits bits per stored weight (signed), 2..16
 * @param stateBits bits of the membrane potential and synaptic currents (signed, saturating), 8..31
 * @param lutIndexBits the decay LUTs have 2^lutIndexBits entries over |state| in [0, 8 theta),
 *     1..12
 * @param tauMSteps membrane time constant in time steps
 * @param tauSynESteps excitatory synaptic time constant in steps (> 0)
 * @param tauSynISteps inhibitory synaptic time constant in steps (> 0)
 * @param gainShift synaptic current enters v as {@code (i * gainNumerator) >> gainShift}
 * @param gainNumerator see gainShift
 * @param refractorySteps steps a neuron is held at reset after a spike, counting the spike's step
 * @param neuronUnits parallel neuron-update units
 * @param synapseLanes synapses fetched and accumulated per cycle
 * @param clockHz clock frequency
 */
public record LutLsmConfig(
    int weightBits,
    int stateBits,
    int lutIndexBits,
    double tauMSteps,
    double tauSynESteps,
    double tauSynISteps,
    int gainShift,
    int gainNumerator,
    int refractorySteps,
    int neuronUnits,
    int synapseLanes,
    double clockHz) {

  /**
   * 8-bit weights, 18-bit state, 128-entry LUTs, the liquid's tau_m = 30, tau_syn = 3 / 6 steps (dt
   * = 1 ms), gain 7/256 (about the LIF's exact-integration gain 0.028 for tau_syn = 3 ms), 2
   * refractory steps, 8 neuron units, 4 synapse lanes, 100 MHz.
   */
  public static final LutLsmConfig DEFAULT =
      new LutLsmConfig(8, 18, 7, 30, 3, 6, 8, 7, 2, 8, 4, 100e6);

  public LutLsmConfig {
    Checks.checkArgument(
        weightBits >= 2 && weightBits <= 16, "weightBits must be in [2, 16], got %d", weightBits);
    Checks.checkArgument(
        stateBits >= 8 && stateBits <= 31, "stateBits must be in [8, 31], got %d", stateBits);
    Checks.checkArgument(
        lutIndexBits >= 1 && lutIndexBits <= 12 && lutIndexBits < stateBits,
        "lutIndexBits must be in [1, min(12, stateBits - 1)], got %d",
        lutIndexBits);
    Checks.positive(tauMSteps, "tauMSteps");
    Checks.positive(tauSynESteps, "tauSynESteps");
    Checks.positive(tauSynISteps, "tauSynISteps");
    Checks.checkArgument(
        gainShift >= 0 && gainShift <= 16, "gainShift must be in [0, 16], got %d", gainShift);
    Checks.positive(gainNumerator, "gainNumerator");
    Checks.checkArgument(
        refractorySteps >= 1, "refractorySteps must be >= 1, got %d", refractorySteps);
    Checks.positive(neuronUnits, "neuronUnits");
    Checks.positive(synapseLanes, "synapseLanes");
    Checks.positive(clockHz, "clockHz");
  }

  /** The same design with other parallelism. */
  public LutLsmConfig withParallelism(int units, int lanes) {
    return new LutLsmConfig(
        weightBits,
        stateBits,
        lutIndexBits,
        tauMSteps,
        tauSynESteps,
        tauSynISteps,
        gainShift,
        gainNumerator,
        refractorySteps,
        units,
        lanes,
        clockHz);
  }
}
