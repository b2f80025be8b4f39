package org.snncodesign.api.energy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.snncodesign.api.Checks;

/**
 * An energy model given as a table of picojoules per operation, with the source of its figures.
 *
 * @param name short name, e.g. {@code "horowitz-45nm"}
 * @param technologyNode the process and supply the figures are for, e.g. {@code "45 nm CMOS, 0.9
 *     V"}
 * @param citation where the figures come from
 * @param picojoules energy per operation; every {@link Operation} must have a finite, non-negative
 *     entry
 */
public record EnergyTable(
    String name, String technologyNode, String citation, Map<Operation, Double> picojoules)
    implements EnergyModel {

  /**
   * The 45 nm, 0.9 V figures of M. Horowitz, "Computing's energy problem (and what we can do about
   * it)", ISSCC 2014, pp. 10-14, used by most SNN energy estimates: integer add 0.03 / 0.05 / 0.1
   * pJ (8/16/32 bit), fp16 / fp32 add 0.4 / 0.9 pJ, integer multiply 0.2 / 3.1 pJ (8/32 bit), fp16
   * / fp32 multiply 1.1 / 3.7 pJ; 64-bit SRAM reads 10 / 20 / 100 pJ (8 KB / 32 KB / 1 MB) and a
   * 64-bit DRAM access 1.3-2.6 nJ, of which the lower end, 1300 pJ, is taken here so that savings
   * from avoiding DRAM are not overstated. A 32-bit float MAC thus costs 4.6 pJ and an accumulate
   * 0.9 pJ, the E_MAC / E_AC pair of the SNN conversion literature.
   */
  public static final EnergyTable HOROWITZ_45NM =
      new EnergyTable(
          "horowitz-45nm",
          "45 nm CMOS, 0.9 V",
          "M. Horowitz, Computing's energy problem (and what we can do about it), ISSCC 2014, 45 nm, 0.9 V",
          Map.ofEntries(
              Map.entry(Operation.ADD_INT8, 0.03),
              Map.entry(Operation.ADD_INT16, 0.05),
              Map.entry(Operation.ADD_INT32, 0.1),
              Map.entry(Operation.ADD_FP16, 0.4),
              Map.entry(Operation.ADD_FP32, 0.9),
              Map.entry(Operation.MULT_INT8, 0.2),
              Map.entry(Operation.MULT_INT32, 3.1),
              Map.entry(Operation.MULT_FP16, 1.1),
              Map.entry(Operation.MULT_FP32, 3.7),
              Map.entry(Operation.SRAM_READ_8KB, 10.0),
              Map.entry(Operation.SRAM_READ_32KB, 20.0),
              Map.entry(Operation.SRAM_READ_1MB, 100.0),
              Map.entry(Operation.DRAM_ACCESS, 1300.0)));

  public EnergyTable {
    Checks.checkArgument(name != null && !name.isBlank(), "energy table needs a name");
    Checks.checkArgument(
        technologyNode != null && !technologyNode.isBlank(),
        "energy table '%s' needs its technology node",
        name);
    Map<Operation, Double> copy = new EnumMap<>(Operation.class);
    for (Operation op : Operation.values()) {
      double pj =
          Checks.checkPresent(
              picojoules.get(op), "energy table '%s' has no entry for %s", name, op);
      Checks.checkArgument(
          Double.isFinite(pj) && pj >= 0,
          "energy of %s in table '%s' must be >= 0, got %s",
          op,
          name,
          pj);
      copy.put(op, pj);
    }
    picojoules = Map.copyOf(copy);
  }

  /** A table whose technology is not stated (API 1.0 form); reports then say {@code "unstated"}. */
  public EnergyTable(String name, String citation, Map<Operation, Double> picojoules) {
    this(name, "unstated", citation, picojoules);
  }

  @Override
  public double picojoules(Operation operation) {
    // The constructor put every operation in.
    return Objects.requireNonNull(picojoules.get(operation));
  }
}
