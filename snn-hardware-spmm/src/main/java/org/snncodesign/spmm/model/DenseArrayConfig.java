package org.snncodesign.spmm.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snncodesign.api.Checks;

/**
 * A design point of the dense weight-stationary MAC array baseline ({@link DenseArrayAccelerator}).
 *
 * @param arrayRows rows of the array (the K extent of a weight tile)
 * @param arrayCols columns of the array (the M extent of a weight tile)
 * @param spikeBufferBytes on-chip spike buffer; spikes that do not fit are re-read for every column
 *     tile
 * @param spikeGating when true, an adder whose input spike is 0 is gated and costs no energy (but
 *     its cycle)
 * @param dramBytesPerSecond DRAM bandwidth
 * @param clockHz clock frequency
 */
public record DenseArrayConfig(
    int arrayRows,
    int arrayCols,
    long spikeBufferBytes,
    boolean spikeGating,
    double dramBytesPerSecond,
    double clockHz) {

  /**
   * 8 x 8 = 64 adders (the adder budget of the default SpikedGustavson), same buffers, DRAM and
   * clock.
   */
  public static final DenseArrayConfig DEFAULT =
      new DenseArrayConfig(8, 8, 64L * 1024, true, 25.6e9, 500e6);

  public DenseArrayConfig {
    Checks.positive(arrayRows, "arrayRows");
    Checks.positive(arrayCols, "arrayCols");
    Checks.checkArgument(
        spikeBufferBytes >= 0, "spikeBufferBytes must be >= 0, got %d", spikeBufferBytes);
    Checks.positive(dramBytesPerSecond, "dramBytesPerSecond");
    Checks.positive(clockHz, "clockHz");
  }

  public Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("array_rows", Integer.toString(arrayRows));
    map.put("array_cols", Integer.toString(arrayCols));
    map.put("spike_buffer_bytes", Long.toString(spikeBufferBytes));
    map.put("spike_gating", Boolean.toString(spikeGating));
    map.put("dram_bytes_per_second", Double.toString(dramBytesPerSecond));
    map.put("clock_hz", Double.toString(clockHz));
    return map;
  }
}
