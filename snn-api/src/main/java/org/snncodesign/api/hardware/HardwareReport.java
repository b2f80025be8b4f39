package org.snncodesign.api.hardware;

import java.util.Map;
import java.util.TreeMap;
import org.snncodesign.api.Checks;

/**
 * What a workload costs on one accelerator design.
 *
 * @param accelerator name of the accelerator model
 * @param configuration the design point evaluated (parameter name to value), for the report
 * @param cycles clock cycles to finish the workload
 * @param clockHz clock frequency
 * @param energyPicojoules total energy
 * @param energyBreakdownPicojoules energy by component (compute, SRAM, DRAM, ...)
 * @param resources hardware resources by name (PEs, LUT, FF, BRAM, DSP, SRAM bytes, ...)
 * @param bottleneck what limits the design on this workload (e.g. {@code compute}, {@code memory})
 * @param counters further counts the model reports (DRAM bytes, skipped operations, ...)
 */
public record HardwareReport(
    String accelerator,
    Map<String, String> configuration,
    long cycles,
    double clockHz,
    double energyPicojoules,
    Map<String, Double> energyBreakdownPicojoules,
    Map<String, Long> resources,
    String bottleneck,
    Map<String, Double> counters) {

  public HardwareReport {
    Checks.checkArgument(cycles >= 0, "cycles must be >= 0, got %d", cycles);
    Checks.positive(clockHz, "clockHz");
    Checks.checkArgument(energyPicojoules >= 0 && Double.isFinite(energyPicojoules),
        "energy must be finite and >= 0, got %s", energyPicojoules);
    configuration = Map.copyOf(new TreeMap<>(configuration));
    energyBreakdownPicojoules = Map.copyOf(energyBreakdownPicojoules);
    resources = Map.copyOf(resources);
    counters = Map.copyOf(counters);
  }

  /** Cycles over the clock, in seconds. */
  public double latencySeconds() {
    return cycles / clockHz;
  }

  /** Energy in joules. */
  public double energyJoules() {
    return energyPicojoules * 1e-12;
  }

  /** Energy-delay product in joule-seconds: the figure co-search minimises. */
  public double energyDelayProduct() {
    return energyJoules() * latencySeconds();
  }
}
