package org.snncodesign.spark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.snncodesign.spark.SparkSessions;
import org.snncodesign.spark.sweep.PointResult;
import org.snncodesign.spark.sweep.SparkSweep;
import org.snncodesign.spark.sweep.SweepFile;
import org.snncodesign.spark.sweep.SweepPoint;

/**
 * A plain benchmark (not a test): a 16-point sweep of a CPU-bound step run as a sequential loop in
 * this JVM and as an embedded Spark sweep ({@code local[*]}), and Spark's per-task overhead from
 * sweeps of an empty step. Results and the command are in docs/BENCHMARKS.md.
 *
 * <p>Arguments (all optional): the SA-STL epochs per point (default 300), the number of empty tasks
 * (default 64) and the rounds (default 3). Each round also times two plain threads against one on a
 * CPU-bound loop: on a machine shared with other work that is the ceiling of any speedup at that
 * moment.
 */
public final class SweepSpeedup {
  private SweepSpeedup() {}

  public static void main(String[] args) throws IOException {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int emptyTasks = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    // 16 points: 2 selections x 8 seeds of the SA-STL study, each a full and a pruned learner.
    SweepFile sweep =
        SweepFile.parse(
            """
        {"step": "sastl", "grid": {"selection": ["relevance", "magnitude"]}, "fixed": {"epochs": %d},
         "seeds": {"first": 1, "count": 8}}"""
                .formatted(epochs),
            "speedup");
    SweepFile empty =
        SweepFile.parse(
            """
        {"step": "test-spin", "fixed": {"iterations": 0}, "seeds": {"first": 1, "count": %d}}"""
                .formatted(emptyTasks),
            "overhead");
    Path folder = Files.createTempDirectory("sweep-speedup");
    System.out.printf(
        Locale.ROOT,
        "cores %d, %d points of sastl (%d epochs)%n",
        Runtime.getRuntime().availableProcessors(),
        sweep.points().size(),
        epochs);
    // Warm-up: the JIT compiles the step before either timing.
    sweep.points().subList(0, 2).forEach(PointResult::run);

    long start = System.nanoTime();
    SparkSession spark = SparkSessions.open("SweepSpeedup", null, Map.of());
    System.out.printf(
        Locale.ROOT,
        "spark %s session started in %.2f s%n",
        spark.sparkContext().master(),
        seconds(start));
    try {
      SparkSweep sweeper = new SparkSweep(spark, line -> {});
      // Rounds alternate the two ways, so that a change in the load of a shared machine hits both
      // alike.
      double[] ratios = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        double capacity = parallelCapacity();
        start = System.nanoTime();
        List<PointResult> loop = sweep.points().stream().map(PointResult::run).toList();
        double sequential = seconds(start);
        start = System.nanoTime();
        SparkSweep.Outcome outcome = sweeper.run(sweep, folder.resolve("sastl-" + round), false);
        double whole = seconds(start);
        ratios[round] = sequential / outcome.runSeconds();
        System.out.printf(
            Locale.ROOT,
            "round %d: sequential loop %.2f s (%.2f s per point), spark points %.2f s "
                + "(%.2f s with table, summary and Parquet): %.2fx (%.2fx with table); two threads %.2fx, "
                + "load average %s%n",
            round + 1,
            sequential,
            sequential / loop.size(),
            outcome.runSeconds(),
            whole,
            ratios[round],
            sequential / whole,
            capacity,
            Files.readString(Path.of("/proc/loadavg")).trim());
      }
      Arrays.sort(ratios);
      System.out.printf(
          Locale.ROOT,
          "speedup over %d rounds: median %.2fx, best %.2fx%n",
          rounds,
          ratios[rounds / 2],
          ratios[rounds - 1]);
      SparkSweep.Outcome none = sweeper.run(empty, folder.resolve("empty"), false);
      SparkSweep.Outcome one =
          sweeper.run(
              SweepFile.parse(
                  "{\"step\": \"test-spin\", \"fixed\": {\"iterations\": 0}, \"seeds\": [1]}",
                  "one"),
              folder.resolve("one"),
              false);
      System.out.printf(
          Locale.ROOT,
          "overhead: %d empty tasks in %.3f s = %.1f ms per task (throughput); "
              + "one empty task as a sweep: %.1f ms (latency)%n",
          emptyTasks,
          none.runSeconds(),
          1000 * none.runSeconds() / emptyTasks,
          1000 * one.runSeconds());
    } finally {
      spark.stop();
    }
  }

  /**
   * The speedup two plain threads get on a CPU-bound loop at this moment: the ceiling for any
   * two-task sweep here (below 2 when other processes share the cores).
   */
  private static double parallelCapacity() {
    Runnable spin =
        () ->
            PointResult.run(
                new SweepPoint(
                    0, "test-spin", new LinkedHashMap<>(Map.of("iterations", 500_000_000L)), 1));
    long start = System.nanoTime();
    spin.run();
    spin.run();
    double one = seconds(start);
    start = System.nanoTime();
    Thread other = new Thread(spin);
    other.start();
    spin.run();
    try {
      other.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return one / seconds(start);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
