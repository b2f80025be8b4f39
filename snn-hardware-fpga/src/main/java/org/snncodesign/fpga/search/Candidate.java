package org.snncodesign.fpga.search;

import java.util.Arrays;
import java.util.Objects;
import org.snncodesign.api.hardware.HardwareReport;

/**
 * One evaluated design point: an accelerator design paired with a version of the network. Equal to
 * another with the same genes (by value), network version, report and verdicts, so that two
 * searches compare as values.
 *
 * @param genes choice index per accelerator parameter
 * @param networkGenes choice index per network parameter (empty when the network is fixed)
 * @param network the network version the design was priced on
 * @param report the accelerator's report on that version's workload
 * @param fitsBudget whether its resources fit the budget
 * @param meetsAccuracy whether the network version meets the accuracy constraint (always true
 *     without one)
 */
public record Candidate(
    int[] genes,
    int[] networkGenes,
    NetworkVariant network,
    HardwareReport report,
    boolean fitsBudget,
    boolean meetsAccuracy) {
  public Candidate {
    genes = genes.clone();
    networkGenes = networkGenes.clone();
  }

  @Override
  public int[] genes() {
    return genes.clone();
  }

  @Override
  public int[] networkGenes() {
    return networkGenes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Candidate c
        && Arrays.equals(genes, c.genes)
        && Arrays.equals(networkGenes, c.networkGenes)
        && network.equals(c.network)
        && report.equals(c.report)
        && fitsBudget == c.fitsBudget
        && meetsAccuracy == c.meetsAccuracy;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        Arrays.hashCode(genes),
        Arrays.hashCode(networkGenes),
        network,
        report,
        fitsBudget,
        meetsAccuracy);
  }

  @Override
  public String toString() {
    return "Candidate[genes="
        + Arrays.toString(genes)
        + ", networkGenes="
        + Arrays.toString(networkGenes)
        + ", network="
        + network
        + ", report="
        + report
        + ", fitsBudget="
        + fitsBudget
        + ", meetsAccuracy="
        + meetsAccuracy
        + "]";
  }

  /** Whether the search may select it: it fits the budget and meets the accuracy constraint. */
  public boolean feasible() {
    return fitsBudget && meetsAccuracy;
  }

  /** Energy-delay product in joule-seconds. */
  public double edp() {
    return report.energyDelayProduct();
  }

  /** The network version's accuracy, NaN when the network is fixed. */
  public double accuracy() {
    return network.accuracy();
  }

  /** True when this is no worse than {@code other} in energy and latency and better in one. */
  public boolean dominates(Candidate other) {
    double e = report.energyPicojoules();
    double l = report.latencySeconds();
    double oe = other.report.energyPicojoules();
    double ol = other.report.latencySeconds();
    return e <= oe && l <= ol && (e < oe || l < ol);
  }

  /**
   * True when this is no worse than {@code other} in EDP and accuracy and better in one; when
   * neither accuracy was measured (fixed network), when its EDP is lower.
   */
  public boolean dominatesInEdpAndAccuracy(Candidate other) {
    double a = accuracy();
    double oa = other.accuracy();
    if (Double.isNaN(a) && Double.isNaN(oa)) {
      return edp() < other.edp();
    }
    return edp() <= other.edp() && a >= oa && (edp() < other.edp() || a > oa);
  }
}
