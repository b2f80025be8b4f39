package org.snncodesign.fpga.systolic;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snncodesign.api.Checks;

/**
 * One design point of the SpikeX-style systolic array.
 *
 * @param rows PE rows (inputs under weight-stationary, time steps under output-stationary)
 * @param cols PE columns (output neurons)
 * @param dataflow which operand the PEs hold
 * @param timeBatch time steps sharing one weight-tile load under weight-stationary (ignored by
 *     output-stationary, where the {@code rows} time steps of the array share each weight fetch)
 * @param weightBufferBytes on-chip weight SRAM; the layer's weights are fetched from DRAM once when
 *     they fit
 * @param spikeBufferBytes on-chip input-spike SRAM
 * @param outputBufferBytes on-chip partial-sum SRAM
 * @param clockHz clock frequency
 * @param dramBytesPerCycle DRAM bandwidth per clock cycle
 * @param staticPowerWatts leakage and clocking power while the design runs
 */
public record SystolicConfig(
    int rows,
    int cols,
    Dataflow dataflow,
    int timeBatch,
    int weightBufferBytes,
    int spikeBufferBytes,
    int outputBufferBytes,
    double clockHz,
    int dramBytesPerCycle,
    double staticPowerWatts) {

  /**
   * The default design: 16 x 16 weight-stationary array, 4 time steps per weight load, 64 KB
   * weight, 16 KB spike and 16 KB output buffers, 200 MHz (a common FPGA fabric clock), 8 bytes per
   * cycle of DRAM (a 64-bit port, 1.6 GB/s at 200 MHz) and 0.5 W static power (an assumption of the
   * order the Xilinx Power Estimator gives for mid-size parts; set it for the target device).
   */
  public static final SystolicConfig DEFAULT =
      new SystolicConfig(
          16, 16, Dataflow.WEIGHT_STATIONARY, 4, 64 * 1024, 16 * 1024, 16 * 1024, 200e6, 8, 0.5);

  public SystolicConfig {
    Checks.positive(rows, "rows");
    Checks.positive(cols, "cols");
    Checks.checkArgument(dataflow != null, "dataflow must be given");
    Checks.positive(timeBatch, "timeBatch");
    Checks.positive(weightBufferBytes, "weightBufferBytes");
    Checks.positive(spikeBufferBytes, "spikeBufferBytes");
    Checks.positive(outputBufferBytes, "outputBufferBytes");
    Checks.positive(clockHz, "clockHz");
    Checks.positive(dramBytesPerCycle, "dramBytesPerCycle");
    Checks.checkArgument(
        staticPowerWatts >= 0 && Double.isFinite(staticPowerWatts),
        "staticPowerWatts must be finite and >= 0, got %s",
        staticPowerWatts);
  }

  public SystolicConfig withArray(int newRows, int newCols) {
    return new SystolicConfig(
        newRows,
        newCols,
        dataflow,
        timeBatch,
        weightBufferBytes,
        spikeBufferBytes,
        outputBufferBytes,
        clockHz,
        dramBytesPerCycle,
        staticPowerWatts);
  }

  public SystolicConfig withDataflow(Dataflow newDataflow) {
    return new SystolicConfig(
        rows,
        cols,
        newDataflow,
        timeBatch,
        weightBufferBytes,
        spikeBufferBytes,
        outputBufferBytes,
        clockHz,
        dramBytesPerCycle,
        staticPowerWatts);
  }

  public SystolicConfig withTimeBatch(int newTimeBatch) {
    return new SystolicConfig(
        rows,
        cols,
        dataflow,
        newTimeBatch,
        weightBufferBytes,
        spikeBufferBytes,
        outputBufferBytes,
        clockHz,
        dramBytesPerCycle,
        staticPowerWatts);
  }

  public SystolicConfig withBuffers(int weightBytes, int spikeBytes, int outputBytes) {
    return new SystolicConfig(
        rows,
        cols,
        dataflow,
        timeBatch,
        weightBytes,
        spikeBytes,
        outputBytes,
        clockHz,
        dramBytesPerCycle,
        staticPowerWatts);
  }

  public SystolicConfig withStaticPower(double watts) {
    return new SystolicConfig(
        rows,
        cols,
        dataflow,
        timeBatch,
        weightBufferBytes,
        spikeBufferBytes,
        outputBufferBytes,
        clockHz,
        dramBytesPerCycle,
        watts);
  }

  /** The parameters as report entries. */
  public Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("rows", Integer.toString(rows));
    map.put("cols", Integer.toString(cols));
    map.put("dataflow", dataflow.label());
    map.put("time_batch", Integer.toString(timeBatch));
    map.put("weight_buffer_bytes", Integer.toString(weightBufferBytes));
    map.put("spike_buffer_bytes", Integer.toString(spikeBufferBytes));
    map.put("output_buffer_bytes", Integer.toString(outputBufferBytes));
    map.put("clock_hz", Double.toString(clockHz));
    map.put("dram_bytes_per_cycle", Integer.toString(dramBytesPerCycle));
    map.put("static_power_w", Double.toString(staticPowerWatts));
    return map;
  }
}
