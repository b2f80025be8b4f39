package org.snncodesign.fpga.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import org.snncodesign.api.hardware.DesignParameter;
import org.snncodesign.api.hardware.HardwareReport;

/**
 * What a co-search found.
 *
 * @param space the accelerator family searched
 * @param networkParameters the network genes searched (empty when the network was fixed)
 * @param evaluated every distinct design evaluated, in evaluation order
 * @param best the feasible design of least EDP
 * @param baseline the stated baseline design's report, on the unmodified network
 * @param baselineNetwork the unmodified network (its workload and accuracy)
 * @param minAccuracy the accuracy floor ({@code -Infinity} when there was none)
 */
public record SearchResult(
    String space,
    List<DesignParameter> networkParameters,
    List<Candidate> evaluated,
    Candidate best,
    HardwareReport baseline,
    NetworkVariant baselineNetwork,
    double minAccuracy) {
  public SearchResult {
    networkParameters = List.copyOf(networkParameters);
    evaluated = List.copyOf(evaluated);
  }

  /** Baseline EDP (baseline design, unmodified network) over best EDP. */
  public double edpReduction() {
    return baseline.energyDelayProduct() / best.edp();
  }

  /** Whether network genes were searched next to the accelerator's. */
  public boolean searchedNetwork() {
    return !networkParameters.isEmpty();
  }

  /**
   * Feasible designs no other feasible design beats in both energy and latency, by ascending
   * latency.
   */
  public List<Candidate> paretoFront() {
    List<Candidate> front =
        front(evaluated.stream().filter(Candidate::feasible).toList(), Candidate::dominates);
    front.sort(
        Comparator.comparingDouble((Candidate c) -> c.report().latencySeconds())
            .thenComparingDouble(c -> c.report().energyPicojoules()));
    return front;
  }

  /**
   * Designs within the resource budget that no other such design beats in both EDP and accuracy, by
   * ascending EDP: the accuracy cost of each step down in EDP. Variants below the accuracy floor
   * are included (that is the trade-off the floor cuts); with a fixed network every accuracy is NaN
   * and this is the least-EDP design(s).
   */
  public List<Candidate> accuracyFront() {
    List<Candidate> front =
        front(
            evaluated.stream().filter(Candidate::fitsBudget).toList(),
            Candidate::dominatesInEdpAndAccuracy);
    front.sort(CoSearch.BY_EDP);
    return front;
  }

  private static List<Candidate> front(
      List<Candidate> pool, BiPredicate<Candidate, Candidate> dominates) {
    List<Candidate> front = new ArrayList<>();
    for (Candidate c : pool) {
      boolean dominated = false;
      for (Candidate o : pool) {
        if (dominates.test(o, c)) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        front.add(c);
      }
    }
    return front;
  }
}
