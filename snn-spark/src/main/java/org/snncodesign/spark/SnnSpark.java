package org.snncodesign.spark;

import org.snncodesign.flow.report.ErrorLine;
import org.snncodesign.spark.search.HwSearchOnSpark;
import org.snncodesign.spark.sweep.SweepCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar snn-spark.jar} (or {@code spark-submit snn-spark.jar}): the commands that run on
 * Apache Spark, kept out of {@code snn.jar} so that the everyday tool does not carry Spark.
 */
@Command(
    name = "snn-spark",
    mixinStandardHelpOptions = true,
    subcommands = {SweepCommand.class, HwSearchOnSpark.class},
    description =
        "snn commands on Apache Spark: embedded (local[*]) by default, a cluster with --master.")
public final class SnnSpark {
  private SnnSpark() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (errors are printed, not thrown). */
  public static int run(String... args) {
    CommandLine line = new CommandLine(SnnSpark.class);
    line.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("snn-spark: " + ErrorLine.describe(e));
          return 1;
        });
    return line.execute(args);
  }
}
