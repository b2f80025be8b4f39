package org.snncodesign.api.hardware;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.EnergyBreakdown;
import org.snncodesign.api.energy.EnergyCategory;
import org.snncodesign.api.energy.EnergyComponent;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.energy.StaticPower;

/**
 * What a workload costs on one accelerator design, in the accounting every model shares: energy by
 * {@link EnergyCategory} ({@link #energy()}), with static energy reported on its own and counted in
 * {@link #energyPicojoules()} only under {@link StaticPower#INCLUDED}; the clock, energy model,
 * technology node, static power and mapping behind the figures ({@link #basis()}); and the model's
 * own counts.
 *
 * <p>Every figure but {@link #measurements()} is a deterministic function of the workload and the
 * design, and every map iterates in key order whatever map a model passed in, so that the same
 * inputs give byte-identical reports. Build one with {@link #builder(String)}. Serializable, so
 * that a search can price designs on other machines.
 *
 * @param accelerator name of the accelerator model
 * @param configuration the design point evaluated (parameter name to value), in key order
 * @param cycles clock cycles to finish the workload
 * @param clockHz clock frequency
 * @param energy energy by category and component
 * @param staticPower whether {@link #energyPicojoules()} and {@link #energyDelayProduct()} include
 *     static energy
 * @param basis the energy model, technology node, static power and mapping the figures rest on
 * @param resources hardware resources by name (PEs, LUT, FF, BRAM, DSP, SRAM bytes, ...), in key
 *     order
 * @param bottleneck what limits the design on this workload (e.g. {@code compute}, {@code memory})
 * @param counters further counts the model reports (DRAM bytes, skipped operations, ...), in key
 *     order
 * @param measurements wall-clock figures measured on this host (names start with {@code
 *     measured_}), which vary from run to run; empty for a pure model
 */
public record HardwareReport(
    String accelerator,
    Map<String, String> configuration,
    long cycles,
    double clockHz,
    EnergyBreakdown energy,
    StaticPower staticPower,
    ReportBasis basis,
    Map<String, Long> resources,
    String bottleneck,
    Map<String, Double> counters,
    Map<String, Double> measurements)
    implements Serializable {

  /**
   * Prefix every {@link #measurements()} name carries, so that timing never passes for a modelled
   * figure.
   */
  public static final String MEASURED_PREFIX = "measured_";

  public HardwareReport {
    Checks.checkArgument(
        accelerator != null && !accelerator.isBlank(), "report needs the accelerator's name");
    Checks.checkArgument(cycles >= 0, "cycles must be >= 0, got %d", cycles);
    Checks.positive(clockHz, "clockHz");
    Checks.checkArgument(
        energy != null && staticPower != null && basis != null && bottleneck != null,
        "report of %s needs energy, static power policy, basis and bottleneck",
        accelerator);
    Checks.checkArgument(
        energy.staticPicojoules() == 0 || basis.staticPowerWatts().isPresent(),
        "report of %s charges static energy but states no static power",
        accelerator);
    configuration = sorted(configuration);
    resources = sorted(resources);
    counters = sorted(counters);
    measurements = sorted(measurements);
    for (String name : measurements.keySet()) {
      Checks.checkArgument(
          name.startsWith(MEASURED_PREFIX),
          "measurement '%s' of %s must start with '%s'",
          name,
          accelerator,
          MEASURED_PREFIX);
    }
  }

  /**
   * The API 1.0 form: a total and a free-form breakdown. The breakdown's entries become components
   * of {@link EnergyCategory#OTHER} (any rest of the total an {@code unattributed} one), and the
   * basis says that nothing was stated. Kept so that plugins built for API 1.0 still run; new code
   * uses {@link #builder(String)}.
   */
  @Deprecated
  public HardwareReport(
      String accelerator,
      Map<String, String> configuration,
      long cycles,
      double clockHz,
      double energyPicojoules,
      Map<String, Double> energyBreakdownPicojoules,
      Map<String, Long> resources,
      String bottleneck,
      Map<String, Double> counters) {
    this(
        accelerator,
        configuration,
        cycles,
        clockHz,
        legacyEnergy(energyPicojoules, energyBreakdownPicojoules),
        StaticPower.EXCLUDED,
        new ReportBasis(
            "unstated", "unstated", OptionalDouble.empty(), "not stated (API 1.0 report)"),
        resources,
        bottleneck,
        counters,
        Map.of());
  }

  private static EnergyBreakdown legacyEnergy(double total, Map<String, Double> parts) {
    Checks.checkArgument(
        total >= 0 && Double.isFinite(total), "energy must be finite and >= 0, got %s", total);
    EnergyBreakdown.Builder energy = EnergyBreakdown.builder();
    double listed = 0;
    for (Map.Entry<String, Double> e : new TreeMap<>(parts).entrySet()) {
      energy.charge(EnergyCategory.OTHER, e.getKey(), e.getValue());
      listed += e.getValue();
    }
    if (total - listed > 1e-9 * Math.max(1, total)) {
      energy.charge(EnergyCategory.OTHER, "unattributed", total - listed);
    }
    return energy.build();
  }

  private static <V> SortedMap<String, V> sorted(Map<String, V> map) {
    Checks.checkArgument(map != null, "report maps must be given (empty when there is nothing)");
    return Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }

  /** A builder for a report of {@code accelerator}; see {@link Builder} for the defaults. */
  public static Builder builder(String accelerator) {
    return new Builder(accelerator);
  }

  /**
   * The report of workloads run one after another on one design, from each one's report: cycles,
   * energy components and counters add; configuration, clock, basis, resources and static power
   * policy are the first report's (the design is the same); the bottleneck is the one most runs
   * report (ties to the first in key order); measurements add.
   *
   * @throws IllegalArgumentException when the list is empty or the reports come from different
   *     accelerators
   */
  public static HardwareReport ofSequence(List<HardwareReport> runs) {
    Checks.checkArgument(runs != null && !runs.isEmpty(), "a sequence needs at least one report");
    HardwareReport first = runs.get(0);
    long cycles = 0;
    List<EnergyComponent> components = new ArrayList<>();
    Map<String, Double> counters = new TreeMap<>();
    Map<String, Double> measurements = new TreeMap<>();
    Map<String, Integer> bottlenecks = new TreeMap<>();
    for (HardwareReport run : runs) {
      Checks.checkArgument(
          run.accelerator.equals(first.accelerator),
          "cannot add a report of %s to reports of %s",
          run.accelerator,
          first.accelerator);
      cycles = Math.addExact(cycles, run.cycles);
      components.addAll(run.energy.components());
      run.counters.forEach((k, v) -> counters.merge(k, v, Double::sum));
      run.measurements.forEach((k, v) -> measurements.merge(k, v, Double::sum));
      bottlenecks.merge(run.bottleneck, 1, Integer::sum);
    }
    String bottleneck = first.bottleneck;
    for (Map.Entry<String, Integer> e : bottlenecks.entrySet()) {
      if (e.getValue() > bottlenecks.getOrDefault(bottleneck, 0)) {
        bottleneck = e.getKey();
      }
    }
    return new HardwareReport(
        first.accelerator,
        first.configuration,
        cycles,
        first.clockHz,
        new EnergyBreakdown(components),
        first.staticPower,
        first.basis,
        first.resources,
        bottleneck,
        counters,
        measurements);
  }

  /**
   * Total energy under {@link #staticPower()}: dynamic energy, plus static energy when included.
   */
  public double energyPicojoules() {
    return energy.total(staticPower);
  }

  /** The same report with static energy included in, or excluded from, its totals. */
  public HardwareReport withStaticPower(StaticPower policy) {
    return policy == staticPower
        ? this
        : new HardwareReport(
            accelerator,
            configuration,
            cycles,
            clockHz,
            energy,
            policy,
            basis,
            resources,
            bottleneck,
            counters,
            measurements);
  }

  /** Cycles over the clock, in seconds. */
  public double latencySeconds() {
    return cycles / clockHz;
  }

  /** {@link #energyPicojoules()} in joules. */
  public double energyJoules() {
    return energyPicojoules() * 1e-12;
  }

  /**
   * Energy-delay product in joule-seconds, under {@link #staticPower()}: the figure co-search
   * minimises.
   */
  public double energyDelayProduct() {
    return energyJoules() * latencySeconds();
  }

  /**
   * Builds a {@link HardwareReport}. Unset: no configuration, resources, counters or measurements;
   * no energy; static energy excluded from totals; energy model and technology {@code "unstated"};
   * no static power; mapping {@code "layers one after another on the whole design"}; bottleneck
   * {@code "compute"}. Cycles and clock must be set.
   */
  public static final class Builder {
    private final String accelerator;
    private Map<String, String> configuration = Map.of();
    private long cycles = -1;
    private double clockHz;
    private EnergyBreakdown energy = EnergyBreakdown.NONE;
    private StaticPower staticPower = StaticPower.EXCLUDED;
    private String energyModel = "unstated";
    private String technologyNode = "unstated";
    private OptionalDouble staticPowerWatts = OptionalDouble.empty();
    private String mapping = "layers one after another on the whole design";
    private Map<String, Long> resources = Map.of();
    private String bottleneck = "compute";
    private Map<String, Double> counters = Map.of();
    private final Map<String, Double> measurements = new TreeMap<>();

    private Builder(String accelerator) {
      this.accelerator = accelerator;
    }

    public Builder configuration(Map<String, String> value) {
      configuration = value;
      return this;
    }

    public Builder cycles(long value) {
      cycles = value;
      return this;
    }

    public Builder clockHz(double value) {
      clockHz = value;
      return this;
    }

    public Builder energy(EnergyBreakdown value) {
      energy = value;
      return this;
    }

    /**
     * The energy model the operations were priced with: its name and technology node go into the
     * basis.
     */
    public Builder energyModel(EnergyModel value) {
      energyModel = value.name();
      technologyNode = value.technologyNode();
      return this;
    }

    /** The static power the model assumes; leave unset when it models none. */
    public Builder staticPowerWatts(double watts) {
      staticPowerWatts = OptionalDouble.of(watts);
      return this;
    }

    /** How the workload ran on the design, e.g. {@link WorkloadMapping#statement()}. */
    public Builder mapping(String value) {
      mapping = value;
      return this;
    }

    public Builder resources(Map<String, Long> value) {
      resources = value;
      return this;
    }

    public Builder bottleneck(String value) {
      bottleneck = value;
      return this;
    }

    public Builder counters(Map<String, Double> value) {
      counters = value;
      return this;
    }

    /**
     * A wall-clock figure measured on this host; {@code name} must start with {@link
     * #MEASURED_PREFIX}.
     */
    public Builder measurement(String name, double value) {
      measurements.put(name, value);
      return this;
    }

    public HardwareReport build() {
      Checks.checkArgument(cycles >= 0, "report of %s needs its cycles", accelerator);
      return new HardwareReport(
          accelerator,
          configuration,
          cycles,
          clockHz,
          energy,
          staticPower,
          new ReportBasis(energyModel, technologyNode, staticPowerWatts, mapping),
          resources,
          bottleneck,
          counters,
          measurements);
    }
  }
}
