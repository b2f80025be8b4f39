package org.snncodesign.fpga.cost;

import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.EnergyBreakdown;
import org.snncodesign.api.energy.EnergyCategory;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.energy.Operation;
import org.snncodesign.api.energy.OperationCounts;

/**
 * The operations and memory traffic of one evaluation, kept as expected counts (doubles, so that
 * statistical workloads can add fractional expectations) and priced at the end with an {@link
 * EnergyModel}.
 *
 * <p>Memory traffic is tallied in bits and converted to 64-bit words once, at pricing time, because
 * the energy table prices 64-bit accesses (Horowitz, ISSCC 2014). Energy goes to the shared
 * categories: compute (adds and bitmap logic), on-chip memory (SRAM buffers, per size tier),
 * off-chip memory (DRAM) and static (the device's static power times the time the design is busy).
 */
public final class CostLedger {
  private static final Operation[] OPERATIONS = Operation.values();
  private final double[] computeOps = new double[OPERATIONS.length];
  private final double[] sramBits = new double[SramTier.values().length];
  private double dramBits;

  /** Adds {@code count} compute operations (adds, multiplies) of one kind. */
  public void compute(Operation operation, double count) {
    Checks.checkArgument(
        count >= 0 && Double.isFinite(count),
        "count of %s must be finite and >= 0, got %s",
        operation,
        count);
    computeOps[operation.ordinal()] += count;
  }

  /** Adds {@code bits} read from or written to an SRAM of the given tier. */
  public void sram(SramTier tier, double bits) {
    Checks.checkArgument(
        bits >= 0 && Double.isFinite(bits), "SRAM bits must be finite and >= 0, got %s", bits);
    sramBits[tier.ordinal()] += bits;
  }

  /** Adds {@code bits} moved to or from DRAM. */
  public void dram(double bits) {
    Checks.checkArgument(
        bits >= 0 && Double.isFinite(bits), "DRAM bits must be finite and >= 0, got %s", bits);
    dramBits += bits;
  }

  /** Adds everything counted by {@code other}. */
  public void addAll(CostLedger other) {
    for (int i = 0; i < computeOps.length; i++) {
      computeOps[i] += other.computeOps[i];
    }
    for (int i = 0; i < sramBits.length; i++) {
      sramBits[i] += other.sramBits[i];
    }
    dramBits += other.dramBits;
  }

  public double computeOperations(Operation operation) {
    return computeOps[operation.ordinal()];
  }

  public double sramBits(SramTier tier) {
    return sramBits[tier.ordinal()];
  }

  /** All SRAM traffic in bits. */
  public double sramBits() {
    double total = 0;
    for (double bits : sramBits) {
      total += bits;
    }
    return total;
  }

  public double dramBits() {
    return dramBits;
  }

  /**
   * The tally as whole operations: compute counts rounded, memory traffic in 64-bit words rounded
   * up.
   */
  public OperationCounts toOperationCounts() {
    OperationCounts counts = new OperationCounts();
    for (Operation op : OPERATIONS) {
      if (computeOps[op.ordinal()] > 0) {
        counts.add(op, Math.round(computeOps[op.ordinal()]));
      }
    }
    for (SramTier tier : SramTier.values()) {
      counts.add(tier.operation(), words(sramBits[tier.ordinal()]));
    }
    counts.add(Operation.DRAM_ACCESS, words(dramBits));
    return counts;
  }

  /**
   * The energy of everything tallied: component {@code arithmetic} (compute), {@code sram_8kb} /
   * {@code sram_32kb} / {@code sram_1mb} (on-chip memory, one per tier used), {@code dram}
   * (off-chip memory) and {@code device} (static: {@code staticWatts * busySeconds}).
   */
  public EnergyBreakdown price(EnergyModel energy, double staticWatts, double busySeconds) {
    EnergyBreakdown.Builder parts = EnergyBreakdown.builder();
    double compute = 0;
    for (Operation op : OPERATIONS) {
      compute += computeOps[op.ordinal()] * energy.picojoules(op);
    }
    parts.charge(EnergyCategory.COMPUTE, "arithmetic", compute);
    for (SramTier tier : SramTier.values()) {
      if (sramBits[tier.ordinal()] > 0) {
        parts.charge(
            EnergyCategory.ON_CHIP_MEMORY,
            "sram_" + tier.label(),
            energy,
            tier.operation(),
            words(sramBits[tier.ordinal()]));
      }
    }
    parts.charge(
        EnergyCategory.OFF_CHIP_MEMORY, "dram", energy, Operation.DRAM_ACCESS, words(dramBits));
    return parts.chargeStatic("device", staticWatts, busySeconds).build();
  }

  private static long words(double bits) {
    return (long) Math.ceil(bits / 64.0 - 1e-9);
  }
}
