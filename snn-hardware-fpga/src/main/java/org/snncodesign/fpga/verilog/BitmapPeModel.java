package org.snncodesign.fpga.verilog;

import org.snncodesign.api.Checks;

/**
 * The bit-exact Java model of the exported bitmap PE ({@link BitmapPeVerilog}): per cycle, the sum
 * of the packed weight values at the positions where both the spike and the weight bitmaps are set
 * (the value of position {@code k} is slot {@code popcount(weightBits below k)}), added into a
 * {@code accumulatorBits}-wide two's complement accumulator that wraps on overflow, exactly as the
 * RTL register does.
 */
public final class BitmapPeModel {
  private final int width;
  private final int valueBits;
  private final int accumulatorBits;
  private long accumulator;

  /**
   * @param width segment width W (1..64)
   * @param valueBits weight bits WB (2..16)
   * @param accumulatorBits accumulator bits AB (WB..32)
   */
  public BitmapPeModel(int width, int valueBits, int accumulatorBits) {
    Checks.checkArgument(width >= 1 && width <= 64, "width must be in [1, 64], got %d", width);
    Checks.checkArgument(
        valueBits >= 2 && valueBits <= 16, "value bits must be in [2, 16], got %d", valueBits);
    Checks.checkArgument(
        accumulatorBits >= valueBits && accumulatorBits <= 32,
        "accumulator bits must be in [%d, 32], got %d",
        valueBits,
        accumulatorBits);
    this.width = width;
    this.valueBits = valueBits;
    this.accumulatorBits = accumulatorBits;
  }

  /** Two's complement wrap of {@code value} to {@code bits}. */
  static long wrap(long value, int bits) {
    return (value << (64 - bits)) >> (64 - bits);
  }

  /** The combinational segment sum of one stimulus, wrapped to the accumulator width. */
  public long segmentSum(PeStimulus in) {
    int[] values = in.packedValues();
    Checks.checkArgument(
        values.length == width, "expected %d packed values, got %d", width, values.length);
    long sum = 0;
    int index = 0;
    for (int k = 0; k < width; k++) {
      boolean weight = (in.weightBits() >>> k & 1) != 0;
      if (weight && (in.spikeBits() >>> k & 1) != 0) {
        sum += wrap(values[index], valueBits);
      }
      if (weight) {
        index++;
      }
    }
    return wrap(sum, accumulatorBits);
  }

  /** Applies one clock edge and returns the accumulator after it. */
  public long step(PeStimulus in) {
    long sum = segmentSum(in);
    if (in.reset()) {
      accumulator = 0;
    } else if (in.clear()) {
      accumulator = in.valid() ? sum : 0;
    } else if (in.valid()) {
      accumulator = wrap(accumulator + sum, accumulatorBits);
    }
    return accumulator;
  }

  public long accumulator() {
    return accumulator;
  }

  public int width() {
    return width;
  }

  public int valueBits() {
    return valueBits;
  }

  public int accumulatorBits() {
    return accumulatorBits;
  }
}
