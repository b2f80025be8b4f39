package org.snncodesign.conversion.attention;

import org.snncodesign.conversion.snn.PhaseCoding;

/**
 * {@code B^-p} for any integer exponent {@code p}: the value of a spike in phase {@code p}.
 * Precomputed for {@code p} in {@code [-4K, 4K]}, the range that windows, products and layer-norm
 * offsets produce.
 */
public final class PhaseWeights {
  private final double base;
  private final int offset;
  private final double[] table;
  private final PhaseCoding coding;

  public PhaseWeights(PhaseCoding coding) {
    this.coding = coding;
    this.base = coding.base();
    this.offset = 4 * coding.phases();
    this.table = new double[8 * coding.phases() + 1];
    for (int i = 0; i < table.length; i++) {
      table[i] = Math.pow(base, -(i - offset));
    }
  }

  public PhaseCoding coding() {
    return coding;
  }

  /** {@code B^-p}. */
  public double of(int p) {
    int i = p + offset;
    return i >= 0 && i < table.length ? table[i] : Math.pow(base, -p);
  }
}
