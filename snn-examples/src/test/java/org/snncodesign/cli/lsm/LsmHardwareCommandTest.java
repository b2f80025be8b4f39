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
  @DisplayName("snn lsm hardware reports the float and the fixed-point liquid's accuracy on the same split")
  void accuracies() throws Exception {
    JsonNode json = CommandOutput.json(new LsmHardwareCommand(), "--liquid", "135", "--samples", "10",
        "--accuracy-samples", "400", "--prune", "0.5", "--json");
    assertThat(json.get("accuracy_samples").asInt()).isEqualTo(400);
    assertThat(json.get("split").asText()).contains("4th");
    for (JsonNode row : json.get("liquids")) {
      // 10 classes: chance is 0.1; both arithmetics must carry the digit identity.
      assertThat(row.get("accuracy_float").asDouble()).isGreaterThan(0.7);
      assertThat(row.get("accuracy_fixed_point").asDouble()).isGreaterThan(0.7);
    }
  }

  @Test
  @DisplayName("a negative --accuracy-samples skips the accuracy columns")
  void skipAccuracy() throws Exception {
    JsonNode json = CommandOutput.json(new LsmHardwareCommand(), "--liquid", "64", "--samples", "5",
        "--accuracy-samples", "-1", "--json");
    assertThat(json.get("liquids").get(0).has("accuracy_fixed_point")).isFalse();
    assertThat(json.has("accuracy_samples")).isFalse();
  }

  @Test
  @DisplayName("snn lsm hardware --dataset fsdd uses the official split, 8 bins and 20 tail steps (skipped without "
      + "the data); without --data-dir it fails naming the option")
  void fsdd() throws Exception {
    CommandOutput missing = CommandOutput.of(new LsmHardwareCommand(), "--dataset", "fsdd", "--liquid", "32");
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.err()).contains("--data-dir");
    Path folder = Path.of("..", "..", "shared", "data", "fsdd", "recordings");
    assumeTrue(Files.isDirectory(folder), "FSDD not found at " + folder.toAbsolutePath());
    JsonNode json = CommandOutput.json(new LsmHardwareCommand(), "--dataset", "fsdd", "--data-dir",
        folder.toString(), "--encoding", "bsa", "--liquid", "64", "--samples", "3", "--accuracy-samples", "30",
        "--json");
    assertThat(json.get("dataset").asText()).isEqualTo("fsdd");
    assertThat(json.get("encoding").asText()).isEqualTo("bsa");
    assertThat(json.get("split").asText()).contains("official");
    assertThat(json.get("bins").asInt()).isEqualTo(8);
    assertThat(json.get("tail_steps").asInt()).isEqualTo(20);
    assertThat(json.get("liquids").get(0).has("accuracy_fixed_point")).isTrue();
  }
}
