package org.snncodesign.fpga.firefly;

import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.energy.Operation;

/**
 * An energy model whose every operation costs {@code factor} times that of a base model: the crude
 * way to move ASIC per-operation energies onto an FPGA. I. Kuon and J. Rose, "Measuring the Gap
 * Between FPGAs and ASICs", IEEE Trans. CAD 26(2), 2007, measured a 90 nm FPGA to use about 14
 * times the dynamic power of a 90 nm standard-cell ASIC on the same logic-only circuits ({@link
 * #FPGA_OVER_ASIC_DYNAMIC}); hard blocks (DSP, block RAM) narrow the gap, so the factor overstates
 * FPGA energy for DSP/BRAM-heavy designs. One factor for every operation ignores that SRAM and
 * adders scale differently; it is a first-order correction, stated as such wherever it is used.
 */
public final class ScaledEnergyModel implements EnergyModel {
  /**
   * Dynamic power of a 90 nm FPGA over a 90 nm ASIC on logic-only circuits (Kuon and Rose 2007):
   * about 14.
   */
  public static final double FPGA_OVER_ASIC_DYNAMIC = 14;

  private final EnergyModel base;
  private final double factor;

  public ScaledEnergyModel(EnergyModel base, double factor) {
    Checks.checkArgument(base != null, "base energy model must be given");
    Checks.checkArgument(
        factor > 0 && Double.isFinite(factor),
        "energy factor must be finite and > 0, got %s",
        factor);
    this.base = base;
    this.factor = factor;
  }

  @Override
  public String name() {
    return base.name() + " x " + factor;
  }

  @Override
  public double picojoules(Operation operation) {
    return factor * base.picojoules(operation);
  }

  public double factor() {
    return factor;
  }
}
