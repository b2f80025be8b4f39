package org.snncodesign.cli.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConvertCommandTest {
  private static final Path MNIST = Path.of("..", "..", "shared", "data", "mnist");

  @Test
  @DisplayName("snn convert trains a small cached CNN, converts it and prints the JSON figures")
  void convertsMnistSubset(@TempDir Path tmp) throws Exception {
    assumeTrue(Files.exists(MNIST.resolve("t10k-images-idx3-ubyte.gz")), "MNIST not in ../../shared/data/mnist");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = {"--dataset", "mnist", "--data-dir", MNIST.toString(), "--coding", "phase1",
        "--train-samples", "600", "--epochs", "1", "--test-samples", "100", "--cache-dir", tmp.toString(),
        "--out", tmp.resolve("report").toString(), "--json"};
    int code = new CommandLine(new ConvertCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    String[] lines = out.toString(StandardCharsets.UTF_8).trim().split("\n");
    JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
    for (String field : new String[] {"dataset", "ann_accuracy", "snn_accuracy", "timesteps", "spikes_per_neuron",
        "ann_macs", "snn_acs", "ann_energy_pj", "snn_energy_pj", "energy_ratio"}) {
      assertThat(json.has(field)).as(field).isTrue();
    }
    assertThat(json.get("dataset").asText()).isEqualTo("mnist");
    assertThat(json.get("timesteps").asInt()).isEqualTo(4 * 16);
    assertThat(json.get("energy_ratio").asDouble()).isGreaterThan(1);
    assertThat(Files.list(tmp).filter(p -> p.toString().endsWith(".json")).count()).isEqualTo(1);
    assertThat(tmp.resolve("report/conversion.csv")).exists();
    // The second run uses the cached model instead of training again.
    ByteArrayOutputStream err2 = new ByteArrayOutputStream();
    new CommandLine(new ConvertCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err2, true, StandardCharsets.UTF_8))).execute(args);
    assertThat(err2.toString(StandardCharsets.UTF_8)).contains("using cached model");
  }

  @Test
  @DisplayName("an unknown coding is refused with exit code 2")
  void unknownCoding(@TempDir Path tmp) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new CommandLine(new ConvertCommand(System.out, new PrintStream(err, true, StandardCharsets.UTF_8)))
        .execute("--data-dir", tmp.toString(), "--coding", "burst");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("burst");
  }

  @Test
  @DisplayName("--data-dir is required")
  void dataDirRequired() {
    int code = new CommandLine(new ConvertCommand(System.out, new PrintStream(new ByteArrayOutputStream())))
        .execute("--dataset", "mnist");
    assertThat(code).isEqualTo(2);
  }
}
