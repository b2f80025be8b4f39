package org.snncodesign.fpga.verilog;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snncodesign.api.Checks;
import org.snncodesign.fpga.firefly.FireFlyConfig;
import org.snncodesign.fpga.firefly.FireFlySArray;
import org.snncodesign.fpga.firefly.SparsityDetector;

/**
 * The shape of the exported bitmap PE array ({@link PeArrayVerilog}), the compute core of a {@code
 * firefly-s} design point: {@code rows x cols} PEs, PE (r, c) accumulating the synaptic input of
 * output neuron {@code j0 + c} at time step {@code t0 + r}.
 *
 * @param rows PE rows R: time steps in parallel; a row shares one spike bitmap segment (broadcast
 *     along the row)
 * @param cols PE columns C: output neurons in parallel; a column shares one weight bitmap segment
 *     and its values
 * @param width detector width W: bits of the bitmap segments ANDed per segment (8, 16, 32 or 64)
 * @param lanes matched pairs a PE accumulates per cycle L (1..W)
 * @param valueBits bits of a packed non-zero weight WB (2..16)
 * @param accumulatorBits accumulator and membrane bits AB (WB+1..24)
 * @param threshold firing threshold THETA of the integrate-and-fire stage (1..2^(AB-1)-1)
 */
public record PeArrayConfig(
    int rows, int cols, int width, int lanes, int valueBits, int accumulatorBits, int threshold) {

  /** Accumulator width of the {@code firefly-s} model's PEs. */
  public static final int FIREFLY_ACCUMULATOR_BITS = FireFlySArray.ACCUMULATOR_BITS;

  /** 2 x 4 PEs, 16-bit segments, 2 lanes, 4-bit weights, 16-bit accumulators, threshold 24. */
  public static final PeArrayConfig DEFAULT =
      new PeArrayConfig(2, 4, 16, 2, 4, FIREFLY_ACCUMULATOR_BITS, 24);

  public PeArrayConfig {
    Checks.positive(rows, "rows");
    Checks.positive(cols, "cols");
    SparsityDetector.checkWidth(width);
    Checks.checkArgument(
        lanes >= 1 && lanes <= width, "lanes must be in [1, %d], got %d", width, lanes);
    Checks.checkArgument(
        valueBits >= 2 && valueBits <= 16, "value bits must be in [2, 16], got %d", valueBits);
    Checks.checkArgument(
        accumulatorBits > valueBits && accumulatorBits <= 24,
        "accumulator bits must be in [%d, 24], got %d",
        valueBits + 1,
        accumulatorBits);
    Checks.checkArgument(
        threshold >= 1 && threshold < 1 << (accumulatorBits - 1),
        "threshold must be in [1, %d], got %d",
        (1 << (accumulatorBits - 1)) - 1,
        threshold);
  }

  /**
   * The array of one {@code firefly-s} design point (its rows, columns, detector, lanes and weight
   * bits).
   */
  public static PeArrayConfig of(FireFlyConfig design, int threshold) {
    return new PeArrayConfig(
        design.peRows(),
        design.peCols(),
        design.detectorWidth(),
        design.lanes(),
        design.weightBits(),
        FIREFLY_ACCUMULATOR_BITS,
        threshold);
  }

  /**
   * The {@code firefly-s} design point with this array (other parameters from {@link
   * FireFlyConfig#DEFAULT}), with fabric accumulators as in the RTL (no DSP48).
   */
  public FireFlyConfig fireFly() {
    FireFlyConfig d = FireFlyConfig.DEFAULT;
    return new FireFlyConfig(
        rows,
        cols,
        width,
        lanes,
        valueBits,
        d.pipelined(),
        d.weightBufferBytes(),
        false,
        d.clockHz(),
        d.dramBytesPerCycle(),
        d.staticPowerWatts());
  }

  /** Number of PEs. */
  public int processingElements() {
    return rows * cols;
  }

  /** The parameters as report entries. */
  public Map<String, Integer> toMap() {
    String[] names = {"rows", "cols", "width", "lanes", "value_bits", "acc_bits", "threshold"};
    int[] values = {rows, cols, width, lanes, valueBits, accumulatorBits, threshold};
    Map<String, Integer> map = new LinkedHashMap<>();
    for (int k = 0; k < names.length; k++) {
      map.put(names[k], values[k]);
    }
    return map;
  }
}
