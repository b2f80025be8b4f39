package org.snncodesign.fpga.firefly;

import org.snncodesign.api.Checks;

/**
 * The dual-side sparsity detector of a bitmap PE: the AND of a spike bitmap segment and a weight
 * bitmap segment marks the positions where both operands are non-zero; the population count of the
 * weight bitmap below a position is the index of that weight among the segment's packed non-zero
 * values.
 *
 * <p>Segments are {@code width} bits (a divisor of 64) cut from {@code long} words in which bit
 * {@code k} of word {@code w} is position {@code 64 w + k}, the layout of {@code SpikeRaster} and
 * {@code BitmapMatrix}.
 */
public final class SparsityDetector {
  private SparsityDetector() {}

  /** Checks that {@code width} is 8, 16, 32 or 64. */
  public static int checkWidth(int width) {
    Checks.checkArgument(
        width == 8 || width == 16 || width == 32 || width == 64,
        "detector width must be 8, 16, 32 or 64 bits, got %d",
        width);
    return width;
  }

  /**
   * Segment {@code segment} ({@code width} bits) of the bit string starting at {@code words[base]}.
   */
  public static long segment(long[] words, int base, int segment, int width) {
    int bit = segment * width;
    long word = words[base + (bit >>> 6)] >>> (bit & 63);
    return width == 64 ? word : word & ((1L << width) - 1);
  }

  /** Positions where both bitmaps are set. */
  public static long matches(long spikeBits, long weightBits) {
    return spikeBits & weightBits;
  }

  /**
   * Index among the packed non-zero weights of the weight at {@code position}: set weight bits
   * below it.
   */
  public static int valueIndex(long weightBits, int position) {
    return Long.bitCount(weightBits & ((1L << position) - 1));
  }

  /**
   * The sum of the packed weight values at matched positions: what one PE adds in one segment.
   *
   * @param packedValues the segment's non-zero weights in ascending position order
   */
  public static long matchedSum(long spikeBits, long weightBits, int[] packedValues) {
    long sum = 0;
    long hits = matches(spikeBits, weightBits);
    while (hits != 0) {
      int position = Long.numberOfTrailingZeros(hits);
      sum += packedValues[valueIndex(weightBits, position)];
      hits &= hits - 1;
    }
    return sum;
  }
}
