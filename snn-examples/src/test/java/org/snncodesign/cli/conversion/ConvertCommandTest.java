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
    assumeTrue(
        Files.exists(MNIST.resolve("t10k-images-idx3-ubyte.gz")),
        "MNIST not in ../../shared/data/mnist");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = {
      "--dataset",
      "mnist",
      "--data-dir",
      MNIST.toString(),
      "--coding",
      "phase1",
      "--train-samples",
      "600",
      "--epochs",
      "1",
      "--test-samples",
      "100",
      "--cache-dir",
      tmp.toString(),
      "--out",
      tmp.resolve("report").toString(),
      "--json"
    };
    int code =
        new CommandLine(
                new ConvertCommand(
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)))
            .execute(args);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    String[] lines = out.toString(StandardCharsets.UTF_8).trim().split("\n");
    JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
    for (String field :
        new String[] {
          "dataset",
          "ann_accuracy",
          "snn_accuracy",
          "timesteps",
          "spikes_per_neuron",
          "ann_macs",
          "snn_acs",
          "ann_energy_pj",
          "snn_energy_pj",
          "energy_ratio"
        }) {
      assertThat(json.has(field)).as(field).isTrue();
    }
    assertThat(json.get("dataset").asText()).isEqualTo("mnist");
    assertThat(json.get("timesteps").asInt()).isEqualTo(4 * 16);
    assertThat(json.get("energy_ratio").asDouble()).isGreaterThan(1);
    assertThat(Files.list(tmp).filter(p -> p.toString().endsWith(".json")).count()).isEqualTo(1);
    assertThat(tmp.resolve("report/conversion.csv")).exists();
    // The second run uses the cached model instead of training again.
    ByteArrayOutputStream err2 = new ByteArrayOutputStream();
    new CommandLine(
            new ConvertCommand(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err2, true, StandardCharsets.UTF_8)))
        .execute(args);
    assertThat(err2.toString(StandardCharsets.UTF_8)).contains("using cached model");
  }

  @Test
  @DisplayName("an unknown coding is refused with exit code 2")
  void unknownCoding(@TempDir Path tmp) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        new CommandLine(
                new ConvertCommand(System.out, new PrintStream(err, true, StandardCharsets.UTF_8)))
            .execute("--data-dir", tmp.toString(), "--coding", "burst");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("burst");
  }

  @Test
  @DisplayName("--data-dir is required")
  void dataDirRequired() {
    int code =
        new CommandLine(
                new ConvertCommand(System.out, new PrintStream(new ByteArrayOutputStream())))
            .execute("--dataset", "mnist");
    assertThat(code).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "--coding rate --backend engine gives the rate simulator's accuracy, spikes and accumulates, in both"
          + " propagation modes")
  void rateOnTheEngine(@TempDir Path tmp) throws Exception {
    assumeTrue(
        Files.exists(MNIST.resolve("t10k-images-idx3-ubyte.gz")),
        "MNIST not in ../../shared/data/mnist");
    Path model = tmp.resolve("lenet.json");
    org.snncodesign.conversion.ann.AnnJson.write(
        org.snncodesign.conversion.training.CnnArchitectures.lenet(1, 28, 4, 8, 16, 10, 5), model);
    JsonNode reference = rateJson(model, "simulator", "event");
    for (String mode : new String[] {"event", "clock"}) {
      JsonNode engine = rateJson(model, "engine", mode);
      assertThat(engine.get("backend").asText()).isEqualTo("engine");
      assertThat(engine.get("propagation").asText()).isEqualTo(mode);
      for (String field :
          new String[] {
            "snn_accuracy", "timesteps", "spikes_per_neuron", "snn_acs", "snn_neuron_ops"
          }) {
        assertThat(engine.get(field)).as(field).isEqualTo(reference.get(field));
      }
    }
    assertThat(reference.get("spikes_per_neuron").asDouble()).isPositive();
  }

  private static JsonNode rateJson(Path model, String backend, String propagation)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        new CommandLine(
                new ConvertCommand(
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)))
            .execute(
                "--data-dir",
                MNIST.toString(),
                "--model",
                model.toString(),
                "--coding",
                "rate",
                "--rate-steps",
                "32",
                "--test-samples",
                "20",
                "--backend",
                backend,
                "--propagation",
                propagation,
                "--json");
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    String[] lines = out.toString(StandardCharsets.UTF_8).trim().split("\n");
    return new ObjectMapper().readTree(lines[lines.length - 1]);
  }

  @Test
  @DisplayName("--backend engine refuses phase1 and an unknown propagation mode with exit code 2")
  void engineArguments(@TempDir Path tmp) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(
            new CommandLine(new ConvertCommand(System.out, e))
                .execute("--data-dir", tmp.toString(), "--backend", "engine"))
        .isEqualTo(2);
    assertThat(
            new CommandLine(new ConvertCommand(System.out, e))
                .execute(
                    "--data-dir",
                    tmp.toString(),
                    "--coding",
                    "rate",
                    "--backend",
                    "engine",
                    "--propagation",
                    "warp"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("runs only coding rate")
        .contains("warp");
  }
}
