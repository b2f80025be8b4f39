package org.snncodesign.spmm.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snncodesign.api.Checks;

/**
 * A design point of the outer-product baseline ({@link OuterProductAccelerator}).
 *
 * @param processingElements PEs of the multiply phase, reused as mergers in the merge phase
 * @param productWidth partial products a PE emits per cycle
 * @param mergeWidth partial products a PE's merger consumes per cycle
 * @param partialBufferBytes on-chip store of partial products; beyond it they spill to DRAM and
 *     come back
 * @param indexBits bits of a stored row or column index
 * @param dramBytesPerSecond DRAM bandwidth
 * @param clockHz clock frequency
 */
public record OuterProductConfig(
    int processingElements,
    int productWidth,
    int mergeWidth,
    long partialBufferBytes,
    int indexBits,
    double dramBytesPerSecond,
    double clockHz) {

  /**
   * 16 PEs x 4 wide (64 lanes, the budget of the default SpikedGustavson), 512 KiB partials, 25.6
   * GB/s.
   */
  public static final OuterProductConfig DEFAULT =
      new OuterProductConfig(16, 4, 4, 512L * 1024, 16, 25.6e9, 500e6);

  public OuterProductConfig {
    Checks.positive(processingElements, "processingElements");
    Checks.positive(productWidth, "productWidth");
    Checks.positive(mergeWidth, "mergeWidth");
    Checks.checkArgument(
        partialBufferBytes >= 0, "partialBufferBytes must be >= 0, got %d", partialBufferBytes);
    Checks.checkArgument(
        indexBits >= 1 && indexBits <= 32, "indexBits must be in [1, 32], got %d", indexBits);
    Checks.positive(dramBytesPerSecond, "dramBytesPerSecond");
    Checks.positive(clockHz, "clockHz");
  }

  public Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("processing_elements", Integer.toString(processingElements));
    map.put("product_width", Integer.toString(productWidth));
    map.put("merge_width", Integer.toString(mergeWidth));
    map.put("partial_buffer_bytes", Long.toString(partialBufferBytes));
    map.put("index_bits", Integer.toString(indexBits));
    map.put("dram_bytes_per_second", Double.toString(dramBytesPerSecond));
    map.put("clock_hz", Double.toString(clockHz));
    return map;
  }
}
