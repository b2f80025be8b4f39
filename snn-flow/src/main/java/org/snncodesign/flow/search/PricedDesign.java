package org.snncodesign.flow.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.energy.StaticPower;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.fpga.search.ComparedDesign;
import org.snncodesign.fpga.search.DesignPointComparison;

/**
 * One row of a {@link DesignPointComparison} priced on the inferences: its report, or why it has
 * none (the model declined the workload, or failed while pricing it). One model that fails does not
 * hide the others.
 *
 * <pre>{@code
 * List<ComparedDesign> designs = new DesignPointComparison(energy, budget, "zynq-7020", SearchSettings.QUICK)
 *     .compare(accelerators, mean);
 * for (PricedDesign row : PricedDesign.priceAll(designs, inferences, energy, StaticPower.EXCLUDED)) { ... }
 * }</pre>
 *
 * @param design the compared design
 * @param report its report over the inferences run one after another; empty when declined or failed
 * @param failure the message of the exception pricing it threw; empty unless it failed
 */
public record PricedDesign(
    ComparedDesign design, Optional<HardwareReport> report, Optional<String> failure) {
  /** Checks that the parts are given and that a priced design did not also fail. */
  public PricedDesign {
    Checks.checkArgument(
        design != null && report != null && failure != null,
        "a priced design needs its design, report and failure");
    Checks.checkArgument(
        report.isEmpty() || failure.isEmpty(), "a design with a report did not fail");
  }

  /** Whether the model declined the workload ({@link ComparedDesign#declined()}). */
  public boolean declined() {
    return design.declined();
  }

  /**
   * Every design priced on {@code inferences} ({@link ComparedDesign#price}), in order; a declined
   * design gets no report, a design whose model throws gets the message.
   */
  public static List<PricedDesign> priceAll(
      List<ComparedDesign> designs,
      List<Workload> inferences,
      EnergyModel energy,
      StaticPower staticPower) {
    List<PricedDesign> rows = new ArrayList<>();
    for (ComparedDesign design : designs) {
      if (design.declined()) {
        rows.add(new PricedDesign(design, Optional.empty(), Optional.empty()));
        continue;
      }
      try {
        rows.add(
            new PricedDesign(
                design,
                Optional.of(design.price(inferences, energy, staticPower)),
                Optional.empty()));
      } catch (RuntimeException e) {
        rows.add(
            new PricedDesign(
                design, Optional.empty(), Optional.of(String.valueOf(e.getMessage()))));
      }
    }
    return rows;
  }
}
