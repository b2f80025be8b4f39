package org.snncodesign.fpga.verilog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snncodesign.fpga.resources.FpgaResources;

/**
 * Synthesises generated RTL with Yosys ({@code synth_xilinx -family xc7}) and reads the cell counts
 * of {@code stat -json}: LUT1..LUT6 as LUTs, FD* as flip-flops, RAMB18/36 as block RAM (two RAMB18
 * per RAMB36), DSP48* as DSPs. The cross-check for the per-unit cost table.
 */
public final class YosysSynthesis {
  private static final Pattern CELL = Pattern.compile("\"([A-Z0-9_]+)\":\\s*(\\d+)");

  private YosysSynthesis() {}

  /** True when {@code yosys} runs on this machine. */
  public static boolean available() {
    return ExternalTool.runs("yosys", "-V");
  }

  /**
   * Synthesises {@code source} (in {@code dir}) with top module {@code top}; returns the fabric it
   * uses.
   */
  public static FpgaResources synthesize(Path dir, String source, String top) throws IOException {
    String script =
        "read_verilog "
            + source
            + "; synth_xilinx -family xc7 -top "
            + top
            + "; tee -q -o stat.json stat -json";
    Process p =
        new ProcessBuilder(List.of("yosys", "-q", "-p", script))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException("yosys failed on " + dir.resolve(source) + ":\n" + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running yosys", e);
    }
    return parseStat(Files.readString(dir.resolve("stat.json")));
  }

  /** Cell counts of the {@code design} section of Yosys {@code stat -json} output. */
  static FpgaResources parseStat(String json) {
    int design = json.indexOf("\"design\"");
    String section = design >= 0 ? json.substring(design) : json;
    long lut = 0;
    long ff = 0;
    long bram18 = 0;
    long bram36 = 0;
    long dsp = 0;
    Matcher m = CELL.matcher(section);
    while (m.find()) {
      String cell = m.group(1);
      long n = Long.parseLong(m.group(2));
      if (cell.matches("LUT[1-6]")) {
        lut += n;
      } else if (cell.startsWith("FD")) {
        ff += n;
      } else if (cell.startsWith("RAMB36")) {
        bram36 += n;
      } else if (cell.startsWith("RAMB18")) {
        bram18 += n;
      } else if (cell.startsWith("DSP48")) {
        dsp += n;
      }
    }
    return new FpgaResources(lut, ff, bram36 + (bram18 + 1) / 2, dsp);
  }
}
