package org.snncodesign.fpga.resources;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snncodesign.api.Checks;

/**
 * FPGA fabric used by a design: look-up tables, flip-flops, 36 Kb block RAMs and DSP slices.
 *
 * @param lut 6-input LUTs
 * @param ff flip-flops
 * @param bram36 36 Kb block RAMs (RAMB36)
 * @param dsp DSP slices (DSP48E1/E2)
 */
public record FpgaResources(long lut, long ff, long bram36, long dsp) {

  /** Nothing. */
  public static final FpgaResources NONE = new FpgaResources(0, 0, 0, 0);

  /**
   * The programmable logic of the Xilinx Zynq-7020 (XC7Z020), a common small SNN accelerator
   * target: 53,200 LUT, 106,400 FF, 140 RAMB36, 220 DSP48E1 (Xilinx DS190, Zynq-7000 SoC Data
   * Sheet: Overview, table 1).
   */
  public static final FpgaResources ZYNQ_7020 = new FpgaResources(53_200, 106_400, 140, 220);

  /**
   * The Xilinx Zynq UltraScale+ XCZU9EG of the ZCU102 board: 274,080 LUT, 548,160 FF, 912 RAMB36,
   * 2,520 DSP48E2 (Xilinx DS891, Zynq UltraScale+ MPSoC Data Sheet: Overview, table 2).
   */
  public static final FpgaResources ZU9EG = new FpgaResources(274_080, 548_160, 912, 2_520);

  /**
   * A device budget by name: {@code zynq-7020} ({@link #ZYNQ_7020}) or {@code zu9eg} ({@link
   * #ZU9EG}).
   *
   * @throws org.snncodesign.api.InvalidInputException naming the unknown device and the known ones
   */
  public static FpgaResources device(String name) {
    return switch (name) {
      case "zynq-7020" -> ZYNQ_7020;
      case "zu9eg" -> ZU9EG;
      default ->
          throw new org.snncodesign.api.InvalidInputException(
              "unknown FPGA budget '" + name + "'; expected zynq-7020 or zu9eg");
    };
  }

  public FpgaResources {
    Checks.checkArgument(
        lut >= 0 && ff >= 0 && bram36 >= 0 && dsp >= 0,
        "resources must be >= 0, got lut=%d ff=%d bram36=%d dsp=%d",
        lut,
        ff,
        bram36,
        dsp);
  }

  public FpgaResources plus(FpgaResources other) {
    return new FpgaResources(
        lut + other.lut, ff + other.ff, bram36 + other.bram36, dsp + other.dsp);
  }

  /** {@code times} copies of this. */
  public FpgaResources times(long times) {
    Checks.checkArgument(times >= 0, "times must be >= 0, got %d", times);
    return new FpgaResources(lut * times, ff * times, bram36 * times, dsp * times);
  }

  /** True when every resource is at most that of {@code budget}. */
  public boolean fitsIn(FpgaResources budget) {
    return lut <= budget.lut && ff <= budget.ff && bram36 <= budget.bram36 && dsp <= budget.dsp;
  }

  /** The largest fraction of {@code budget} used by any resource. */
  public double utilisation(FpgaResources budget) {
    return Math.max(
        Math.max(ratio(lut, budget.lut), ratio(ff, budget.ff)),
        Math.max(ratio(bram36, budget.bram36), ratio(dsp, budget.dsp)));
  }

  private static double ratio(long used, long available) {
    if (used == 0) {
      return 0;
    }
    return available == 0 ? Double.POSITIVE_INFINITY : (double) used / available;
  }

  /** As report entries {@code lut}, {@code ff}, {@code bram36}, {@code dsp}. */
  public Map<String, Long> toMap() {
    Map<String, Long> map = new LinkedHashMap<>();
    map.put("lut", lut);
    map.put("ff", ff);
    map.put("bram36", bram36);
    map.put("dsp", dsp);
    return map;
  }

  /**
   * Reads the {@code lut}, {@code ff}, {@code bram36}, {@code dsp} entries of a report's resources
   * (0 if absent).
   */
  public static FpgaResources fromMap(Map<String, Long> resources) {
    return new FpgaResources(
        resources.getOrDefault("lut", 0L),
        resources.getOrDefault("ff", 0L),
        resources.getOrDefault("bram36", 0L),
        resources.getOrDefault("dsp", 0L));
  }
}
