package org.snncodesign.cli.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.cli.CommandOutput;
import org.snncodesign.cli.training.TrainCommand;

class HwCommandsTest {

  @Test
  @DisplayName(
      "hw evaluate --json reports both FPGA models, default and co-searched, on the synthetic workload")
  void evaluate() throws Exception {
    JsonNode json =
        CommandOutput.json(
            new HwEvaluateCommand(PluginRegistry.discover()),
            "--model",
            "spikex-systolic,firefly-s",
            "--synthetic",
            "--steps",
            "4",
            "--json");
    assertThat(json.get("reports"))
        .extracting(r -> r.get("accelerator").asText() + " " + r.get("design_point").asText())
        .containsExactly(
            "spikex-systolic default",
            "spikex-systolic co-searched",
            "firefly-s default",
            "firefly-s co-searched");
    assertThat(json.get("reports").get(2).get("counters").get("fps_per_watt").asDouble())
        .isPositive();
    assertThat(json.get("reports").get(0).get("edp_js").asDouble()).isPositive();
  }

  @Test
  @DisplayName(
      "hw evaluate prices a network saved by snn train, with rates measured on held-out digits")
  void evaluateTrainedNetwork(@TempDir Path dir) throws Exception {
    CommandOutput.json(
        new TrainCommand(),
        "--dataset",
        "digits",
        "--epochs",
        "1",
        "--sparsity",
        "0.5",
        "--bits",
        "4",
        "--no-chart",
        "--out",
        dir.toString(),
        "--json");

    JsonNode json =
        CommandOutput.json(
            new HwEvaluateCommand(PluginRegistry.discover()),
            "--model",
            "firefly-s",
            "--network",
            dir.resolve("model.json").toString(),
            "--json");

    assertThat(json.get("workload").asText()).contains("digits-test").contains("measured rates");
    assertThat(json.get("reports").get(0).get("energy_pj").asDouble()).isPositive();
  }

  @Test
  @DisplayName(
      "hw search --json on the default trained network gives baseline and best EDP, their ratio and the "
          + "Pareto CSV")
  void search(@TempDir Path dir) throws Exception {
    JsonNode json =
        CommandOutput.json(
            new HwSearchCommand(),
            "--random",
            "12",
            "--population",
            "6",
            "--generations",
            "2",
            "--out",
            dir.toString(),
            "--json");
    assertThat(json.get("workload").asText()).contains("digits-test");
    assertThat(json.get("best_edp").asDouble()).isPositive();
    assertThat(json.get("edp_reduction").asDouble())
        .isEqualTo(json.get("baseline_edp").asDouble() / json.get("best_edp").asDouble());
    assertThat(json.get("best").get("configuration").get("rows")).isNotNull();
    assertThat(dir.resolve("pareto.csv")).exists();
    assertThat(dir.resolve("pareto.png")).isNotEmptyFile();
  }
}
