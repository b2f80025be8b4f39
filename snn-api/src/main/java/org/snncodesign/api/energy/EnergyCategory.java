package org.snncodesign.api.energy;

/**
 * The categories every accelerator model charges its energy to, the same way, so that reports of
 * different models add up alike and can be compared line by line. A model documents which
 * categories it charges and why; a category it does not model stays at zero.
 */
public enum EnergyCategory {
  /**
   * Arithmetic and logic of the datapath: adds, multiplies, comparisons, bitmap ANDs, LUT-based
   * neuron updates.
   */
  COMPUTE("compute"),
  /** On-chip memory accesses: SRAM buffers, caches, register files, on-chip neuron state. */
  ON_CHIP_MEMORY("on_chip_memory"),
  /** Off-chip memory accesses: DRAM transfers of weights, spikes, partial sums and outputs. */
  OFF_CHIP_MEMORY("off_chip_memory"),
  /**
   * Static (leakage and clocking) power times the time the design is busy. Reported separately and
   * included in a report's total only when asked ({@link StaticPower#INCLUDED}).
   */
  STATIC("static"),
  /**
   * Anything a model charges that fits none of the above; the model says what in the component's
   * name.
   */
  OTHER("other");

  private final String key;

  EnergyCategory(String key) {
    this.key = key;
  }

  /** The category's name in reports (JSON keys, CSV columns): lower case with underscores. */
  public String key() {
    return key;
  }

  /** True for the categories that scale with activity: every category but {@link #STATIC}. */
  public boolean dynamic() {
    return this != STATIC;
  }
}
