package org.snncodesign.api.energy;

/**
 * Whether a report's total energy includes static (leakage) energy. One switch for all models:
 * static energy is always reported in its own category ({@link EnergyCategory#STATIC}), and counted
 * in totals and energy-delay products only under {@link #INCLUDED}. The default is {@link
 * #EXCLUDED}, because models differ in whether they know a static power at all (FPGA models assume
 * one for the device; the ASIC-style models do not), and totals of dynamic energy compare like with
 * like.
 */
public enum StaticPower {
  /** Totals are dynamic energy only. */
  EXCLUDED,
  /** Totals add the static category. */
  INCLUDED;

  /** {@link #INCLUDED} when {@code include}, else {@link #EXCLUDED}. */
  public static StaticPower of(boolean include) {
    return include ? INCLUDED : EXCLUDED;
  }
}
