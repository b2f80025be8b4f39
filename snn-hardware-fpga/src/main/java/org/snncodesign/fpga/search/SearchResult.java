package org.snncodesign.fpga.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snncodesign.api.hardware.HardwareReport;

/**
 * What a co-search found.
 *
 * @param space the accelerator family searched
 * @param evaluated every distinct design evaluated, in evaluation order
 * @param best the feasible design of least EDP
 * @param baseline the stated baseline design's report
 */
public record SearchResult(String space, List<Candidate> evaluated, Candidate best, HardwareReport baseline) {
  public SearchResult {
    evaluated = List.copyOf(evaluated);
  }

  /** Baseline EDP over best EDP. */
  public double edpReduction() {
    return baseline.energyDelayProduct() / best.edp();
  }

  /** Feasible designs no other feasible design beats in both energy and latency, by ascending latency. */
  public List<Candidate> paretoFront() {
    List<Candidate> feasible = evaluated.stream().filter(Candidate::feasible).toList();
    List<Candidate> front = new ArrayList<>();
    for (Candidate c : feasible) {
      boolean dominated = false;
      for (Candidate o : feasible) {
        if (o.dominates(c)) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        front.add(c);
      }
    }
    front.sort(Comparator.comparingDouble((Candidate c) -> c.report().latencySeconds())
        .thenComparingDouble(c -> c.report().energyPicojoules()));
    return front;
  }

  /**
   * The Pareto front as CSV: {@code latency_s, energy_pj, edp_js, cycles, lut, ff, bram36, dsp} then the design's
   * configuration parameters, one design per line.
   */
  public String paretoCsv() {
    List<Candidate> front = paretoFront();
    List<String> keys = front.isEmpty() ? List.of() : new ArrayList<>(front.get(0).report().configuration().keySet());
    StringBuilder out = new StringBuilder("latency_s,energy_pj,edp_js,cycles,lut,ff,bram36,dsp");
    for (String k : keys) {
      out.append(',').append(k);
    }
    out.append('\n');
    for (Candidate c : front) {
      HardwareReport r = c.report();
      Map<String, Long> res = r.resources();
      out.append(String.format(Locale.ROOT, "%.6e,%.6e,%.6e,%d,%d,%d,%d,%d", r.latencySeconds(),
          r.energyPicojoules(), r.energyDelayProduct(), r.cycles(), res.getOrDefault("lut", 0L),
          res.getOrDefault("ff", 0L), res.getOrDefault("bram36", 0L), res.getOrDefault("dsp", 0L)));
      for (String k : keys) {
        out.append(',').append(r.configuration().getOrDefault(k, ""));
      }
      out.append('\n');
    }
    return out.toString();
  }
}
