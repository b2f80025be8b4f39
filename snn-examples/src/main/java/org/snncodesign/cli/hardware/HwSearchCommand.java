package org.snncodesign.cli.hardware;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.energy.StaticPower;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.cli.report.SelfStaged;
import org.snncodesign.flow.report.StagedOutput;
import org.snncodesign.flow.search.AcceleratorLineup;
import org.snncodesign.flow.search.CoDesignSearch;
import org.snncodesign.flow.search.CoSearchPlan;
import org.snncodesign.flow.search.CoSearchPlanJson;
import org.snncodesign.flow.search.CoSearchRun;
import org.snncodesign.flow.search.CompressedNetworkSpace;
import org.snncodesign.flow.spark.SparkJar;
import org.snncodesign.fpga.search.CandidateEvaluator;
import org.snncodesign.fpga.search.SearchSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code snn hw search}: the options of a {@link CoDesignSearch} (seeded random + evolutionary
 * search of an accelerator family's parameters for the least EDP under an FPGA budget, with {@code
 * --network-genes} jointly with per-layer weight sparsity and width of the trained network, {@link
 * CompressedNetworkSpace}), and its report: the summary on standard output, or one JSON object with
 * {@code --json}, and the Pareto fronts as CSV and PNG in {@code --out}, all the library's ({@link
 * CoSearchRun}). {@code --save-search FILE} writes the search as data ({@link CoSearchPlanJson})
 * for {@code snn-spark.jar hw-search --search FILE}, which evaluates the candidates as Spark tasks
 * with the same report; {@code --master URL} does both in one step, running that jar in a JVM of
 * its own ({@link SparkJar}), as {@code snn} itself has no Spark. The command stages {@code --out}
 * itself ({@link SelfStaged}): on Spark, {@code hw-search} stages and reports it.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description =
        "Search accelerator parameters (and with --network-genes per-layer weight sparsity and width) "
            + "for minimum energy-delay product under an FPGA resource budget.")
public final class HwSearchCommand implements Callable<Integer>, SelfStaged {
  private final PluginRegistry registry;

  /** With the plugins of the context class loader, as picocli builds it without Guice. */
  public HwSearchCommand() {
    this(PluginRegistry.discover());
  }

  /** With the plugins {@code snn} was started with ({@code --plugins}, the class path). */
  @Inject
  HwSearchCommand(PluginRegistry registry) {
    this.registry = registry;
  }

  @Option(
      names = {"--model", "--space"},
      defaultValue = "spikex-systolic",
      description =
          "Accelerator plugin whose design space is searched: any that declares one (spikex-systolic, "
              + "firefly-s, spiked-gustavson, dense-array, outer-product, or a plugin jar's; spikex is short for "
              + "spikex-systolic). Its default design is the baseline. Default: ${DEFAULT-VALUE}.")
  String model;

  @Option(
      names = "--budget",
      defaultValue = "zynq-7020",
      description = "Resource budget: zynq-7020 or zu9eg (default ${DEFAULT-VALUE}).")
  String budget;

  @Option(names = "--random", defaultValue = "64", description = "Random designs before evolution.")
  int random;

  @Option(names = "--population", defaultValue = "24", description = "Designs kept per generation.")
  int population;

  @Option(names = "--generations", defaultValue = "20", description = "Evolutionary generations.")
  int generations;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description =
          "Seed of the search, of the default network's training and of the validation split.")
  long seed;

  @Option(names = "--threads", description = "Evaluation threads (default: all cores).")
  Integer threads;

  @Option(
      names = "--network-genes",
      description =
          "Search the network too: per priced layer (see --first-layer), "
              + "weight sparsity (keep, 0.85, 0.9, 0.95, 0.98 by magnitude pruning) and width (keep, 8, 4, 3, 2 bits), each "
              + "variant run on half of the held-out data for its spike rates and accuracy. Needs a trained network (not "
              + "--synthetic).")
  boolean networkGenes;

  @Option(
      names = "--max-accuracy-drop",
      defaultValue = "1.0",
      description =
          "With --network-genes: reject variants "
              + "more than this many percentage points below the unmodified network's validation accuracy "
              + "(default ${DEFAULT-VALUE}).")
  double maxAccuracyDrop;

  @Option(
      names = "--fine-tune-epochs",
      defaultValue = "0",
      description =
          "With --network-genes: fine-tune every "
              + "compressed variant this many epochs on the training split, keeping its sparsity and widths (default "
              + "${DEFAULT-VALUE}: post-training compression only). Each variant is trained once per search.")
  int fineTuneEpochs;

  @Option(
      names = "--out",
      description =
          "Folder for pareto.csv, pareto.png and search.json (with --network-genes "
              + "also pareto-accuracy.csv and pareto-accuracy.png).")
  Path out;

  @Mixin NetworkWorkloadOptions network;

  @Option(
      names = "--include-static",
      description =
          "Minimise EDP with each design's static (leakage) energy "
              + "included (default: dynamic energy only; static energy is reported apart either way).")
  boolean includeStatic;

  @Option(
      names = "--json",
      description = "Print one JSON object as the last line of standard output.")
  boolean json;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Evaluate the candidates as Spark tasks on this master (e.g. local[2] or "
              + "spark://HOST:7077): runs java -jar snn-spark.jar hw-search in a JVM of its own, with the "
              + "same report (see docs/SWEEPS.md).")
  String master;

  @Option(
      names = "--spark-jar",
      paramLabel = "JAR",
      description =
          "With --master: snn-spark.jar (default: the "
              + SparkJar.ENVIRONMENT_VARIABLE
              + " environment variable, else snn-spark.jar beside snn.jar or in its build tree).")
  Path sparkJar;

  @Option(
      names = "--save-search",
      paramLabel = "FILE",
      description =
          "Write the search these options describe (settings and network, paths made absolute) to FILE "
              + "as JSON and exit without searching: java -jar snn-spark.jar hw-search --search FILE runs it "
              + "on Spark with the same report (see docs/SWEEPS.md). Not with --nir.")
  Path saveSearch;

  @Override
  public Integer call() throws IOException {
    PrintStream stdout = System.out;
    if (networkGenes && (network.synthetic || network.nir != null)) {
      throw new InvalidInputException(
          "--network-genes needs a trained network to prune and quantise; drop "
              + (network.synthetic ? "--synthetic" : "--nir")
              + " (the default digits network is used) or give --network model.json");
    }
    SearchSettings search =
        SearchSettings.DEFAULT
            .withBudget(random, population, generations)
            .withSeed(seed)
            .withStaticPower(StaticPower.of(includeStatic));
    if (threads != null) {
      search = search.withThreads(threads);
    }
    CoDesignSearch.Settings settings =
        CoDesignSearch.Settings.builder()
            .accelerator(AcceleratorLineup.pluginName(model))
            .budget(budget)
            .search(search)
            .maxAccuracyDrop(maxAccuracyDrop)
            .fineTuneEpochs(fineTuneEpochs)
            .firstLayer(network.firstLayer())
            .build();
    CoSearchPlan plan = new CoSearchPlan(settings, networkGenes, network.source());
    // Built first: a bad --model or --budget is refused before a file is written.
    CoSearchRun inProcess = run(plan, registry, CandidateEvaluator.inProcess(search.threads()));
    if ((saveSearch != null || master != null) && network.nir != null) {
      throw new InvalidInputException(
          (saveSearch != null ? "--save-search" : "--master")
              + ": a search on a --nir graph cannot be saved yet; give --network or --synthetic");
    }
    if (saveSearch != null) {
      CoSearchPlanJson.write(plan, saveSearch);
      System.err.println(
          "hw search: wrote "
              + saveSearch
              + "; run it with java -jar snn-spark.jar hw-search --search "
              + saveSearch);
      return 0;
    }
    if (master != null) {
      return onSpark(plan);
    }
    try (StagedOutput staged = out == null ? null : StagedOutput.to(out)) {
      CoSearchRun.Outcome outcome = inProcess.run(staged == null ? null : staged.stagedPath());
      if (staged != null) {
        staged.commit();
      }
      report(outcome, stdout);
    }
    return 0;
  }

  /**
   * Runs {@code plan} with {@code snn-spark.jar hw-search}, saved to a temporary file: that command
   * stages {@code --out} and prints the report itself, so its output is this command's.
   */
  private int onSpark(CoSearchPlan plan) throws IOException {
    SparkJar jar =
        SparkJar.locate(
            sparkJar, System.getenv(), SparkJar.locationOf(HwSearchCommand.class).orElse(null));
    Path file = Files.createTempFile("snn-hw-search", ".json");
    try {
      CoSearchPlanJson.write(plan, file);
      List<String> arguments =
          new ArrayList<>(List.of("hw-search", "--search", file.toString(), "--master", master));
      if (out != null) {
        arguments.addAll(List.of("--out", out.toString()));
      }
      if (json) {
        arguments.add("--json");
      }
      return jar.run(arguments);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private CoSearchRun run(
      CoSearchPlan plan, PluginRegistry registry, CandidateEvaluator evaluator) {
    try {
      return new CoSearchRun(plan, registry, evaluator, System.err);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("--model " + model + ": " + e.getMessage());
    }
  }

  private void report(CoSearchRun.Outcome outcome, PrintStream stdout) {
    if (json) {
      stdout.println(outcome.report().toJsonLine());
    } else {
      outcome.summary().forEach(stdout::println);
    }
  }
}
