package org.snncodesign.fpga.resources;

import org.snncodesign.api.Checks;

/**
 * Per-unit FPGA costs from which the accelerator models estimate LUT, FF, BRAM and DSP use.
 *
 * <p>The defaults describe Xilinx 7-series / UltraScale+ fabric:
 *
 * <ul>
 *   <li>an {@code n}-bit adder or accumulator takes {@code n} LUT6 on the carry chain ({@link
 *       #lutPerAdderBit} = 1; Xilinx UG474, 7 Series CLB User Guide: one LUT per bit feeds CARRY4);
 *   <li>a register bit is one flip-flop ({@link #ffPerRegisterBit} = 1; UG474: 8 FF per slice, 4
 *       LUT6);
 *   <li>a LUT6 implements a 4:1 multiplexer of one bit (UG474, "Multiplexers"), so an {@code n}:1
 *       mux of {@code b} bits costs {@code b * ceil((n - 1) / 3)} LUTs when built as a tree of 4:1
 *       stages;
 *   <li>a bitwise AND of two bitmaps packs two bits into a LUT6_2 ({@link #lutPerAndBit} = 0.5;
 *       UG474: a LUT6 can give two outputs of five shared inputs);
 *   <li>a population count of {@code w} bits built from 6:3 compressors costs about one LUT per
 *       input bit ({@link #lutPerPopcountBit} = 1), an estimate, checked against Yosys synthesis of
 *       the exported PE;
 *   <li>a RAMB36 holds 36,864 bits (Xilinx UG473, 7 Series Memory Resources: 36 Kb blocks);
 *   <li>a DSP48E2 in SIMD mode adds four 12-bit or two 24-bit operand pairs per cycle (Xilinx
 *       UG579, UltraScale DSP Slice User Guide, "SIMD mode");
 *   <li>{@link #controlLut} / {@link #controlFf}: the controller, address generators and DRAM
 *       interface glue, an assumption (1,500 LUT and 2,000 FF) rather than a sourced figure.
 * </ul>
 */
public record FpgaCostTable(
    double lutPerAdderBit,
    double ffPerRegisterBit,
    double lutPerAndBit,
    double lutPerPopcountBit,
    long bitsPerBram36,
    int dspSimdLanes12Bit,
    int dspSimdLanes24Bit,
    long controlLut,
    long controlFf) {

  /** The Xilinx 7-series / UltraScale+ costs documented above. */
  public static final FpgaCostTable XILINX =
      new FpgaCostTable(1.0, 1.0, 0.5, 1.0, 36_864, 4, 2, 1_500, 2_000);

  public FpgaCostTable {
    Checks.checkArgument(
        lutPerAdderBit >= 0 && ffPerRegisterBit >= 0 && lutPerAndBit >= 0 && lutPerPopcountBit >= 0,
        "per-bit costs must be >= 0");
    Checks.checkArgument(bitsPerBram36 > 0, "bitsPerBram36 must be > 0, got %d", bitsPerBram36);
    Checks.checkArgument(
        dspSimdLanes12Bit > 0 && dspSimdLanes24Bit > 0, "DSP SIMD lanes must be > 0");
  }

  /** LUTs of an adder {@code bits} wide. */
  public long adderLuts(int bits) {
    return (long) Math.ceil(lutPerAdderBit * bits);
  }

  /** Flip-flops of a register {@code bits} wide. */
  public long registerFfs(long bits) {
    return (long) Math.ceil(ffPerRegisterBit * bits);
  }

  /**
   * LUTs of a {@code inputs}:1 multiplexer of {@code bits}-bit words, as a tree of 4:1 LUT6 stages.
   */
  public long muxLuts(int inputs, int bits) {
    Checks.checkArgument(inputs >= 1, "mux inputs must be >= 1, got %d", inputs);
    return (long) bits * ((inputs - 1 + 2) / 3);
  }

  /** LUTs of the AND of two {@code bits}-wide bitmaps. */
  public long andLuts(int bits) {
    return (long) Math.ceil(lutPerAndBit * bits);
  }

  /** LUTs of a population count of {@code bits} bits. */
  public long popcountLuts(int bits) {
    return (long) Math.ceil(lutPerPopcountBit * bits);
  }

  /** RAMB36 blocks holding {@code bytes} (at least one for a non-empty buffer). */
  public long bram36(long bytes) {
    Checks.checkArgument(bytes >= 0, "bytes must be >= 0, got %d", bytes);
    return (bytes * 8 + bitsPerBram36 - 1) / bitsPerBram36;
  }

  /**
   * DSP slices for {@code adders} accumulators of {@code bits} each in SIMD mode, or -1 when too
   * wide (> 24).
   */
  public long dspForAccumulators(long adders, int bits) {
    if (bits <= 12) {
      return (adders + dspSimdLanes12Bit - 1) / dspSimdLanes12Bit;
    }
    if (bits <= 24) {
      return (adders + dspSimdLanes24Bit - 1) / dspSimdLanes24Bit;
    }
    return -1;
  }

  /** The fixed controller cost. */
  public FpgaResources control() {
    return new FpgaResources(controlLut, controlFf, 0, 0);
  }
}
