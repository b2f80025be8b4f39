package org.snncodesign.cli.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.cli.CommandOutput;
import org.snncodesign.flow.measure.NetworkSource;
import org.snncodesign.flow.search.CoSearchPlan;
import org.snncodesign.flow.search.CoSearchPlanJson;
import org.snncodesign.flow.search.CoSearchRun;
import org.snncodesign.fpga.search.CandidateEvaluator;

class HwSearchCommandTest {

  @Test
  @DisplayName(
      "hw search --network-genes reports the joint search, the accelerator-only search, the best network "
          + "and the EDP-accuracy front, and writes both fronts (search behaviour: CoDesignSearchTest)")
  void networkGenes(@TempDir Path dir) throws Exception {
    JsonNode json =
        CommandOutput.json(
            new HwSearchCommand(),
            "--network-genes",
            "--random",
            "24",
            "--population",
            "8",
            "--generations",
            "3",
            "--threads",
            "2",
            "--max-accuracy-drop",
            "2",
            "--out",
            dir.toString(),
            "--json");
    assertThat(json.get("network_genes").asBoolean()).isTrue();
    assertThat(json.get("edp_reduction").asDouble())
        .isEqualTo(json.get("baseline_edp").asDouble() / json.get("best_edp").asDouble());
    assertThat(json.get("min_accuracy").asDouble())
        .isCloseTo(
            json.get("baseline_accuracy").asDouble() - 0.02,
            org.assertj.core.data.Offset.offset(1e-12));
    assertThat(json.get("best_accuracy").asDouble())
        .isGreaterThanOrEqualTo(json.get("min_accuracy").asDouble() - 1e-9);
    JsonNode network = json.get("best").get("network");
    assertThat(network.get("fc1_sparsity")).isNotNull();
    assertThat(network.get("fc2_sparsity")).isNotNull();
    assertThat(network.get("fc3_bits")).isNotNull();
    assertThat(json.get("best").get("configuration").get("rows")).isNotNull();
    assertThat(json.get("accelerator_only").get("edp_reduction").asDouble()).isPositive();
    assertThat(json.get("baseline_test_accuracy").asDouble()).isBetween(0.5, 1.0);
    assertThat(json.get("workload").asText()).contains("digits-validation");
    assertThat(Files.readString(dir.resolve("pareto-accuracy.csv")))
        .startsWith(
            "latency_s,energy_pj,edp_js,cycles,lut,ff,bram36,dsp,accuracy,fc1_sparsity,fc1_bits,fc2_sparsity,fc2_bits,"
                + "fc3_sparsity,fc3_bits,");
    assertThat(dir.resolve("pareto-accuracy.png")).isNotEmptyFile();
    assertThat(dir.resolve("pareto.png")).isNotEmptyFile();
    assertThat(dir.resolve("search.json")).isNotEmptyFile();
  }

  @Test
  @DisplayName(
      "--network-genes on the synthetic workload is refused: there is no network to compress")
  void syntheticRefused() {
    CommandOutput output =
        CommandOutput.of(new HwSearchCommand(), "--network-genes", "--synthetic", "--json");
    assertThat(output.exitCode()).isNotZero();
    assertThat(output.err()).contains("--network-genes needs a trained network");
  }

  @Test
  @DisplayName(
      "--max-accuracy-drop is in percentage points: 101 is refused naming the option (2 is taken above)")
  void accuracyDropInPoints() {
    CommandOutput output =
        CommandOutput.ofCli("hw", "search", "--network-genes", "--max-accuracy-drop", "101");
    assertThat(output.exitCode()).isEqualTo(2);
    assertThat(output.err()).contains("--max-accuracy-drop").contains("[0, 100]");
  }

  @Test
  @DisplayName(
      "--master runs snn-spark.jar hw-search; a jar that is not there is one line naming it and the "
          + "build (the run itself: snn-spark's SnnLauncherIT)")
  void masterNeedsSnnSpark(@TempDir Path dir) {
    Path missing = dir.resolve("snn-spark.jar");
    CommandOutput output =
        CommandOutput.ofCli(
            "hw",
            "search",
            "--random",
            "4",
            "--generations",
            "0",
            "--master",
            "local[2]",
            "--spark-jar",
            missing.toString());
    assertThat(output.exitCode()).isNotZero();
    assertThat(output.err().strip())
        .doesNotContain("\n")
        .contains("--spark-jar " + missing + ": no such file")
        .contains("./mvnw -B -pl snn-spark -am package -DskipTests");
  }

  @Test
  @DisplayName(
      "--save-search writes the search without running it, and the library's run of that file "
          + "prints hw search's JSON byte for byte (what snn-spark.jar hw-search --search runs)")
  void savedSearchRunsAsTheOptions(@TempDir Path dir) throws Exception {
    String[] options = {
      "--synthetic",
      "--random",
      "12",
      "--population",
      "6",
      "--generations",
      "2",
      "--seed",
      "5",
      "--threads",
      "1"
    };
    Path file = dir.resolve("plans/search.json");
    CommandOutput saved =
        CommandOutput.of(new HwSearchCommand(), with(options, "--save-search", file.toString()));
    CommandOutput direct = CommandOutput.of(new HwSearchCommand(), with(options, "--json"));

    assertThat(saved.exitCode()).isZero();
    assertThat(saved.out()).isEmpty();
    assertThat(saved.err()).contains("hw-search --search " + file);
    CoSearchPlan plan = CoSearchPlanJson.read(file);
    assertThat(plan.network()).isEqualTo(new NetworkSource.Synthetic(8, 0.15));
    String fromFile =
        new CoSearchRun(
                plan,
                PluginRegistry.discover(),
                CandidateEvaluator.inProcess(1),
                new PrintStream(OutputStream.nullOutputStream()))
            .run(null)
            .report()
            .toJsonLine();
    assertThat(direct.exitCode()).isZero();
    assertThat(direct.lastLine()).startsWith("{\"schema_version\":1,").isEqualTo(fromFile);
  }

  @Test
  @DisplayName("--save-search with --nir is refused in one line: a measured graph cannot be saved")
  void nirCannotBeSaved(@TempDir Path dir) {
    CommandOutput output =
        CommandOutput.ofCli(
            "hw",
            "search",
            "--nir",
            dir.resolve("graph.nir").toString(),
            "--save-search",
            dir.resolve("search.json").toString());
    assertThat(output.exitCode()).isNotZero();
    assertThat(output.err().strip()).doesNotContain("\n").contains("--save-search");
    assertThat(dir.resolve("search.json")).doesNotExist();
  }

  private static String[] with(String[] options, String... more) {
    String[] args = java.util.Arrays.copyOf(options, options.length + more.length);
    System.arraycopy(more, 0, args, options.length, more.length);
    return args;
  }
}
