package org.snncodesign.fpga.verilog;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outcome of a generated self-checking testbench: the {@code RESULT vectors=N errors=E} line it
 * prints.
 *
 * @param vectors stimulus vectors applied
 * @param errors vectors whose RTL output differed from the Java model's expected value
 */
public record SimulationResult(int vectors, int errors) {
  private static final Pattern RESULT = Pattern.compile("RESULT vectors=(\\d+) errors=(\\d+)");

  /**
   * Reads the RESULT line of a simulation's output.
   *
   * @throws IOException when the output has no RESULT line (the testbench did not finish)
   */
  public static SimulationResult parse(String output) throws IOException {
    Matcher m = RESULT.matcher(output);
    if (!m.find()) {
      throw new IOException("simulation printed no RESULT line:\n" + output);
    }
    return new SimulationResult(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** True when every vector matched. */
  public boolean bitExact() {
    return errors == 0;
  }
}
