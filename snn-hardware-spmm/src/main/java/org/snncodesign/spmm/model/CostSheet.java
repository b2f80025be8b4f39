package org.snncodesign.spmm.model;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.snncodesign.api.energy.EnergyBreakdown;
import org.snncodesign.api.energy.EnergyCategory;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.energy.Operation;
import org.snncodesign.api.energy.OperationCounts;
import org.snncodesign.api.hardware.HardwareReport;

/**
 * The tally of one model run: cycles, the cycles each limit alone would take (its bound),
 * operations charged to named hardware components (each in one {@link EnergyCategory}), DRAM bytes.
 * Layers run one after another, so sheets add. No static power: the SpMM models are ASIC-style
 * designs without a leakage figure, so their reports leave the static category empty and say so.
 */
final class CostSheet {
  static final String COMPUTE = "compute";
  static final String MERGE = "merge";
  static final String MEMORY = "memory";

  private double cycles;
  private double dramBytes;
  private final Map<String, Double> bounds = new LinkedHashMap<>();
  private final Map<String, Operation> componentOps = new LinkedHashMap<>();
  private final Map<String, EnergyCategory> componentCategories = new LinkedHashMap<>();
  private final Map<String, Double> componentCounts = new LinkedHashMap<>();
  private final Map<String, Double> counters = new TreeMap<>();

  void addCycles(double c) {
    cycles += c;
  }

  double cycles() {
    return cycles;
  }

  void addBound(String limit, double c) {
    bounds.merge(limit, c, Double::sum);
  }

  void addDramBytes(double bytes) {
    dramBytes += bytes;
  }

  void counter(String name, double value) {
    counters.merge(name, value, Double::sum);
  }

  /**
   * Charges {@code count} operations of kind {@code op} to {@code component} of {@code category}.
   */
  void charge(EnergyCategory category, String component, Operation op, double count) {
    Operation previous = componentOps.putIfAbsent(component, op);
    if (previous != null && previous != op) {
      // One component, one kind of access; a second kind gets its own line.
      component = component + "_" + op.name().toLowerCase();
      componentOps.putIfAbsent(component, op);
    }
    componentCategories.putIfAbsent(component, category);
    componentCounts.merge(component, count, Double::sum);
  }

  /** The limit with the largest bound; ties go to the first one added. */
  String bottleneck() {
    String best = COMPUTE;
    double most = -1;
    for (Map.Entry<String, Double> e : bounds.entrySet()) {
      if (e.getValue() > most) {
        most = e.getValue();
        best = e.getKey();
      }
    }
    return best;
  }

  void addAll(CostSheet other) {
    cycles += other.cycles;
    dramBytes += other.dramBytes;
    other.bounds.forEach(this::addBound);
    other.componentCounts.forEach(
        (c, n) -> charge(other.componentCategories.get(c), c, other.componentOps.get(c), n));
    other.counters.forEach(this::counter);
  }

  /** Operation counts, each rounded up to a whole operation. */
  OperationCounts operations() {
    Map<Operation, Double> sums = new EnumMap<>(Operation.class);
    componentCounts.forEach((c, n) -> sums.merge(componentOps.get(c), n, Double::sum));
    OperationCounts counts = new OperationCounts();
    sums.forEach((op, n) -> counts.add(op, (long) Math.ceil(n - 1e-9)));
    return counts;
  }

  /** A report of this sheet on {@code accelerator}'s design, all but the mapping filled in. */
  HardwareReport.Builder report(
      String accelerator,
      Map<String, String> configuration,
      double clockHz,
      EnergyModel energy,
      Map<String, Long> resources) {
    EnergyBreakdown.Builder breakdown = EnergyBreakdown.builder();
    componentCounts.forEach(
        (c, n) -> breakdown.charge(componentCategories.get(c), c, energy, componentOps.get(c), n));
    Map<String, Double> allCounters = new TreeMap<>(counters);
    allCounters.put("dram_bytes", dramBytes);
    bounds.forEach((limit, c) -> allCounters.put("bound_cycles_" + limit, c));
    componentCounts.forEach((c, n) -> allCounters.put("accesses_" + c, n));
    return HardwareReport.builder(accelerator)
        .configuration(configuration)
        .cycles((long) Math.ceil(cycles - 1e-9))
        .clockHz(clockHz)
        .energy(breakdown.build())
        .energyModel(energy)
        .resources(resources)
        .bottleneck(bottleneck())
        .counters(allCounters);
  }

  double dramBytes() {
    return dramBytes;
  }
}
