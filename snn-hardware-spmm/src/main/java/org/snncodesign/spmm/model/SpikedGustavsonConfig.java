package org.snncodesign.spmm.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snncodesign.api.Checks;

/**
 * A design point of the SpikedGustavson accelerator (see {@link SpikedGustavsonAccelerator} and
 * {@code docs/hardware/spiked-gustavson.md} for what each unit does and why these defaults).
 *
 * @param processingElements PEs; each owns one output row at a time
 * @param fetchUnitsPerPe row-fetch units per PE, each streaming one selected weight row
 * @param fetchWidth weight entries a fetch unit reads per cycle
 * @param mergeWidth adds per cycle of a PE's merge unit (banked accumulator)
 * @param drainWidth accumulator entries a PE writes out (and clears) per cycle
 * @param accumulatorEntries output columns a PE's accumulator row holds; wider layers are tiled by
 *     columns
 * @param weightBufferBytes on-chip weight buffer; weights that do not fit are tiled by columns
 * @param spikeBufferBytes on-chip spike buffer; spikes that do not fit are re-read from DRAM for
 *     every tile
 * @param indexBits bits of a stored column index
 * @param dramBytesPerSecond DRAM bandwidth
 * @param clockHz clock frequency
 */
public record SpikedGustavsonConfig(
    int processingElements,
    int fetchUnitsPerPe,
    int fetchWidth,
    int mergeWidth,
    int drainWidth,
    int accumulatorEntries,
    long weightBufferBytes,
    long spikeBufferBytes,
    int indexBits,
    double dramBytesPerSecond,
    double clockHz) {

  /**
   * 16 PEs x 2 fetch units x 4 entries, 4-wide merge, 512 KiB weights, 64 KiB spikes, 25.6 GB/s,
   * 500 MHz.
   */
  public static final SpikedGustavsonConfig DEFAULT =
      new SpikedGustavsonConfig(16, 2, 4, 4, 16, 1024, 512L * 1024, 64L * 1024, 16, 25.6e9, 500e6);

  public SpikedGustavsonConfig {
    Checks.positive(processingElements, "processingElements");
    Checks.positive(fetchUnitsPerPe, "fetchUnitsPerPe");
    Checks.positive(fetchWidth, "fetchWidth");
    Checks.positive(mergeWidth, "mergeWidth");
    Checks.positive(drainWidth, "drainWidth");
    Checks.positive(accumulatorEntries, "accumulatorEntries");
    Checks.checkArgument(
        weightBufferBytes > 0, "weightBufferBytes must be > 0, got %d", weightBufferBytes);
    Checks.checkArgument(
        spikeBufferBytes >= 0, "spikeBufferBytes must be >= 0, got %d", spikeBufferBytes);
    Checks.checkArgument(
        indexBits >= 1 && indexBits <= 32, "indexBits must be in [1, 32], got %d", indexBits);
    Checks.positive(dramBytesPerSecond, "dramBytesPerSecond");
    Checks.positive(clockHz, "clockHz");
  }

  /** DRAM bytes per clock cycle. */
  public double dramBytesPerCycle() {
    return dramBytesPerSecond / clockHz;
  }

  /** The settings by name, for reports. */
  public Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("processing_elements", Integer.toString(processingElements));
    map.put("fetch_units_per_pe", Integer.toString(fetchUnitsPerPe));
    map.put("fetch_width", Integer.toString(fetchWidth));
    map.put("merge_width", Integer.toString(mergeWidth));
    map.put("drain_width", Integer.toString(drainWidth));
    map.put("accumulator_entries", Integer.toString(accumulatorEntries));
    map.put("weight_buffer_bytes", Long.toString(weightBufferBytes));
    map.put("spike_buffer_bytes", Long.toString(spikeBufferBytes));
    map.put("index_bits", Integer.toString(indexBits));
    map.put("dram_bytes_per_second", Double.toString(dramBytesPerSecond));
    map.put("clock_hz", Double.toString(clockHz));
    return map;
  }

  /** A builder starting from {@link #DEFAULT}. */
  public static Builder builder() {
    return new Builder(DEFAULT);
  }

  /** Builds a {@link SpikedGustavsonConfig}; unset settings keep their defaults. */
  public static final class Builder {
    private int processingElements;
    private int fetchUnitsPerPe;
    private int fetchWidth;
    private int mergeWidth;
    private int drainWidth;
    private int accumulatorEntries;
    private long weightBufferBytes;
    private long spikeBufferBytes;
    private int indexBits;
    private double dramBytesPerSecond;
    private double clockHz;

    private Builder(SpikedGustavsonConfig c) {
      processingElements = c.processingElements;
      fetchUnitsPerPe = c.fetchUnitsPerPe;
      fetchWidth = c.fetchWidth;
      mergeWidth = c.mergeWidth;
      drainWidth = c.drainWidth;
      accumulatorEntries = c.accumulatorEntries;
      weightBufferBytes = c.weightBufferBytes;
      spikeBufferBytes = c.spikeBufferBytes;
      indexBits = c.indexBits;
      dramBytesPerSecond = c.dramBytesPerSecond;
      clockHz = c.clockHz;
    }

    public Builder processingElements(int v) {
      processingElements = v;
      return this;
    }

    public Builder fetchUnitsPerPe(int v) {
      fetchUnitsPerPe = v;
      return this;
    }

    public Builder fetchWidth(int v) {
      fetchWidth = v;
      return this;
    }

    public Builder mergeWidth(int v) {
      mergeWidth = v;
      return this;
    }

    public Builder drainWidth(int v) {
      drainWidth = v;
      return this;
    }

    public Builder accumulatorEntries(int v) {
      accumulatorEntries = v;
      return this;
    }

    public Builder weightBufferBytes(long v) {
      weightBufferBytes = v;
      return this;
    }

    public Builder spikeBufferBytes(long v) {
      spikeBufferBytes = v;
      return this;
    }

    public Builder indexBits(int v) {
      indexBits = v;
      return this;
    }

    public Builder dramBytesPerSecond(double v) {
      dramBytesPerSecond = v;
      return this;
    }

    public Builder clockHz(double v) {
      clockHz = v;
      return this;
    }

    public SpikedGustavsonConfig build() {
      return new SpikedGustavsonConfig(
          processingElements,
          fetchUnitsPerPe,
          fetchWidth,
          mergeWidth,
          drainWidth,
          accumulatorEntries,
          weightBufferBytes,
          spikeBufferBytes,
          indexBits,
          dramBytesPerSecond,
          clockHz);
    }
  }
}
