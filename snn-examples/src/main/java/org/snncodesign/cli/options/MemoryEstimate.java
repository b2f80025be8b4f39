package org.snncodesign.cli.options;

import java.util.List;

/**
 * The memory a command needs as the product of some of its size options times a number of bytes,
 * e.g. an {@code R x C} PE array at about 4 KB of RTL and simulation state per PE.
 *
 * @param command qualified command name, e.g. {@code snn hw verilog}
 * @param options the size options multiplied together
 * @param bytesPerUnit bytes per unit of that product (an upper estimate of the command's data
 *     structures)
 */
public record MemoryEstimate(String command, List<String> options, double bytesPerUnit) {

  /**
   * {@code bytes} in the largest unit that keeps it at least 1 (B, KB, MB, GB, TB), e.g. "38 GB".
   */
  public static String humanBytes(double bytes) {
    String[] units = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};
    int unit = 0;
    while (bytes >= 1024 && unit < units.length - 1) {
      bytes /= 1024;
      unit++;
    }
    return (bytes >= 10 || unit == 0 ? String.format("%.0f", bytes) : String.format("%.1f", bytes))
        + " "
        + units[unit];
  }
}
