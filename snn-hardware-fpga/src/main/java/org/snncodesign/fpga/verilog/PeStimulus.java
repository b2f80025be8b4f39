package org.snncodesign.fpga.verilog;

import org.snncodesign.api.Checks;

/**
 * One clock cycle of input to the bitmap PE.
 *
 * @param reset synchronous reset: the accumulator becomes 0
 * @param clear start a new output: the accumulator becomes this cycle's segment sum (0 when not
 *     valid)
 * @param valid add this cycle's segment sum
 * @param spikeBits spike bitmap segment
 * @param weightBits weight bitmap segment (set where the weight is non-zero)
 * @param packedValues the segment's weights at the set positions of {@code weightBits}, in
 *     ascending position order, then don't-care slots; one per position of the segment, each a
 *     {@code weightBits}-wide two's complement value
 */
public record PeStimulus(
    boolean reset,
    boolean clear,
    boolean valid,
    long spikeBits,
    long weightBits,
    int[] packedValues) {
  public PeStimulus {
    Checks.checkArgument(packedValues != null, "packedValues must be given");
    packedValues = packedValues.clone();
  }

  @Override
  public int[] packedValues() {
    return packedValues.clone();
  }
}
