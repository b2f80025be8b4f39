package org.snncodesign.cli.lsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.cli.CommandOutput;
import org.snncodesign.cli.JsonReport;

class LsmSaStlCommandTest {

  private static final String[] SMALL = {
    "--liquid",
    "80",
    "--steps",
    "120",
    "--outputs",
    "3",
    "--afferents",
    "20",
    "--epochs",
    "30",
    "--seeds",
    "2",
    "--selection",
    "relevance,random",
    "--progress-every",
    "10"
  };

  @Test
  @DisplayName(
      "snn lsm sastl --keep 0.5 --json reports full and pruned distances, their ratio and synapse counts")
  void json(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("sastl.csv");
    Path png = dir.resolve("sastl.png");
    String[] args =
        concat(SMALL, "--keep", "0.5", "--csv", csv.toString(), "--png", png.toString(), "--json");
    CommandOutput output = CommandOutput.of(new LsmSaStlCommand(), args);
    assertThat(output.exitCode()).isZero();
    JsonNode json = JsonReport.mapper().readTree(output.lastLine());
    assertThat(json.get("selection").asText()).isEqualTo("relevance");
    assertThat(json.get("synapses_before").asInt()).isEqualTo(60);
    assertThat(json.get("synapses_after").asInt()).isEqualTo(30);
    assertThat(
            json.get("recurrent_synapses_before").asInt()
                - json.get("recurrent_synapses_after").asInt())
        .isEqualTo(30);
    double full = json.get("distance_full").asDouble();
    double pruned = json.get("distance_pruned").asDouble();
    assertThat(full).isPositive().isLessThanOrEqualTo(json.get("distance_start").asDouble());
    assertThat(json.get("ratio").asDouble()).isCloseTo(pruned / full, within(1e-9));
    assertThat(json.has("victor_purpura_full")).isTrue();
    assertThat(json.get("target_met").asBoolean()).isEqualTo(pruned <= 1.1 * full);
    // 2 seeds x (full + 2 selections).
    assertThat(json.get("rows").size()).isEqualTo(6);
    assertThat(json.get("summary").size()).isEqualTo(3);
    assertThat(Files.readAllLines(csv)).hasSize(7);
    assertThat(Files.size(png)).isGreaterThan(1000);
    assertThat(output.err()).contains("epoch 0/30", "epoch 10/30", "epoch 30/30");
  }

  @Test
  @DisplayName(
      "snn lsm sastl maps its options onto the study: rule, budget, targets, liquid score and inhibitory "
          + "afferents are reported as given")
  void optionsReported() throws Exception {
    JsonNode json =
        CommandOutput.json(
            new LsmSaStlCommand(),
            concat(
                SMALL,
                "--keep",
                "0.5",
                "--rule",
                "perceptron",
                "--budget",
                "all",
                "--targets",
                "poisson",
                "--liquid-score",
                "downstream",
                "--inhibitory-afferents",
                "0.25",
                "--inhibitory-balance",
                "0.8",
                "--teacher-density",
                "0.5",
                "--first-seed",
                "3",
                "--regrow-every",
                "0",
                "--oracle",
                "--json"));
    assertThat(json.get("rule").asText()).isEqualTo("perceptron");
    assertThat(json.get("budget").asText()).isEqualTo("all");
    assertThat(json.get("targets").asText()).isEqualTo("poisson");
    assertThat(json.get("liquid_score").asText()).isEqualTo("downstream");
    assertThat(json.get("inhibitory_afferents").asDouble()).isEqualTo(0.25);
    assertThat(json.get("inhibitory_balance").asDouble()).isEqualTo(0.8);
    assertThat(json.get("teacher_density").asDouble()).isEqualTo(0.5);
    assertThat(json.get("first_seed").asInt()).isEqualTo(3);
    assertThat(json.get("regrow_every").asInt()).isZero();
    // 2 seeds x (full + 2 selections + oracle).
    assertThat(json.get("rows").size()).isEqualTo(8);
  }

  @Test
  @DisplayName(
      "snn lsm sastl rejects an unknown selection, budget and liquid score, and a teacher density or "
          + "inhibitory share outside its range")
  void rejectsBadOptions() {
    for (String[] bad :
        new String[][] {
          {"--selection", "oracle"},
          {"--budget", "half"},
          {"--liquid-score", "nearest"},
          {"--teacher-density", "0"},
          {"--teacher-density", "1.5"},
          {"--inhibitory-afferents", "2"}
        }) {
      assertThat(CommandOutput.of(new LsmSaStlCommand(), concat(SMALL, bad)).exitCode())
          .as(bad[0])
          .isNotZero();
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
