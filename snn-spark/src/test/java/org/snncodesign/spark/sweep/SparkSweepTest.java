package org.snncodesign.spark.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.spark.SparkSessions;

class SparkSweepTest {
  private static SparkSession spark;

  @TempDir Path folder;

  @BeforeAll
  static void start() {
    spark = SparkSessions.open("SparkSweepTest", "local[2]", Map.of());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static SweepFile sweep(String extra) throws IOException {
    return SweepFile.parse(
        """
        {"step": "test-spin", "grid": {"iterations": [1000, 5000], "scale": [1, 3]}, "seeds": [1, 2, 3]%s}"""
            .formatted(extra),
        "test.json");
  }

  private SparkSweep.Outcome run(SweepFile sweep, Path out, boolean resume) throws IOException {
    return new SparkSweep(spark, line -> {}).run(sweep, out, resume);
  }

  @Test
  @DisplayName("the embedded sweep writes the same table as a plain loop over the same points")
  void sameAsSequential() throws IOException {
    SweepFile sweep = sweep("");

    SparkSweep.Outcome outcome = run(sweep, folder.resolve("spark"), false);

    assertThat(outcome.ran()).isEqualTo(12);
    assertThat(SweepTestTables.withoutSeconds(folder.resolve("spark/results.csv")))
        .isEqualTo(SweepTestTables.sequential(sweep, folder.resolve("loop.csv")));
  }

  @Test
  @DisplayName("a failing point is a row with its error and the other points complete")
  void failingPoint() throws IOException {
    SweepFile sweep = sweep(", \"fixed\": {\"fail_seed\": 2}");

    SparkSweep.Outcome outcome = run(sweep, folder, false);

    assertThat(outcome.failed()).isEqualTo(4);
    List<List<String>> rows = SweepTestTables.withoutSeconds(folder.resolve("results.csv"));
    List<String> header = rows.get(0);
    assertThat(rows.subList(1, rows.size()))
        .allSatisfy(
            row -> {
              boolean seedTwo = row.get(header.indexOf("seed")).equals("2");
              assertThat(row.get(header.indexOf("status"))).isEqualTo(seedTwo ? "failed" : "ok");
              assertThat(row.get(header.indexOf("error")))
                  .isEqualTo(seedTwo ? "IllegalStateException: asked to fail on seed 2" : "");
            });
    assertThat(Files.readAllLines(folder.resolve("summary.csv")).get(1)).contains(",3,1,");
  }

  @Test
  @DisplayName("a resumed sweep runs only the points without a result and gives the whole table")
  void resume() throws IOException {
    SweepFile sweep = sweep("");
    run(sweep, folder, false);
    List<List<String>> whole = SweepTestTables.withoutSeconds(folder.resolve("results.csv"));
    List<Path> files = SweepTestTables.pointFiles(folder);
    Files.delete(files.get(0));
    Files.delete(files.get(5));

    SparkSweep.Outcome resumed = run(sweep, folder, true);

    assertThat(resumed.ran()).isEqualTo(2);
    assertThat(resumed.skipped()).isEqualTo(10);
    assertThat(SweepTestTables.withoutSeconds(folder.resolve("results.csv"))).isEqualTo(whole);
  }

  @Test
  @DisplayName("a folder with results is refused without --resume, so that runs are never mixed")
  void refusesMixing() throws IOException {
    SweepFile sweep = sweep("");
    run(sweep, folder, false);

    assertThatThrownBy(() -> run(sweep, folder, false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--resume");
  }

  @Test
  @DisplayName("the Parquet table has one row per point with typed columns")
  void parquet() throws IOException {
    run(sweep(""), folder, false);

    List<Row> rows =
        spark
            .read()
            .parquet(folder.resolve("results.parquet").toString())
            .orderBy("point")
            .collectAsList();

    assertThat(rows).hasSize(12);
    assertThat(rows.get(11).<Long>getAs("point")).isEqualTo(11L);
    assertThat(rows.get(0).<String>getAs("status")).isEqualTo("ok");
    assertThat(rows.get(0).<Double>getAs("value")).isBetween(0.0, 1.0);
  }

  @Test
  @DisplayName("a sweep with two objectives writes the Pareto chart as a PNG")
  void paretoChart() throws IOException {
    run(
        sweep(
            ", \"objectives\": [{\"column\": \"low_bits\", \"goal\": \"min\"}, "
                + "{\"column\": \"value\", \"goal\": \"max\"}]"),
        folder,
        false);

    byte[] png = Files.readAllBytes(folder.resolve("pareto.png"));
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
  }
}
