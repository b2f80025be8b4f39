package org.snncodesign.spark.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.flow.measure.NetworkSource;
import org.snncodesign.flow.search.CoDesignSearch;
import org.snncodesign.flow.search.CoSearchPlan;
import org.snncodesign.flow.search.CoSearchPlanJson;
import org.snncodesign.flow.search.CoSearchRun;
import org.snncodesign.fpga.search.CandidateEvaluator;
import org.snncodesign.fpga.search.SearchSettings;
import org.snncodesign.spark.SnnSpark;

/**
 * {@code hw-search --search FILE} against the library's in-process run of the same file, which is
 * what {@code snn hw search} runs (snn-examples' HwSearchCommandTest checks that {@code
 * --save-search} saves the search the options describe, and that running it gives their report).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HwSearchOnSparkTest {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  /** {@code snn hw search --synthetic --random 12 --population 6 --generations 2 --seed 5}. */
  private static final CoSearchPlan SYNTHETIC =
      new CoSearchPlan(
          CoDesignSearch.Settings.builder()
              .search(SearchSettings.DEFAULT.withBudget(12, 6, 2).withSeed(5).withThreads(1))
              .build(),
          false,
          new NetworkSource.Synthetic(8, 0.15));

  /** The exit code, the last line of standard output and the standard error of {@code args}. */
  private static List<String> run(String... args) {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = SnnSpark.run(args);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    return List.of(
        Integer.toString(code),
        lines.isEmpty() ? "" : lines.get(lines.size() - 1),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName(
      "hw-search --search FILE --master local[2] prints the JSON of the in-process run of FILE, byte for byte")
  void sameJsonAsInProcess(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("search.json");
    CoSearchPlanJson.write(SYNTHETIC, file);
    String inProcess =
        new CoSearchRun(
                SYNTHETIC, PluginRegistry.discover(), CandidateEvaluator.inProcess(1), QUIET)
            .run(null)
            .report()
            .toJsonLine();

    List<String> onSpark =
        run("hw-search", "--search", file.toString(), "--master", "local[2]", "--json");

    assertThat(onSpark.get(0)).isEqualTo("0");
    assertThat(onSpark.get(1)).startsWith("{").contains("\"best_edp\"").isEqualTo(inProcess);
  }

  @Test
  @DisplayName("a search file with a bad field is one line naming the file, field and value")
  void badFileIsOneLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("search.json");
    CoSearchPlanJson.write(SYNTHETIC, file);
    Files.writeString(
        file, Files.readString(file).replace("\"population\" : 6", "\"population\" : \"six\""));

    List<String> result = run("hw-search", "--search", file.toString(), "--json");

    assertThat(result.get(0)).isEqualTo("1");
    assertThat(result.get(1)).isEmpty();
    assertThat(result.get(2).strip())
        .doesNotContain("\n")
        .contains(file.toString())
        .contains("search.population")
        .contains("\"six\"")
        .contains("expected an integer");
  }
}
