package org.snncodesign.cli.lsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.cli.CommandOutput;

class LsmHardwareCommandTest {

  @Test
  @DisplayName("a negative --accuracy-samples skips the accuracy columns")
  void skipAccuracy() throws Exception {
    JsonNode json =
        CommandOutput.json(
            new LsmHardwareCommand(),
            "--liquid",
            "64",
            "--samples",
            "5",
            "--accuracy-samples",
            "-1",
            "--json");
    assertThat(json.get("liquids").get(0).has("accuracy_fixed_point")).isFalse();
    assertThat(json.has("accuracy_samples")).isFalse();
  }

  @Test
  @DisplayName(
      "snn lsm hardware --dataset fsdd uses the official split, 8 bins and 20 tail steps (skipped without "
          + "the data); without --data-dir it fails naming the option")
  void fsdd() throws Exception {
    CommandOutput missing =
        CommandOutput.of(new LsmHardwareCommand(), "--dataset", "fsdd", "--liquid", "32");
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.err()).contains("--data-dir");
    Path folder = Path.of("..", "..", "shared", "data", "fsdd", "recordings");
    assumeTrue(Files.isDirectory(folder), "FSDD not found at " + folder.toAbsolutePath());
    JsonNode json =
        CommandOutput.json(
            new LsmHardwareCommand(),
            "--dataset",
            "fsdd",
            "--data-dir",
            folder.toString(),
            "--encoding",
            "bsa",
            "--liquid",
            "64",
            "--samples",
            "3",
            "--accuracy-samples",
            "30",
            "--json");
    assertThat(json.get("dataset").asText()).isEqualTo("fsdd");
    assertThat(json.get("encoding").asText()).isEqualTo("bsa");
    assertThat(json.get("split").asText()).contains("official");
    assertThat(json.get("bins").asInt()).isEqualTo(8);
    assertThat(json.get("tail_steps").asInt()).isEqualTo(20);
    assertThat(json.get("liquids").get(0).has("accuracy_fixed_point")).isTrue();
  }
}
