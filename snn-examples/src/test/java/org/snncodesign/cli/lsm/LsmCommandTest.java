package org.snncodesign.cli.lsm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.cli.CommandOutput;

class LsmCommandTest {

  @Test
  @DisplayName(
      "snn lsm on a few embedded digits prints the before/after table, the JSON, the curve CSV and its chart "
          + "(both named at their final place, not the staging folder)")
  void digitsJson(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("curve.csv");
    CommandOutput run =
        CommandOutput.ofCli(
            "lsm",
            "--dataset",
            "digits",
            "--liquid",
            "135",
            "--max-samples",
            "240",
            "--prune",
            "0.5",
            "--curve",
            "0.5",
            "--csv",
            csv.toString(),
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = org.snncodesign.cli.JsonReport.mapper().readTree(run.lastLine());
    // The table shows accuracies as percentages, the JSON as fractions.
    assertThat(run.out()).containsPattern("accuracy\\s+\\d+\\.\\d\\d %\\s+\\d+\\.\\d\\d %");
    assertThat(json.get("dataset").asText()).isEqualTo("digits");
    assertThat(json.get("split").asText()).contains("4th");
    assertThat(json.get("neurons_before").asInt()).isEqualTo(135);
    assertThat(json.get("neurons_after").asInt()).isEqualTo(68);
    assertThat(json.get("synapses_after").asInt()).isLessThan(json.get("synapses_before").asInt());
    assertThat(json.get("accuracy_before").asDouble()).isGreaterThan(0.5);
    assertThat(json.get("accuracy_after").asDouble()).isGreaterThan(0.3);
    assertThat(Files.readAllLines(csv)).hasSize(3);
    assertThat(json.get("csv").asText()).isEqualTo(csv.toAbsolutePath().normalize().toString());
    assertThat(json.get("chart").asText())
        .isEqualTo(dir.resolve("curve.png").toAbsolutePath().normalize().toString());
    assertThat(Files.size(dir.resolve("curve.png"))).isGreaterThan(1000);
  }

  @Test
  @DisplayName(
      "snn lsm rejects an unknown readout, --fan-in without --rewire and a logistic readout without steps")
  void rejectsBadOptions() {
    assertThat(
            CommandOutput.of(
                    new LsmCommand(),
                    "--readout",
                    "logistic",
                    "--logistic-iterations",
                    "0",
                    "--max-samples",
                    "40")
                .exitCode())
        .isNotZero();
    assertThat(
            CommandOutput.of(new LsmCommand(), "--readout", "svm", "--max-samples", "40")
                .exitCode())
        .isNotZero();
    assertThat(CommandOutput.of(new LsmCommand(), "--fan-in", "--max-samples", "40").exitCode())
        .isNotZero();
  }

  @Test
  @DisplayName("snn lsm sastl reports the kept synapses and distances per kept share")
  void saStl() throws Exception {
    JsonNode json =
        CommandOutput.json(
            new LsmCommand(),
            "sastl",
            "--liquid",
            "100",
            "--steps",
            "100",
            "--epochs",
            "4",
            "--keep",
            "1,0.5",
            "--seeds",
            "1",
            "--json");
    assertThat(json.get("rows").size()).isEqualTo(2);
    JsonNode half = json.get("rows").get(1);
    assertThat(half.get("kept_synapses").asInt())
        .isEqualTo((int) Math.ceil(half.get("trainable_synapses").asInt() * 0.5));
    assertThat(json.get("mean_van_rossum_last10").size()).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "snn lsm hardware reports the lut-lsm cycles and resources of the full and the pruned liquid")
  void hardware() throws Exception {
    JsonNode json =
        CommandOutput.json(
            new LsmCommand(),
            "hardware",
            "--liquid",
            "135",
            "--samples",
            "20",
            "--prune",
            "0.5",
            "--json");
    JsonNode liquids = json.get("liquids");
    assertThat(liquids.size()).isEqualTo(2);
    assertThat(liquids.get(1).get("neurons").asInt()).isEqualTo(68);
    assertThat(liquids.get(1).get("hw_cycles_per_sample").asLong())
        .isLessThan(liquids.get(0).get("hw_cycles_per_sample").asLong());
    assertThat(liquids.get(0).get("dsp").asLong()).isZero();
  }
}
