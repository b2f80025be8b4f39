package org.snncodesign.flow.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.snncodesign.flow.report.HardwareFigures;
import org.snncodesign.fpga.search.ComparedDesign;

/**
 * One row of a design comparison as reports write it: the design point and its assumption, then its
 * {@link HardwareFigures} (without the accelerator's name, given first), {@code declined} with the
 * assumption when the model declined the workload, or only the {@code error} when pricing failed.
 *
 * @param accelerator the accelerator plugin's name
 * @param designPoint the design point's label ({@code default}, {@code searched})
 * @param assumption what the design assumes; null when pricing failed
 * @param declined whether the model declined the workload; null when pricing failed
 * @param error why pricing failed; null unless it failed
 * @param figures the figures, written in line; null when declined or failed
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DesignRow(
    String accelerator,
    String designPoint,
    String assumption,
    Boolean declined,
    String error,
    @JsonUnwrapped HardwareFigures figures) {

  /** The row of {@code priced}: its figures, declined or failed. */
  public static DesignRow of(PricedDesign priced) {
    ComparedDesign design = priced.design();
    String label = design.point().label();
    if (priced.failure().isPresent()) {
      return new DesignRow(design.accelerator(), label, null, null, priced.failure().get(), null);
    }
    return new DesignRow(
        design.accelerator(),
        label,
        design.assumption(),
        priced.declined(),
        null,
        priced.report().map(r -> HardwareFigures.of(r).unnamed()).orElse(null));
  }

  /** The same row with its figures' {@link HardwareFigures#headline() headline} only. */
  public DesignRow headline() {
    return figures == null
        ? this
        : new DesignRow(accelerator, designPoint, assumption, declined, error, figures.headline());
  }

  /** Whether pricing the design failed. */
  public boolean failed() {
    return error != null;
  }

  /**
   * The row's assumption in one line for a table's notes: {@code accelerator: assumption} when
   * declined, {@code accelerator (design point): assumption} when priced; null when it failed.
   */
  public String note() {
    if (failed()) {
      return null;
    }
    return declined
        ? accelerator + ": " + assumption
        : accelerator + " (" + designPoint + "): " + assumption;
  }
}
