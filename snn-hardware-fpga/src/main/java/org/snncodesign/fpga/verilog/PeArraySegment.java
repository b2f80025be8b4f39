package org.snncodesign.fpga.verilog;

import org.snncodesign.api.Checks;

/**
 * One bitmap segment handed to the PE array: what the array's input port carries in one accepted
 * cycle.
 *
 * @param fresh the first tile of a block of output neurons: membranes restart at 0 (read only by
 *     the segment that starts a tile)
 * @param last the tile's last segment: after it the array accumulates, fires and reports {@code
 *     done}
 * @param spikeBits per PE row r, the spike bitmap segment of time step {@code t0 + r} (low {@code
 *     width} bits)
 * @param weightBits per PE column c, the weight bitmap segment of output {@code j0 + c}
 * @param packedValues per PE column c, the column's non-zero weights in ascending position order,
 *     then don't-care slots; {@code width} two's complement values of {@code valueBits} each
 */
public record PeArraySegment(
    boolean fresh, boolean last, long[] spikeBits, long[] weightBits, int[][] packedValues) {
  public PeArraySegment {
    Checks.checkArgument(
        spikeBits != null && weightBits != null && packedValues != null,
        "segment bitmaps and values must be given");
    Checks.checkArgument(
        packedValues.length == weightBits.length,
        "%d weight bitmaps but %d value columns",
        weightBits.length,
        packedValues.length);
    spikeBits = spikeBits.clone();
    weightBits = weightBits.clone();
    int[][] copy = new int[packedValues.length][];
    for (int c = 0; c < copy.length; c++) {
      copy[c] = packedValues[c].clone();
    }
    packedValues = copy;
  }

  /** Spike bitmap segment of PE row {@code r}. */
  public long spikeRow(int r) {
    return spikeBits[r];
  }

  /** Weight bitmap segment of PE column {@code c}. */
  public long weightColumn(int c) {
    return weightBits[c];
  }

  /** Packed value {@code slot} of PE column {@code c}. */
  public int value(int c, int slot) {
    return packedValues[c][slot];
  }

  @Override
  public long[] spikeBits() {
    return spikeBits.clone();
  }

  @Override
  public long[] weightBits() {
    return weightBits.clone();
  }

  @Override
  public int[][] packedValues() {
    int[][] copy = new int[packedValues.length][];
    for (int c = 0; c < copy.length; c++) {
      copy[c] = packedValues[c].clone();
    }
    return copy;
  }
}
