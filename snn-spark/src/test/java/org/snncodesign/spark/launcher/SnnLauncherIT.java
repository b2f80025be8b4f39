package org.snncodesign.spark.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.flow.spark.SparkJar;
import org.snncodesign.spark.sweep.SweepTestTables;

/**
 * {@code snn sweep} and {@code snn hw search --master} in {@code snn.jar} run {@code snn-spark.jar}
 * in a child JVM and give what it gives. Runs in the integration-test phase (failsafe), once both
 * jars are built; {@code snn.jar} finds {@code snn-spark.jar} in the build tree, as a user's build
 * does.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@DisplayName("snn.jar's sweep and hw search --master run snn-spark.jar and give its results")
class SnnLauncherIT {
  private static final Path SNN_JAR = Path.of(System.getProperty("snn.jar", "missing"));
  private static final Path SNN_SPARK_JAR = Path.of(System.getProperty("snn.spark.jar", "missing"));

  /** Four short SA-STL points: two selections, two seeds. */
  private static final String SWEEP =
      """
      {"schema_version": 1, "step": "sastl",
       "grid": {"selection": ["relevance", "random"]},
       "fixed": {"liquid": 60, "steps": 100, "epochs": 10},
       "seeds": {"first": 1, "count": 2}}
      """;

  @BeforeAll
  static void jarsBuilt() {
    assumeTrue(
        Files.isRegularFile(SNN_JAR),
        SNN_JAR
            + " is not built (snn-examples is not in this build): build it with ./mvnw -B -pl "
            + "snn-examples,snn-spark -am verify");
    assumeTrue(Files.isRegularFile(SNN_SPARK_JAR), SNN_SPARK_JAR + " is not built");
  }

  /** Exit code and standard output of {@code java -jar jar args...}, its stderr to {@code log}. */
  private static List<String> java(Path jar, Path log, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(new SparkJar(jar).command(List.of(args)));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
    // snn.jar must find snn-spark.jar by itself, beside it in the build tree.
    builder.environment().remove(SparkJar.ENVIRONMENT_VARIABLE);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = process.waitFor();
    return List.of(Integer.toString(code), out, Files.readString(log));
  }

  @Test
  @DisplayName(
      "snn sweep FILE --out DIR --master local[2] writes java -jar snn-spark.jar sweep's table")
  void sweep(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("tiny.json"), SWEEP);

    List<String> viaSnn =
        java(
            SNN_JAR,
            dir.resolve("snn.log"),
            "sweep",
            file.toString(),
            "--out",
            dir.resolve("snn").toString(),
            "--master",
            "local[2]");
    List<String> direct =
        java(
            SNN_SPARK_JAR,
            dir.resolve("direct.log"),
            "sweep",
            file.toString(),
            "--out",
            dir.resolve("direct").toString(),
            "--master",
            "local[2]");

    assertThat(viaSnn.get(0)).as(viaSnn.get(2)).isEqualTo("0");
    assertThat(direct.get(0)).as(direct.get(2)).isEqualTo("0");
    assertThat(viaSnn.get(1)).startsWith("4 points (4 run, 0 resumed), 0 failed");
    assertThat(SweepTestTables.withoutSeconds(dir.resolve("snn/results.csv")))
        .hasSize(5)
        .isEqualTo(SweepTestTables.withoutSeconds(dir.resolve("direct/results.csv")));
  }

  @Test
  @DisplayName(
      "snn hw search --master local[2] --json prints the JSON of the in-process snn hw search --json")
  void hwSearchOnSpark(@TempDir Path dir) throws Exception {
    String[] search = {
      "hw",
      "search",
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
      "1",
      "--json"
    };
    Path here = dir.resolve("in-process");
    Path there = dir.resolve("on-spark");
    List<String> inProcess =
        java(SNN_JAR, dir.resolve("in-process.log"), with(search, "--out", here.toString()));
    List<String> onSpark =
        java(
            SNN_JAR,
            dir.resolve("spark.log"),
            with(search, "--master", "local[2]", "--out", there.toString()));

    assertThat(inProcess.get(0)).as(inProcess.get(2)).isEqualTo("0");
    assertThat(onSpark.get(0)).as(onSpark.get(2)).isEqualTo("0");
    // The report names the files where they end up, not a staging folder.
    assertThat(onSpark.get(1))
        .contains("\"best_edp\"")
        .contains(there.resolve("pareto.png").toString())
        .isEqualTo(inProcess.get(1).replace(here.toString(), there.toString()));
    assertThat(there.resolve("search.json")).exists();
  }

  private static String[] with(String[] args, String... more) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
