package org.snncodesign.cli.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VitConvertCommandTest {
  @Test
  @DisplayName(
      "snn convert --arch vit on the embedded digits trains a ViT, converts it with base 2^(1/4) by default"
          + " and prints per-layer errors")
  void convertsDigitsVit(@TempDir Path tmp) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = {
      "--dataset",
      "digits",
      "--arch",
      "vit",
      "--coding",
      "phase1",
      "--epochs",
      "2",
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
          "energy_ratio",
          "layer_errors"
        }) {
      assertThat(json.has(field)).as(field).isTrue();
    }
    assertThat(json.get("dataset").asText()).isEqualTo("digits");
    assertThat(json.get("arch").asText()).isEqualTo("vit");
    assertThat(json.get("samples").asInt()).isEqualTo(100);
    // Without --base-root the ViT uses base 2^(1/4): K = 4 * 8 octaves = 32 phases in each of the
    // 23 windows of a
    // one-block ViT (the CNN keeps 2^(1/2), pinned in ConvertCommandTest).
    assertThat(json.get("timesteps").asInt()).isEqualTo(23 * 32);
    assertThat(json.get("energy_ratio").asDouble()).isGreaterThan(1);
    assertThat(json.get("layer_errors").get(0).get("layer").asText()).isEqualTo("input");
    assertThat(tmp.resolve("report/conversion-layers.csv")).exists();
  }

  @Test
  @DisplayName("an unknown architecture is refused with exit code 2")
  void unknownArch() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        new CommandLine(
                new ConvertCommand(System.out, new PrintStream(err, true, StandardCharsets.UTF_8)))
            .execute("--dataset", "digits", "--arch", "rnn");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("rnn");
  }
}
