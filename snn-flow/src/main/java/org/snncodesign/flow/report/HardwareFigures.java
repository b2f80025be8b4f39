package org.snncodesign.flow.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snncodesign.api.energy.EnergyComponent;
import org.snncodesign.api.energy.StaticPower;
import org.snncodesign.api.hardware.HardwareReport;

/**
 * The JSON form of a {@link HardwareReport}, as the {@code snn hw} commands and the demo report it;
 * Jackson writes it with snake-case keys in this order. The report's maps are sorted and the energy
 * categories follow their declaration order. Wall-clock measurements, which vary from run to run,
 * appear only under {@code measured_timing}.
 *
 * @param accelerator the accelerator plugin's name; null in a row that names it itself ({@code
 *     DesignRow})
 * @param cycles clock cycles
 * @param clockHz the clock
 * @param latencyS latency in seconds
 * @param energyPj energy in picojoules (static energy only when {@code staticIncluded})
 * @param staticIncluded whether {@code energyPj} includes static energy
 * @param edpJs energy-delay product in joule seconds
 * @param bottleneck what limits the design
 * @param basis the energy model, technology node, static power and mapping the figures rest on
 * @param configuration the design point
 * @param energyByCategoryPj energy by category
 * @param energyComponentsPj energy by {@code category.component}
 * @param resources FPGA resources
 * @param counters the model's finite counters
 * @param measuredTiming wall-clock measurements; left out when there are none
 * @param network the network variant the design runs, in a joint search; else null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HardwareFigures(
    String accelerator,
    long cycles,
    double clockHz,
    double latencyS,
    double energyPj,
    boolean staticIncluded,
    double edpJs,
    String bottleneck,
    Basis basis,
    Map<String, String> configuration,
    Map<String, Double> energyByCategoryPj,
    Map<String, Double> energyComponentsPj,
    Map<String, Long> resources,
    Map<String, Double> counters,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Double> measuredTiming,
    Map<String, String> network) {

  /**
   * What a report's figures rest on.
   *
   * @param energyModel the energy table's name
   * @param technologyNode its technology node
   * @param staticPower the static power, in words
   * @param mapping how the workload was mapped onto the design
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Basis(
      String energyModel, String technologyNode, String staticPower, String mapping) {}

  /** The figures of {@code r}. */
  public static HardwareFigures of(HardwareReport r) {
    Map<String, Double> categories = new LinkedHashMap<>();
    r.energy().byCategory().forEach((category, pj) -> categories.put(category.key(), pj));
    Map<String, Double> components = new LinkedHashMap<>();
    for (EnergyComponent c : r.energy().components()) {
      components.put(c.category().key() + "." + c.name(), c.picojoules());
    }
    Map<String, Double> counters = new LinkedHashMap<>();
    r.counters()
        .forEach(
            (k, v) -> {
              // JSON has no NaN or infinity.
              if (Double.isFinite(v)) {
                counters.put(k, v);
              }
            });
    return new HardwareFigures(
        r.accelerator(),
        r.cycles(),
        r.clockHz(),
        r.latencySeconds(),
        r.energyPicojoules(),
        r.staticPower() == StaticPower.INCLUDED,
        r.energyDelayProduct(),
        r.bottleneck(),
        new Basis(
            r.basis().energyModel(),
            r.basis().technologyNode(),
            r.basis().staticPowerText(),
            r.basis().mapping()),
        new LinkedHashMap<>(r.configuration()),
        categories,
        components,
        new LinkedHashMap<>(r.resources()),
        counters,
        new LinkedHashMap<>(r.measurements()),
        null);
  }

  /** The same figures without the accelerator's name, for a row that names it itself. */
  public HardwareFigures unnamed() {
    return with(null, energyComponentsPj, resources, counters, network);
  }

  /** The same figures with the network variant the design runs ({@code sparsity}, bits). */
  public HardwareFigures withNetwork(Map<String, String> variant) {
    return with(accelerator, energyComponentsPj, resources, counters, new LinkedHashMap<>(variant));
  }

  /**
   * The same figures without energy components, resources and counters: the ones a reader compares
   * across designs, for a one-line summary.
   */
  public HardwareFigures headline() {
    return with(accelerator, null, null, null, network);
  }

  private HardwareFigures with(
      String name,
      Map<String, Double> components,
      Map<String, Long> resourceCounts,
      Map<String, Double> counterValues,
      Map<String, String> variant) {
    return new HardwareFigures(
        name,
        cycles,
        clockHz,
        latencyS,
        energyPj,
        staticIncluded,
        edpJs,
        bottleneck,
        basis,
        configuration,
        energyByCategoryPj,
        components,
        resourceCounts,
        counterValues,
        measuredTiming,
        variant);
  }

  /** The resource {@code name} (e.g. {@code lut}), 0 when the design reports none. */
  public long resource(String name) {
    return resources == null ? 0 : resources.getOrDefault(name, 0L);
  }

  /** Static energy in picojoules, reported apart whether or not {@code energyPj} includes it. */
  public double staticPj() {
    return energyByCategoryPj.getOrDefault("static", 0.0);
  }
}
