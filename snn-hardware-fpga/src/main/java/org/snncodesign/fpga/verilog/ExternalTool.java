package org.snncodesign.fpga.verilog;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Probes for the open-source EDA tools the RTL checks need, so that they can be skipped where
 * absent.
 */
final class ExternalTool {
  private ExternalTool() {}

  /** True when {@code command} starts and exits with status 0 within 30 s. */
  static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
