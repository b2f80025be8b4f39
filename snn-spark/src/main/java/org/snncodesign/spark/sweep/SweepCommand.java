package org.snncodesign.spark.sweep;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.snncodesign.spark.SparkOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code snn-spark sweep FILE --out DIR}: runs a sweep file's points as Spark tasks and writes the
 * table, the summary across seeds and the Pareto chart (see docs/SWEEPS.md).
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description =
        "Run every point of a sweep file as a Spark task; write results.csv/.parquet, summary.csv and "
            + "pareto.png into --out.")
public final class SweepCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The sweep file (JSON), see docs/SWEEPS.md.")
  Path file;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description =
          "Output folder: points/ (one file per finished point), results.csv, results.parquet, "
              + "summary.csv, pareto.png.")
  Path out;

  @Mixin SparkOptions sparkOptions;

  @Option(
      names = "--resume",
      description = "Keep the results already in --out and run only the missing points.")
  boolean resume;

  public SweepCommand() {}

  @Override
  public Integer call() throws Exception {
    SweepFile sweep = SweepFile.read(file);
    SparkSession spark = sparkOptions.open("snn sweep " + file.getFileName());
    try {
      SparkSweep.Outcome outcome =
          new SparkSweep(spark, System.err::println).run(sweep, out, resume);
      System.out.printf(
          Locale.ROOT,
          "%d points (%d run, %d resumed), %d failed, %.1f s; table %s%n",
          outcome.points(),
          outcome.ran(),
          outcome.skipped(),
          outcome.failed(),
          outcome.runSeconds(),
          out.resolve("results.csv"));
      return 0;
    } finally {
      spark.stop();
    }
  }
}
