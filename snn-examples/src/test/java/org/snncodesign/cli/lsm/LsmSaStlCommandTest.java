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

  private static final String[] SMALL = {"--liquid", "80", "--steps", "120", "--outputs", "3", "--afferents", "20",
      "--epochs", "30", "--seeds", "2", "--selection", "relevance,random", "--progress-every", "10"};

  @Test
  @DisplayName("snn lsm sastl --keep 0.5 --json reports full and pruned distances, their ratio and synapse counts")
  void json(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("sastl.csv");
    Path png = dir.resolve("sastl.png");
    String[] args = concat(SMALL, "--keep", "0.5", "--csv", csv.toString(), "--png", png.toString(), "--json");
    CommandOutput output = CommandOutput.of(new LsmSaStlCommand(), args);
    assertThat(output.exitCode()).isZero();
    JsonNode json = JsonReport.mapper().readTree(output.lastLine());
    assertThat(json.get("selection").asText()).isEqualTo("relevance");
    assertThat(json.get("synapses_before").asInt()).isEqualTo(60);
    assertThat(json.get("synapses_after").asInt()).isEqualTo(30);
    assertThat(json.get("recurrent_synapses_before").asInt() - json.get("recurrent_synapses_after").asInt())
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
  @DisplayName("snn lsm sastl is deterministic and rejects an unknown selection")
  void deterministic() throws Exception {
    JsonNode a = CommandOutput.json(new LsmSaStlCommand(), concat(SMALL, "--keep", "0.35", "--json"));
    JsonNode b = CommandOutput.json(new LsmSaStlCommand(), concat(SMALL, "--keep", "0.35", "--json"));
    assertThat(b.get("rows")).isEqualTo(a.get("rows"));
    assertThat(CommandOutput.of(new LsmSaStlCommand(), concat(SMALL, "--selection", "oracle")).exitCode())
        .isNotZero();
  }

  @Test
  @DisplayName("--oracle adds a teacher-selected reference per seed, --first-seed moves the seeds, and --regrow-every 0 "
      + "changes only the pruned runs")
  void oracleSeedsAndRegrowth() throws Exception {
    JsonNode a = CommandOutput.json(new LsmSaStlCommand(),
        concat(SMALL, "--keep", "0.5", "--first-seed", "3", "--oracle", "--json"));
    // 2 seeds x (full + 2 selections + oracle).
    assertThat(a.get("rows").size()).isEqualTo(8);
    assertThat(a.get("first_seed").asInt()).isEqualTo(3);
    int oracles = 0;
    for (JsonNode row : a.get("rows")) {
      assertThat(row.get("seed").asInt()).isBetween(3, 4);
      if (row.get("selection").asText().equals("oracle")) {
        oracles++;
        // The oracle student is pre-pruned to half of each output's 20 afferents and trained with all of them.
        assertThat(row.get("trainable_synapses").asInt()).isEqualTo(30);
        assertThat(row.get("kept_synapses").asInt()).isEqualTo(30);
      }
    }
    assertThat(oracles).isEqualTo(2);
    JsonNode fixed = CommandOutput.json(new LsmSaStlCommand(),
        concat(SMALL, "--keep", "0.5", "--first-seed", "3", "--regrow-every", "0", "--json"));
    assertThat(fixed.get("regrow_every").asInt()).isZero();
    assertThat(fixed.get("distance_full").asDouble()).isEqualTo(a.get("distance_full").asDouble());
    assertThat(fixed.get("synapses_after").asInt()).isEqualTo(a.get("synapses_after").asInt());
  }

  @Test
  @DisplayName("--targets poisson --budget all keeps at most half of all recurrent synapses, exactly ceil(keep x all), "
      + "and reports the task and budget")
  void poissonTargetsAndAllBudget() throws Exception {
    JsonNode trainable = CommandOutput.json(new LsmSaStlCommand(),
        concat(SMALL, "--keep", "0.5", "--targets", "poisson", "--json"));
    JsonNode all = CommandOutput.json(new LsmSaStlCommand(),
        concat(SMALL, "--keep", "0.5", "--targets", "poisson", "--budget", "all", "--json"));
    assertThat(all.get("targets").asText()).isEqualTo("poisson");
    assertThat(all.get("budget").asText()).isEqualTo("all");
    assertThat(trainable.get("budget").asText()).isEqualTo("trainable");
    // Same task and unpruned reference; only the pruned runs differ.
    assertThat(all.get("distance_full").asDouble()).isEqualTo(trainable.get("distance_full").asDouble());
    int before = all.get("recurrent_synapses_before").asInt();
    assertThat(before).isEqualTo(trainable.get("recurrent_synapses_before").asInt());
    assertThat(all.get("synapses_after").asInt()).isEqualTo(30);
    assertThat(trainable.get("recurrent_synapses_after").asInt()).isEqualTo(before - 30);
    for (JsonNode row : all.get("rows")) {
      int total = row.get("recurrent_synapses").asInt();
      int kept = row.get("recurrent_synapses_kept").asInt();
      if (row.get("selection").asText().equals("full")) {
        assertThat(kept).isEqualTo(total);
      } else {
        assertThat(kept).isEqualTo((int) Math.ceil(0.5 * total - 1e-9));
      }
    }
    assertThat(all.get("recurrent_share_kept").asDouble()).isBetween(0.5, 0.501);
    assertThat(all.get("recurrent_synapses_after").asInt()).isLessThanOrEqualTo((before + 1) / 2);
    JsonNode teacher = CommandOutput.json(new LsmSaStlCommand(), concat(SMALL, "--keep", "0.5", "--json"));
    assertThat(teacher.get("distance_start").asDouble()).isNotEqualTo(trainable.get("distance_start").asDouble());
    assertThat(CommandOutput.of(new LsmSaStlCommand(), concat(SMALL, "--budget", "half")).exitCode()).isNotZero();
  }

  @Test
  @DisplayName("--rule perceptron trains with the teacher-forced perceptron and reports the rule")
  void perceptronRule() throws Exception {
    JsonNode resume = CommandOutput.json(new LsmSaStlCommand(), concat(SMALL, "--keep", "0.5", "--json"));
    JsonNode perceptron = CommandOutput.json(new LsmSaStlCommand(),
        concat(SMALL, "--keep", "0.5", "--rule", "perceptron", "--eta", "0.01", "--json"));
    assertThat(resume.get("rule").asText()).isEqualTo("resume");
    assertThat(perceptron.get("rule").asText()).isEqualTo("perceptron");
    assertThat(perceptron.get("distance_start").asDouble()).isEqualTo(resume.get("distance_start").asDouble());
    assertThat(perceptron.get("distance_full").asDouble()).isNotEqualTo(resume.get("distance_full").asDouble())
        .isLessThan(perceptron.get("distance_start").asDouble());
    assertThat(perceptron.get("synapses_after").asInt()).isEqualTo(30);
  }

  @Test
  @DisplayName("--inhibitory-afferents draws a share of the afferents from inhibitory neurons, deterministically, and "
      + "the JSON reports the silent output's distance and the unpruned learner's distance relative to it")
  void inhibitoryAfferents() throws Exception {
    String[] args = concat(SMALL, "--keep", "0.5", "--targets", "poisson", "--inhibitory-afferents", "0.25",
        "--inhibitory-balance", "0.8", "--input-scale", "0", "--eta", "0.005", "--json");
    JsonNode a = CommandOutput.json(new LsmSaStlCommand(), args);
    JsonNode b = CommandOutput.json(new LsmSaStlCommand(), args);
    JsonNode excitatory = CommandOutput.json(new LsmSaStlCommand(),
        concat(SMALL, "--keep", "0.5", "--targets", "poisson", "--json"));
    assertThat(b.get("rows")).isEqualTo(a.get("rows"));
    assertThat(a.get("inhibitory_afferents").asDouble()).isEqualTo(0.25);
    assertThat(a.get("inhibitory_balance").asDouble()).isEqualTo(0.8);
    assertThat(excitatory.get("inhibitory_afferents").asDouble()).isZero();
    assertThat(a.get("synapses_before").asInt()).isEqualTo(60);
    assertThat(a.get("synapses_after").asInt()).isEqualTo(30);
    // The random targets do not depend on the afferents, so neither does a silent output's distance to them.
    assertThat(a.get("distance_silent").asDouble()).isPositive()
        .isEqualTo(excitatory.get("distance_silent").asDouble());
    // 3 outputs x 6 spikes (0.05 x 120 steps): Victor-Purpura deletes every target spike.
    assertThat(a.get("victor_purpura_silent").asDouble()).isCloseTo(6, within(1e-9));
    assertThat(a.get("full_over_silent").asDouble())
        .isCloseTo(a.get("distance_full").asDouble() / a.get("distance_silent").asDouble(), within(1e-12));
    assertThat(a.get("distance_start").asDouble()).isNotEqualTo(excitatory.get("distance_start").asDouble());
    assertThat(CommandOutput.of(new LsmSaStlCommand(), concat(SMALL, "--inhibitory-afferents", "2")).exitCode())
        .isNotZero();
  }

  @Test
  @DisplayName("--teacher-density gives a teacher that uses a share of each output's afferents, reported in the JSON, "
      + "and rejects a share outside (0, 1]")
  void teacherDensity() throws Exception {
    JsonNode dense = CommandOutput.json(new LsmSaStlCommand(), concat(SMALL, "--keep", "0.5", "--json"));
    JsonNode sparse = CommandOutput.json(new LsmSaStlCommand(),
        concat(SMALL, "--keep", "0.5", "--teacher-density", "0.5", "--json"));
    assertThat(dense.get("teacher_density").asDouble()).isEqualTo(1.0);
    assertThat(sparse.get("teacher_density").asDouble()).isEqualTo(0.5);
    // Same student, other targets: the start distance changes, the synapse counts do not.
    assertThat(sparse.get("distance_start").asDouble()).isNotEqualTo(dense.get("distance_start").asDouble());
    assertThat(sparse.get("synapses_before").asInt()).isEqualTo(dense.get("synapses_before").asInt());
    assertThat(CommandOutput.of(new LsmSaStlCommand(), concat(SMALL, "--teacher-density", "0")).exitCode())
        .isNotZero();
    assertThat(CommandOutput.of(new LsmSaStlCommand(), concat(SMALL, "--teacher-density", "1.5")).exitCode())
        .isNotZero();
  }

  @Test
  @DisplayName("--liquid-score downstream is reported, keeps the same counts as pairing (the default) but changes "
      + "the pruned learners, and an unknown score is rejected")
  void liquidScore() throws Exception {
    String[] all = concat(SMALL, "--keep", "0.5", "--budget", "all", "--json");
    JsonNode pairing = CommandOutput.json(new LsmSaStlCommand(), all);
    JsonNode downstream = CommandOutput.json(new LsmSaStlCommand(), concat(all, "--liquid-score", "downstream"));
    assertThat(pairing.get("liquid_score").asText()).isEqualTo("pairing");
    assertThat(downstream.get("liquid_score").asText()).isEqualTo("downstream");
    assertThat(downstream.get("recurrent_synapses_after").asInt())
        .isEqualTo(pairing.get("recurrent_synapses_after").asInt());
    assertThat(downstream.get("distance_full").asDouble()).isEqualTo(pairing.get("distance_full").asDouble());
    assertThat(downstream.get("distance_pruned").asDouble()).isNotEqualTo(pairing.get("distance_pruned").asDouble());
    assertThat(CommandOutput.of(new LsmSaStlCommand(), concat(SMALL, "--liquid-score", "nearest")).exitCode())
        .isNotZero();
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
