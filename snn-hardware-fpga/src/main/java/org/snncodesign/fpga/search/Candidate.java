package org.snncodesign.fpga.search;

import org.snncodesign.api.hardware.HardwareReport;

/**
 * One evaluated design point.
 *
 * @param genes choice index per parameter
 * @param report the accelerator's report on the workload
 * @param feasible whether its resources fit the budget
 */
public record Candidate(int[] genes, HardwareReport report, boolean feasible) {
  public Candidate {
    genes = genes.clone();
  }

  @Override
  public int[] genes() {
    return genes.clone();
  }

  /** Energy-delay product in joule-seconds. */
  public double edp() {
    return report.energyDelayProduct();
  }

  /** True when this is no worse than {@code other} in energy and latency and better in one. */
  public boolean dominates(Candidate other) {
    double e = report.energyPicojoules();
    double l = report.latencySeconds();
    double oe = other.report.energyPicojoules();
    double ol = other.report.latencySeconds();
    return e <= oe && l <= ol && (e < oe || l < ol);
  }
}
