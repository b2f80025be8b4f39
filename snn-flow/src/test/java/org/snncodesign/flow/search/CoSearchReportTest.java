package org.snncodesign.flow.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.flow.measure.NetworkSource;
import org.snncodesign.fpga.search.CandidateEvaluator;
import org.snncodesign.fpga.search.SearchSettings;

/**
 * The key order of {@code hw search --json} and {@code search.json}, which scripts and the docs
 * rely on: the report's typed parts come out interleaved, exactly as listed here.
 */
@DisplayName("Co-search report JSON")
class CoSearchReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  private static final List<String> HEAD =
      List.of(
          "schema_version",
          "command",
          "space",
          "workload",
          "budget",
          "seed",
          "static_energy",
          "evaluated",
          "baseline_edp",
          "best_edp",
          "edp_reduction",
          "baseline",
          "network_genes");

  /** Every key a joint search with an IDX data set and {@code --out} has, in order. */
  private static final List<String> ALL =
      concat(
          HEAD,
          List.of(
              "network",
              "dataset",
              "dataset_sha256",
              "data",
              "first_layer",
              "fine_tune_epochs",
              "validation_samples",
              "test_samples",
              "max_accuracy_drop_points",
              "min_accuracy",
              "baseline_accuracy",
              "best_accuracy",
              "baseline_test_accuracy",
              "best_test_accuracy",
              "network_variants",
              "rejected_for_accuracy",
              "accelerator_only",
              "network_genes_gain",
              "best",
              "baseline_network",
              "pareto_size",
              "accuracy_front_size",
              "pareto_png",
              "pareto_accuracy_png",
              "pareto_csv",
              "pareto_accuracy_csv"));

  @TempDir static Path folder;
  static CoSearchReport acceleratorOnly;
  static CoSearchReport joint;

  @BeforeAll
  static void search() throws IOException {
    acceleratorOnly = run(false, folder.resolve("accelerator-only"));
    joint = run(true, folder.resolve("joint"));
  }

  /** A small search of the demo's digits network, written to {@code out}. */
  private static CoSearchReport run(boolean networkGenes, Path out) throws IOException {
    CoSearchPlan plan =
        new CoSearchPlan(
            CoDesignSearch.Settings.builder()
                .search(SearchSettings.DEFAULT.withBudget(6, 4, 1).withSeed(3).withThreads(1))
                .build(),
            networkGenes,
            NetworkSource.Trained.defaultDigits());
    return new CoSearchRun(plan, PluginRegistry.discover(), CandidateEvaluator.inProcess(1), QUIET)
        .run(out)
        .report();
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static List<String> keys(JsonNode json) {
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static List<String> keys(String json) throws IOException {
    return keys(MAPPER.readTree(json));
  }

  @Test
  @DisplayName(
      "an accelerator-only search prints the common keys in their order, search.json the same but the "
          + "CSV's name")
  void acceleratorOnlyOrder() throws IOException {
    List<String> printed =
        concat(HEAD, List.of("dataset", "best", "pareto_size", "pareto_png", "pareto_csv"));

    assertThat(keys(acceleratorOnly.toJsonLine())).containsExactlyElementsOf(printed);
    assertThat(keys(MAPPER.readTree(folder.resolve("accelerator-only/search.json").toFile())))
        .containsExactlyElementsOf(printed.subList(0, printed.size() - 1));
    assertThat(MAPPER.readTree(acceleratorOnly.toJsonLine()).get("network_genes").asBoolean())
        .isFalse();
  }

  @Test
  @DisplayName(
      "a joint search prints its keys interleaved with the common ones, search.json the same but the "
          + "CSVs' names")
  void jointOrder() throws IOException {
    List<String> printed =
        ALL.stream().filter(k -> !k.equals("dataset_sha256") && !k.equals("data")).toList();

    assertThat(keys(joint.toJsonLine())).containsExactlyElementsOf(printed);
    assertThat(keys(MAPPER.readTree(folder.resolve("joint/search.json").toFile())))
        .containsExactlyElementsOf(printed.stream().filter(k -> !k.endsWith("_csv")).toList());
    assertThat(keys(MAPPER.readTree(joint.toJsonLine()).get("accelerator_only")))
        .containsExactly("best_edp", "edp_reduction", "evaluated", "best");
  }

  @Test
  @DisplayName("a data set's hash and file sit after its name, before the joint search's figures")
  void datasetFields() throws IOException {
    CoSearchReport idx =
        new CoSearchReport(
            joint.search(),
            new NetworkSource.Dataset("idx:digits", "0123abcd", "train.csv"),
            joint.joint(),
            joint.files());

    assertThat(keys(idx.toJsonLine())).containsExactlyElementsOf(ALL);
  }

  @Test
  @DisplayName("without an output folder and a data set the report leaves their keys out")
  void absentParts() throws IOException {
    CoSearchReport bare = new CoSearchReport(acceleratorOnly.search(), null, null, null);

    assertThat(keys(bare.toJsonLine()))
        .containsExactlyElementsOf(concat(HEAD, List.of("best", "pareto_size")));
  }
}
