package org.snncodesign.cli.training;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.snncodesign.learning.quantization.QuantizedWeights;
import org.snncodesign.learning.surrogate.SpikingNetwork;
import org.snncodesign.learning.surrogate.SpikingNetworkJson;
import picocli.CommandLine;

class TrainCommandTest {

  private static String run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream oldErr = System.err;
    try {
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      int code = new CommandLine(new TrainCommand()).execute(args);
      assertThat(code).isZero();
    } finally {
      System.setOut(old);
      System.setErr(oldErr);
    }
    String[] lines = buffer.toString(StandardCharsets.UTF_8).strip().split("\\R");
    return lines[lines.length - 1];
  }

  @Test
  @DisplayName(
      "snn train --json prints the recipe's report and writes train.json, train.csv, model.json and the chart")
  void digitsFiles(@TempDir Path dir) throws Exception {
    JsonNode report =
        new ObjectMapper()
            .readTree(
                run(
                    "--dataset",
                    "digits",
                    "--json",
                    "--epochs",
                    "2",
                    "--timesteps",
                    "4",
                    "--sparsity",
                    "0.5",
                    "--bits",
                    "4",
                    "--out",
                    dir.toString()));
    assertThat(report.get("command").asText()).isEqualTo("train");
    assertThat(report.get("dataset").asText()).isEqualTo("digits");
    assertThat(report.has("dataset_sha256")).isFalse();
    assertThat(report.get("epochs").asInt()).isEqualTo(2);
    assertThat(Files.readAllLines(dir.resolve("train.csv"))).hasSize(3);
    assertThat(dir.resolve("learning-curve.png")).isNotEmptyFile();
    assertThat(new ObjectMapper().readTree(dir.resolve("train.json").toFile())).isEqualTo(report);
    SpikingNetwork model = SpikingNetworkJson.read(dir.resolve("model.json"));
    assertThat(model.weightSparsity()).isEqualTo(report.get("weight_sparsity").asDouble());
    for (var layer : model.layers()) {
      assertThat(QuantizedWeights.of(layer).bits()).isEqualTo(4);
    }
  }

  @Test
  @DisplayName("a malformed or mismatched --arch is refused with the offending part")
  void badArchitecture() {
    // The command reports parameter errors through its own CommandLine, i.e. on System.err.
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(
              new CommandLine(new TrainCommand()).execute("--arch", "1x8x8-c8q3-10", "--no-chart"))
          .isNotZero();
      assertThat(
              new CommandLine(new TrainCommand()).execute("--arch", "1x7x7-c8k3-10", "--no-chart"))
          .isNotZero();
    } finally {
      System.setErr(oldErr);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("c8q3").contains("64 inputs");
  }
}
