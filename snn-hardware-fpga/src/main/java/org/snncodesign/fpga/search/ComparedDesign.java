package org.snncodesign.fpga.search;

import java.util.List;
import java.util.Optional;
import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.energy.StaticPower;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.Workload;

/**
 * One row of a like-for-like comparison: an accelerator model at one design point, with the
 * assumption behind the row stated, or the model's reason for declining the workload.
 *
 * @param accelerator the model's name
 * @param point which design point the row is
 * @param design the accelerator at that design point; empty when the model declined the workload
 * @param assumption what the row assumes (design point, search, mapping), or why the model
 *     declined, in one line
 */
public record ComparedDesign(
    String accelerator, DesignPoint point, Optional<Accelerator> design, String assumption) {

  /** Which design point of a model a row shows. */
  public enum DesignPoint {
    /** The model's default parameters. */
    DEFAULT("default"),
    /** The least-EDP design a quick co-search of the model's design space found. */
    SEARCHED("co-searched");

    private final String label;

    DesignPoint(String label) {
      this.label = label;
    }

    /** The label in tables and file names. */
    public String label() {
      return label;
    }
  }

  public ComparedDesign {
    Checks.checkArgument(
        accelerator != null && point != null && design != null && assumption != null,
        "a compared design needs its accelerator, point, design and assumption");
  }

  /** Whether the model declined the workload (then {@link #assumption()} is its reason). */
  public boolean declined() {
    return design.isEmpty();
  }

  /**
   * The design's report over {@code inferences} run one after another ({@link
   * HardwareReport#ofSequence}), under {@code staticPower}.
   *
   * @throws IllegalStateException when the model declined the workload
   */
  public HardwareReport price(
      List<Workload> inferences, EnergyModel energy, StaticPower staticPower) {
    Accelerator accelerator =
        design.orElseThrow(
            () ->
                new IllegalStateException(
                    this.accelerator + " declined the workload: " + assumption));
    return HardwareReport.ofSequence(
            inferences.stream().map(w -> accelerator.evaluate(w, energy)).toList())
        .withStaticPower(staticPower);
  }
}
