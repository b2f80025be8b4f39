package org.snncodesign.fpga.verilog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Icarus Verilog ({@code iverilog} then {@code vvp}) on generated sources in a working folder.
 */
public final class IcarusSimulator {
  private final Path workDir;

  public IcarusSimulator(Path workDir) {
    this.workDir = workDir;
  }

  /** True when {@code iverilog} and {@code vvp} run on this machine. */
  public static boolean available() {
    return ExternalTool.runs("iverilog", "-V") && ExternalTool.runs("vvp", "-V");
  }

  /**
   * Compiles {@code sources} (file names in the working folder) with top module {@code top} and
   * simulates it.
   *
   * @return the simulation's standard output
   * @throws IOException when compilation or simulation fails, with the tool's output
   */
  public String run(String top, List<String> sources) throws IOException {
    List<String> compile =
        new ArrayList<>(List.of("iverilog", "-g2005", "-Wall", "-s", top, "-o", "sim.vvp"));
    compile.addAll(sources);
    String compiled = exec(compile);
    String simulated = exec(List.of("vvp", "-n", "sim.vvp"));
    return compiled + simulated;
  }

  private String exec(List<String> command) throws IOException {
    Process p =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + " timed out in " + workDir);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command, e);
    }
    if (p.exitValue() != 0) {
      throw new IOException(
          String.join(" ", command)
              + " failed (exit "
              + p.exitValue()
              + ") in "
              + workDir
              + ":\n"
              + output);
    }
    return output;
  }
}
