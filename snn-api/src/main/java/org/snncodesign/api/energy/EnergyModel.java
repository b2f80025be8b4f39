package org.snncodesign.api.energy;

import java.util.EnumMap;
import java.util.Map;

/** Turns operation counts into energy. */
public interface EnergyModel {

  /** Name of the model, e.g. the process node and source of its figures. */
  String name();

  /**
   * The technology the energies are for, e.g. {@code "45 nm CMOS, 0.9 V"}, stated in every report
   * priced with this model. {@code "unstated"} unless the model says.
   */
  default String technologyNode() {
    return "unstated";
  }

  /** Energy of one operation, in picojoules. */
  double picojoules(Operation operation);

  /** Total energy of {@code counts}, in picojoules. */
  default double picojoules(OperationCounts counts) {
    double total = 0;
    for (Map.Entry<Operation, Long> e : counts.asMap().entrySet()) {
      total += e.getValue() * picojoules(e.getKey());
    }
    return total;
  }

  /** Energy per kind of operation, in picojoules. */
  default Map<Operation, Double> breakdown(OperationCounts counts) {
    Map<Operation, Double> map = new EnumMap<>(Operation.class);
    counts.asMap().forEach((op, n) -> map.put(op, n * picojoules(op)));
    return map;
  }
}
