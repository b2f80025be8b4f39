package org.snncodesign.fpga.verilog;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Helpers for the {@code $readmemh} files of the generated testbenches: one line per cycle, fields
 * concatenated most significant first, exactly in the order of the testbench's {@code {a, b, ...} =
 * stim[i]} assignment.
 */
final class VerilogHex {
  private final StringBuilder out = new StringBuilder();
  private BigInteger line = BigInteger.ZERO;

  /** Appends a one-bit field to the current line. */
  VerilogHex bit(boolean b) {
    line = line.shiftLeft(1).or(b ? BigInteger.ONE : BigInteger.ZERO);
    return this;
  }

  /** Appends the low {@code bits} of {@code value} (two's complement) to the current line. */
  VerilogHex field(long value, int bits) {
    line = line.shiftLeft(bits).or(unsigned(value, bits));
    return this;
  }

  /** Appends an already assembled field of {@code bits}. */
  VerilogHex field(BigInteger value, int bits) {
    line = line.shiftLeft(bits).or(value);
    return this;
  }

  /** Ends the current line. */
  VerilogHex endLine() {
    out.append(line.toString(16)).append('\n');
    line = BigInteger.ZERO;
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** The low {@code bits} of {@code value} as a non-negative number. */
  static BigInteger unsigned(long value, int bits) {
    return BigInteger.valueOf(value).and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
  }

  /**
   * The {@code initial} block shared by the self-checking testbenches: load {@code stimulus.hex}
   * and {@code expected.hex}, and for each of the N vectors apply {@code apply}, pulse the clock,
   * compare {@code observed} with the expected word, print the first ten {@code MISMATCH} lines and
   * a final {@code RESULT vectors=N errors=E} line (read by {@link SimulationResult}).
   */
  static String checkLoop(String apply, String observed) {
    return checkLoop(apply, observed, "", "");
  }

  /**
   * {@link #checkLoop(String, String)} with {@code afterCheck} run after each vector's comparison
   * and {@code atEnd} just before the RESULT line (both Verilog statements, or empty).
   */
  static String checkLoop(String apply, String observed, String afterCheck, String atEnd) {
    return """
          initial begin
            $readmemh("stimulus.hex", stim);
            $readmemh("expected.hex", expected);
            errors = 0;
            for (i = 0; i < N; i = i + 1) begin
              %1$s = stim[i];
              #1 clk = 1'b1;
              #1 clk = 1'b0;
              if (%2$s !== expected[i]) begin
                errors = errors + 1;
                if (errors <= 10)
                  $display("MISMATCH vector=%%0d got=%%h expected=%%h", i, %2$s, expected[i]);
              end
              %3$s
            end
            %4$s
            $display("RESULT vectors=%%0d errors=%%0d", N, errors);
            $finish;
          end
        """
        .formatted(apply, observed, afterCheck, atEnd);
  }

  /**
   * Writes a block's files into {@code dir} (created if needed): {@code <module>.v}, {@code
   * <module>_tb.v}, {@code stimulus.hex} and {@code expected.hex}, the names the testbenches read.
   *
   * @return the files written, in that order
   */
  static List<Path> writeBlock(
      Path dir, String module, String rtl, String testbench, String stimulus, String expected)
      throws IOException {
    Files.createDirectories(dir);
    List<Path> files =
        List.of(
            dir.resolve(module + ".v"),
            dir.resolve(module + "_tb.v"),
            dir.resolve("stimulus.hex"),
            dir.resolve("expected.hex"));
    Files.writeString(files.get(0), rtl);
    Files.writeString(files.get(1), testbench);
    Files.writeString(files.get(2), stimulus);
    Files.writeString(files.get(3), expected);
    return files;
  }
}
