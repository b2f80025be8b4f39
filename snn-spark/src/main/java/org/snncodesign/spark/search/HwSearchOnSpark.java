package org.snncodesign.spark.search;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.flow.report.StagedOutput;
import org.snncodesign.flow.search.CoSearchPlan;
import org.snncodesign.flow.search.CoSearchPlanJson;
import org.snncodesign.flow.search.CoSearchRun;
import org.snncodesign.fpga.search.CandidateEvaluator;
import org.snncodesign.spark.SparkOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code snn-spark hw-search --search FILE}: the co-design search that {@code snn hw search
 * --save-search FILE} saved ({@link CoSearchPlanJson}), its candidates evaluated as Spark tasks
 * ({@link SparkCandidateEvaluator}) on {@code --master} if given, else the master spark-submit
 * gives, else embedded ({@code local[*]}), as for {@code sweep}. The report, the summary and the
 * files of {@code --out} are the library's ({@link CoSearchRun}), so they are {@code snn hw
 * search}'s with the same options.
 */
@Command(
    name = "hw-search",
    mixinStandardHelpOptions = true,
    description =
        "Run the co-design search saved by snn hw search --save-search FILE with its candidates "
            + "evaluated as Spark tasks: the same report as snn hw search.")
public final class HwSearchOnSpark implements Callable<Integer> {
  @Option(
      names = "--search",
      required = true,
      paramLabel = "FILE",
      description = "The search, as snn hw search --save-search FILE wrote it.")
  Path search;

  @Mixin SparkOptions sparkOptions;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Folder for pareto.csv, pareto.png and search.json (for a joint search also "
              + "pareto-accuracy.csv and pareto-accuracy.png), moved in when the search has finished.")
  Path out;

  @Option(
      names = "--json",
      description = "Print one JSON object as the last line of standard output.")
  boolean json;

  public HwSearchOnSpark() {}

  @Override
  public Integer call() throws Exception {
    CoSearchPlan plan = CoSearchPlanJson.read(search);
    PluginRegistry registry = PluginRegistry.discover();
    // A plan naming an unknown accelerator or budget is refused before Spark starts.
    run(plan, registry, CandidateEvaluator.inProcess(1));
    PrintStream stdout = System.out;
    try (StagedOutput staged = out == null ? null : StagedOutput.to(out)) {
      SparkSession spark = sparkOptions.open("snn hw search " + search.getFileName());
      CoSearchRun.Outcome outcome;
      try {
        outcome =
            run(plan, registry, new SparkCandidateEvaluator(spark))
                .run(staged == null ? null : staged.stagedPath());
      } finally {
        spark.stop();
      }
      if (staged != null) {
        staged.commit();
      }
      if (json) {
        stdout.println(outcome.report().toJsonLine());
      } else {
        outcome.summary().forEach(stdout::println);
      }
    }
    return 0;
  }

  private CoSearchRun run(
      CoSearchPlan plan, PluginRegistry registry, CandidateEvaluator evaluator) {
    try {
      return new CoSearchRun(plan, registry, evaluator, System.err);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(search + ": " + e.getMessage());
    }
  }
}
