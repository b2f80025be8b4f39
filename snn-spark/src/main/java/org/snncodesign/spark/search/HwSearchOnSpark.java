package org.snncodesign.spark.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.snncodesign.cli.SnnCli;
import org.snncodesign.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code snn-spark hw-search OPTIONS}: {@code snn hw search OPTIONS} with its candidates evaluated
 * as Spark tasks, on {@code --master} if given, else the master spark-submit gives, else embedded
 * ({@code local[*]}), as for {@code sweep}. The options, checks, outputs and errors are {@code snn
 * hw search}'s own: this command hands them to it.
 */
@Command(
    name = "hw-search",
    description =
        "snn hw search with its candidates evaluated as Spark tasks: the same options (--help lists them), "
            + "--master URL (default: the one spark-submit gives, else local[*], embedded).")
public final class HwSearchOnSpark implements Callable<Integer> {
  @Unmatched List<String> options = new ArrayList<>();

  public HwSearchOnSpark() {}

  @Override
  public Integer call() {
    List<String> args = new ArrayList<>(List.of("hw", "search"));
    args.addAll(options);
    if (options.stream().noneMatch(o -> o.equals("--master") || o.startsWith("--master="))) {
      // SparkConf reads spark.master from the system properties, which is where spark-submit puts
      // --master.
      args.addAll(List.of("--master", new SparkConf().get("spark.master", SparkSessions.EMBEDDED)));
    }
    return SnnCli.run(args.toArray(String[]::new));
  }
}
