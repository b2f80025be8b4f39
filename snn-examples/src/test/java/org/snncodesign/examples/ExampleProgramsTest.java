package org.snncodesign.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every example program runs and prints what its Javadoc promises. */
class ExampleProgramsTest {
  private static final Path BRAILLE = Path.of("..", "..", "shared", "nir", "files",
      "braille_noDelay_bias_zero.nir");

  /** Runs {@code program} with {@code args} and returns what it printed. */
  private static synchronized String run(ThrowingMain program, String... args) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      program.main(args);
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @FunctionalInterface
  private interface ThrowingMain {
    void main(String[] args) throws Exception;
  }

  private static List<String> acceleratorLines(String output) {
    return output.lines().filter(line -> line.contains(" cycles ")).toList();
  }

  @Test
  @DisplayName("SimulateRecurrentNetwork runs the recurrent graph and its neurons fire")
  void simulateRecurrentNetwork() throws Exception {
    String output = run(SimulateRecurrentNetwork::main, "2");
    assertThat(output).containsPattern("\\d+ input spikes, [1-9]\\d* LIF spikes");
  }

  @Test
  @DisplayName("ImportNirAndPrice prices the snnTorch Braille network on every accelerator")
  void importNirAndPrice() throws Exception {
    assumeTrue(Files.isRegularFile(BRAILLE), BRAILLE + " is absent");
    String output = run(ImportNirAndPrice::main, BRAILLE.toString(), "1e-4");
    assertThat(output).contains("45 neurons, 3 spike-driven projections");
    assertThat(acceleratorLines(output)).hasSizeGreaterThanOrEqualTo(6);
  }
}
