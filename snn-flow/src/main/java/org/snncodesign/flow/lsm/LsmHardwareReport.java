package org.snncodesign.flow.lsm;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.snncodesign.fpga.lsm.LutLsmAccelerator;

/**
 * A {@link LiquidOnLutLsm.Comparison} as {@code snn lsm hardware} reports it. Jackson writes it
 * with snake-case keys in this order; the accuracy settings are left out when accuracy was skipped,
 * the encoding for every task but FSDD.
 *
 * @param dataset the task's name
 * @param encoding FSDD's spike coding, or null for the other tasks
 * @param samples samples timed and modelled
 * @param accelerator the accelerator's name
 * @param liquids the full liquid, then the pruned one
 * @param accuracySamples samples of the accuracy comparison, or null when it was skipped
 * @param split the split of the accuracy comparison, or null when it was skipped
 * @param bins the liquid-state time bins, or null when accuracy was skipped
 * @param tailSteps steps simulated after each input, or null when accuracy was skipped
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LsmHardwareReport(
    String dataset,
    String encoding,
    int samples,
    String accelerator,
    List<Liquid> liquids,
    Integer accuracySamples,
    String split,
    Integer bins,
    Integer tailSteps) {

  /** The report of {@code comparison}, run on {@code task} with {@code settings}. */
  public static LsmHardwareReport of(
      LsmTask task,
      String encoding,
      LiquidOnLutLsm.Settings settings,
      LiquidOnLutLsm.Comparison comparison) {
    boolean accuracy = settings.accuracySamples() >= 0;
    return new LsmHardwareReport(
        task.name(),
        task.name().equals("fsdd") ? encoding : null,
        comparison.samples(),
        LutLsmAccelerator.NAME,
        comparison.liquids().stream().map(Liquid::of).toList(),
        accuracy ? LiquidOnLutLsm.accuracySamples(task, settings) : null,
        accuracy ? task.officialSplit() : null,
        accuracy ? task.bins() : null,
        accuracy ? settings.tailSteps() : null);
  }

  /**
   * One liquid's figures per sample ({@link LiquidOnLutLsm.Row} without the spike counts).
   *
   * @param liquid the liquid's description
   * @param neurons its neurons
   * @param synapses its recurrent synapses
   * @param cpuUsPerSample measured time of the software engine (a timing figure)
   * @param hwCyclesPerSample the accelerator's cycles
   * @param hwLatencyUs the accelerator's latency in microseconds
   * @param hwEnergyNj the accelerator's energy in nanojoules
   * @param resources FPGA resources, written as fields of their own
   * @param accuracyFloat readout accuracy on the float engine's states, or null if not measured
   * @param accuracyFixedPoint readout accuracy on the fixed-point liquid's states, or null
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Liquid(
      String liquid,
      int neurons,
      long synapses,
      double cpuUsPerSample,
      long hwCyclesPerSample,
      double hwLatencyUs,
      double hwEnergyNj,
      @JsonAnyGetter Map<String, Long> resources,
      Double accuracyFloat,
      Double accuracyFixedPoint) {

    static Liquid of(LiquidOnLutLsm.Row r) {
      return new Liquid(
          r.liquid(),
          r.neurons(),
          r.synapses(),
          r.cpuMicrosPerSample(),
          r.hwCyclesPerSample(),
          r.hwLatencyMicros(),
          r.hwEnergyNanojoules(),
          r.resources(),
          orNull(r.accuracyFloat()),
          orNull(r.accuracyFixedPoint()));
    }

    private static Double orNull(OptionalDouble value) {
      return value.isPresent() ? value.getAsDouble() : null;
    }
  }
}
