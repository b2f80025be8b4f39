package org.snncodesign.flow.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.snncodesign.fpga.firefly.FireFlyEfficiency;

/**
 * The JSON form of a {@link FireFlyEfficiency.Comparison}: the {@code firefly-s} model's FPS/W with
 * one assumption changed at a time, next to FireFly-S's published figure.
 *
 * @param publishedFpsPerWatt the published FPS/W ({@link FireFlyEfficiency#PUBLISHED_FPS_PER_WATT})
 * @param fpgaEnergyFactor FPGA over ASIC dynamic energy factor of the FPGA steps
 * @param fpgaEnergyFactorSource where the default factor comes from
 * @param breakEvenStaticW static power at which the FPGA dynamic step falls to the published FPS/W
 * @param breakEvenFps frame rate at which the FPGA static power gives the published FPS/W; null
 *     when never reached
 * @param steps the steps, cumulative
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FireFlyReport(
    double publishedFpsPerWatt,
    double fpgaEnergyFactor,
    String fpgaEnergyFactorSource,
    double breakEvenStaticW,
    Double breakEvenFps,
    List<Step> steps) {

  /** Where the default FPGA over ASIC factor of 14 comes from. */
  public static final String FACTOR_SOURCE =
      "Kuon and Rose, IEEE TCAD 26(2), 2007: FPGA/ASIC dynamic power ~14x";

  /**
   * One step: an assumption set and what the model gives under it.
   *
   * @param key short identifier
   * @param assumption what changed, in words
   * @param fps inferences per second
   * @param dynamicW dynamic power in watts
   * @param staticW static power in watts
   * @param fpsPerWatt inferences per joule
   * @param overPublished {@code fpsPerWatt} over the published figure
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Step(
      String key,
      String assumption,
      double fps,
      double dynamicW,
      double staticW,
      double fpsPerWatt,
      double overPublished) {}

  /** The report of {@code comparison}, made with FPGA energy factor {@code fpgaEnergyFactor}. */
  public static FireFlyReport of(FireFlyEfficiency.Comparison comparison, double fpgaEnergyFactor) {
    return new FireFlyReport(
        FireFlyEfficiency.PUBLISHED_FPS_PER_WATT,
        fpgaEnergyFactor,
        FACTOR_SOURCE,
        comparison.breakEvenStaticWatts(),
        Double.isFinite(comparison.breakEvenFps()) ? comparison.breakEvenFps() : null,
        comparison.steps().stream()
            .map(
                s ->
                    new Step(
                        s.key(),
                        s.assumption(),
                        s.fps(),
                        s.dynamicWatts(),
                        s.staticWatts(),
                        s.fpsPerWatt(),
                        s.overPublished()))
            .toList());
  }
}
