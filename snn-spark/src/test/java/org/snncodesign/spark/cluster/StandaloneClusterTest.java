package org.snncodesign.spark.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.fpga.search.CandidateEvaluator;
import org.snncodesign.spark.SparkSessions;
import org.snncodesign.spark.search.CoSearchFixtures;
import org.snncodesign.spark.search.SparkCandidateEvaluator;
import org.snncodesign.spark.sweep.SparkSweep;
import org.snncodesign.spark.sweep.SweepFile;
import org.snncodesign.spark.sweep.SweepTestTables;

@Timeout(value = 5, unit = TimeUnit.MINUTES)
class StandaloneClusterTest {
  @TempDir static Path clusterFolder;

  private static StandaloneCluster cluster;

  @TempDir Path folder;

  @BeforeAll
  static void start() throws IOException, InterruptedException {
    cluster = StandaloneCluster.start(clusterFolder);
  }

  @AfterEach
  void stopWorkers() throws InterruptedException {
    cluster.stopWorkers();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    cluster.close();
  }

  private static SparkSweep.Outcome run(
      String master, Map<String, String> settings, SweepFile sweep, Path out, boolean resume)
      throws IOException {
    SparkSession spark = SparkSessions.open("StandaloneClusterTest", master, settings);
    try {
      return new SparkSweep(spark, System.err::println).run(sweep, out, resume);
    } finally {
      spark.stop();
    }
  }

  @Test
  @DisplayName(
      "a sweep on a standalone master and worker gives the table of the embedded run and of a plain loop")
  void sameTableEverywhere() throws Exception {
    cluster.startWorker("same");
    SweepFile sweep =
        SweepFile.parse(
            """
        {"step": "test-spin", "grid": {"iterations": [100, 2000], "scale": [1, 2]}, "seeds": [1, 2],
         "fixed": {"fail_seed": 2}}""",
            "cluster.json");

    run(cluster.url(), cluster.driverSettings(), sweep, folder.resolve("cluster"), false);
    run("local[2]", Map.of(), sweep, folder.resolve("embedded"), false);

    List<List<String>> onCluster =
        SweepTestTables.withoutSeconds(folder.resolve("cluster/results.csv"));
    assertThat(onCluster).hasSize(9).anySatisfy(row -> assertThat(row).contains("failed"));
    assertThat(SweepTestTables.withoutSeconds(folder.resolve("embedded/results.csv")))
        .isEqualTo(onCluster);
    assertThat(SweepTestTables.sequential(sweep, folder.resolve("loop.csv"))).isEqualTo(onCluster);
  }

  @Test
  @DisplayName(
      "a worker killed mid-sweep costs a retry on another worker, and --resume runs only what is missing")
  void killedWorker() throws Exception {
    Process doomed = cluster.startWorker("doomed");
    // About a second of CPU per point: the kill lands while points are running.
    SweepFile sweep =
        SweepFile.parse(
            """
        {"step": "test-spin", "fixed": {"iterations": 300000000}, "seeds": {"first": 1, "count": 8}}""",
            "kill.json");
    Path out = folder.resolve("out");
    CompletableFuture<SparkSweep.Outcome> sweeping =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return run(cluster.url(), cluster.driverSettings(), sweep, out, false);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    while (!Files.isDirectory(out.resolve("points")) || SweepTestTables.pointFiles(out).isEmpty()) {
      assertThat(sweeping).isNotDone();
      Thread.sleep(100);
    }
    StandaloneCluster.kill(doomed);
    cluster.startWorker("heir");

    SparkSweep.Outcome outcome = sweeping.get(3, TimeUnit.MINUTES);

    assertThat(outcome.ran()).isEqualTo(8);
    assertThat(outcome.failed()).isZero();
    List<Path> files = SweepTestTables.pointFiles(out);
    assertThat(files).hasSize(8);
    Files.delete(files.get(1));
    Files.delete(files.get(6));
    SparkSweep.Outcome resumed = run(cluster.url(), cluster.driverSettings(), sweep, out, true);
    assertThat(resumed.ran()).isEqualTo(2);
    assertThat(resumed.skipped()).isEqualTo(6);
    assertThat(SweepTestTables.pointFiles(out)).hasSize(8);
  }

  @Test
  @DisplayName(
      "a joint co-search with fine-tuning, its candidates as tasks on a standalone worker's executor, equals "
          + "the sequential search (the executor rebuilds the network, data and spaces from the shipped problem)")
  void coSearch() throws Exception {
    cluster.startWorker("search");
    SparkSession spark =
        SparkSessions.open(
            "StandaloneClusterTest co-search", cluster.url(), cluster.driverSettings());
    try {
      assertThat(CoSearchFixtures.joint(new SparkCandidateEvaluator(spark)))
          .isEqualTo(CoSearchFixtures.joint(CandidateEvaluator.inProcess(1)));
    } finally {
      spark.stop();
    }
  }
}
