package org.snncodesign.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.snncodesign.flow.spark.SparkJar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code snn sweep FILE [options]}: runs {@code java -jar snn-spark.jar sweep FILE options...} in a
 * JVM of its own ({@link SparkJar}), so that {@code snn.jar} never carries Spark.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    customSynopsis =
        "snn sweep [-hV] [--debug] [--spark-jar=JAR] FILE --out=DIR [--master=URL] [--resume] "
            + "[--conf=KEY=VALUE]...",
    description =
        "Run every point of a sweep file as a Spark task with snn-spark.jar (embedded local[*] by "
            + "default): results.csv/.parquet, summary.csv and pareto.png in --out DIR. The options "
            + "after FILE are snn-spark.jar sweep's (--out DIR, --master URL, --resume, --conf "
            + "KEY=VALUE; see docs/SWEEPS.md).")
final class SweepCommand implements Callable<Integer> {
  @Option(
      names = "--spark-jar",
      paramLabel = "JAR",
      description =
          "snn-spark.jar (default: the "
              + SparkJar.ENVIRONMENT_VARIABLE
              + " environment variable, else snn-spark.jar beside snn.jar or in its build tree; "
              + "build it with "
              + SparkJar.BUILD_COMMAND
              + ").")
  Path sparkJar;

  @Parameters(index = "0", paramLabel = "FILE", description = "The sweep file (JSON).")
  String file;

  /** snn-spark.jar sweep's options, passed on unchanged. */
  @Unmatched List<String> options = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    SparkJar jar =
        SparkJar.locate(
            sparkJar, System.getenv(), SparkJar.locationOf(SweepCommand.class).orElse(null));
    List<String> arguments = new ArrayList<>(List.of("sweep", file));
    arguments.addAll(options);
    return jar.run(arguments);
  }
}
