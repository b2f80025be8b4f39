package org.snncodesign.fpga.firefly;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snncodesign.api.Checks;

/**
 * One design point of the FireFly-S-style dual-side sparsity array.
 *
 * @param peRows PE rows: time steps processed in parallel (they share each weight bitmap segment)
 * @param peCols PE columns: output neurons processed in parallel (they share each spike bitmap
 *     segment)
 * @param detectorWidth bits of the bitmaps ANDed per segment (8, 16, 32 or 64)
 * @param lanes matched pairs a PE accumulates per cycle
 * @param weightBits bits per stored weight (FireFly-S uses 4); the array stores every layer at this
 *     width
 * @param pipelined inter-layer pipelining: each layer gets its own array and layers overlap across
 *     inferences
 * @param weightBufferBytes on-chip weight SRAM (bitmaps plus values); weights stay resident when
 *     they all fit
 * @param dspAccumulate accumulators in DSP48 SIMD adders instead of fabric
 * @param clockHz clock frequency
 * @param dramBytesPerCycle DRAM bandwidth per cycle
 * @param staticPowerWatts device static power
 */
public record FireFlyConfig(
    int peRows,
    int peCols,
    int detectorWidth,
    int lanes,
    int weightBits,
    boolean pipelined,
    int weightBufferBytes,
    boolean dspAccumulate,
    double clockHz,
    int dramBytesPerCycle,
    double staticPowerWatts) {

  /**
   * Default: 4 x 32 PEs per layer, 64-bit detector, one pair per cycle, 4-bit weights, pipelined,
   * 512 KB weight buffer, DSP accumulators, 200 MHz, 8 B/cycle DRAM, 0.5 W static (an assumption;
   * see the docs).
   */
  public static final FireFlyConfig DEFAULT =
      new FireFlyConfig(4, 32, 64, 1, 4, true, 512 * 1024, true, 200e6, 8, 0.5);

  public FireFlyConfig {
    Checks.positive(peRows, "peRows");
    Checks.positive(peCols, "peCols");
    SparsityDetector.checkWidth(detectorWidth);
    Checks.positive(lanes, "lanes");
    Checks.checkArgument(
        weightBits >= 1 && weightBits <= 16, "weightBits must be in [1, 16], got %d", weightBits);
    Checks.positive(weightBufferBytes, "weightBufferBytes");
    Checks.positive(clockHz, "clockHz");
    Checks.positive(dramBytesPerCycle, "dramBytesPerCycle");
    Checks.checkArgument(
        staticPowerWatts >= 0 && Double.isFinite(staticPowerWatts),
        "staticPowerWatts must be finite and >= 0, got %s",
        staticPowerWatts);
  }

  public FireFlyConfig withArray(int rows, int cols) {
    return new FireFlyConfig(
        rows,
        cols,
        detectorWidth,
        lanes,
        weightBits,
        pipelined,
        weightBufferBytes,
        dspAccumulate,
        clockHz,
        dramBytesPerCycle,
        staticPowerWatts);
  }

  public FireFlyConfig withDetector(int width, int newLanes) {
    return new FireFlyConfig(
        peRows,
        peCols,
        width,
        newLanes,
        weightBits,
        pipelined,
        weightBufferBytes,
        dspAccumulate,
        clockHz,
        dramBytesPerCycle,
        staticPowerWatts);
  }

  public FireFlyConfig withPipelining(boolean on) {
    return new FireFlyConfig(
        peRows,
        peCols,
        detectorWidth,
        lanes,
        weightBits,
        on,
        weightBufferBytes,
        dspAccumulate,
        clockHz,
        dramBytesPerCycle,
        staticPowerWatts);
  }

  public FireFlyConfig withWeightBuffer(int bytes) {
    return new FireFlyConfig(
        peRows,
        peCols,
        detectorWidth,
        lanes,
        weightBits,
        pipelined,
        bytes,
        dspAccumulate,
        clockHz,
        dramBytesPerCycle,
        staticPowerWatts);
  }

  public FireFlyConfig withStaticPower(double watts) {
    return new FireFlyConfig(
        peRows,
        peCols,
        detectorWidth,
        lanes,
        weightBits,
        pipelined,
        weightBufferBytes,
        dspAccumulate,
        clockHz,
        dramBytesPerCycle,
        watts);
  }

  public FireFlyConfig withClock(double hz) {
    return new FireFlyConfig(
        peRows,
        peCols,
        detectorWidth,
        lanes,
        weightBits,
        pipelined,
        weightBufferBytes,
        dspAccumulate,
        hz,
        dramBytesPerCycle,
        staticPowerWatts);
  }

  public FireFlyConfig withDspAccumulate(boolean on) {
    return new FireFlyConfig(
        peRows,
        peCols,
        detectorWidth,
        lanes,
        weightBits,
        pipelined,
        weightBufferBytes,
        on,
        clockHz,
        dramBytesPerCycle,
        staticPowerWatts);
  }

  /** The parameters as report entries. */
  public Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("pe_rows", Integer.toString(peRows));
    map.put("pe_cols", Integer.toString(peCols));
    map.put("detector_width", Integer.toString(detectorWidth));
    map.put("lanes", Integer.toString(lanes));
    map.put("weight_bits", Integer.toString(weightBits));
    map.put("pipelined", Boolean.toString(pipelined));
    map.put("weight_buffer_bytes", Integer.toString(weightBufferBytes));
    map.put("dsp_accumulate", Boolean.toString(dspAccumulate));
    map.put("clock_hz", Double.toString(clockHz));
    map.put("dram_bytes_per_cycle", Integer.toString(dramBytesPerCycle));
    map.put("static_power_w", Double.toString(staticPowerWatts));
    return map;
  }
}
