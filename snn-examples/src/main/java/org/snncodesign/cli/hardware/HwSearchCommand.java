package org.snncodesign.cli.hardware;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.energy.StaticPower;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.flow.report.AccuracyParetoChart;
import org.snncodesign.flow.report.HwJson;
import org.snncodesign.flow.report.ParetoChart;
import org.snncodesign.flow.report.StagedOutput;
import org.snncodesign.flow.search.AcceleratorLineup;
import org.snncodesign.flow.search.ClusterEvaluation;
import org.snncodesign.flow.search.CoDesignSearch;
import org.snncodesign.flow.search.CompressedNetworkSpace;
import org.snncodesign.fpga.search.Candidate;
import org.snncodesign.fpga.search.CandidateEvaluator;
import org.snncodesign.fpga.search.NetworkVariant;
import org.snncodesign.fpga.search.SearchResult;
import org.snncodesign.fpga.search.SearchSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code snn hw search}: the options of a {@link CoDesignSearch} (seeded random + evolutionary
 * search of an accelerator family's parameters for the least EDP under an FPGA budget, with {@code
 * --network-genes} jointly with per-layer weight sparsity and width of the trained network, {@link
 * CompressedNetworkSpace}), and its report: the summary on standard output, or one JSON object with
 * {@code --json}, and the Pareto fronts as CSV and PNG in {@code --out}. With {@code --master} the
 * candidates are evaluated on a cluster ({@link ClusterEvaluation}, present in {@code
 * snn-spark.jar} only) with the same result.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description =
        "Search accelerator parameters (and with --network-genes per-layer weight sparsity and width) "
            + "for minimum energy-delay product under an FPGA resource budget.")
public final class HwSearchCommand implements Callable<Integer> {

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
          "Evaluate the candidates as Spark tasks on this "
              + "master (spark://HOST:7077, local[N]), with the same result: only in snn-spark.jar (java -jar snn-spark.jar "
              + "hw-search, the same options; see docs/SWEEPS.md).")
  String master;

  @Override
  public Integer call() throws IOException {
    PrintStream stdout = System.out;
    if (networkGenes && network.synthetic) {
      throw new InvalidInputException(
          "--network-genes needs a trained network to prune and quantise; drop "
              + "--synthetic (the default digits network is used) or give --network model.json");
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
    PluginRegistry registry = PluginRegistry.discover();
    // Built first in any case: a bad --model or --budget is refused before a cluster is contacted.
    CoDesignSearch coSearch =
        search(settings, registry, CandidateEvaluator.inProcess(search.threads()));
    if (master == null) {
      report(coSearch, stdout);
      return 0;
    }
    ClusterEvaluation cluster =
        ClusterEvaluation.find(Thread.currentThread().getContextClassLoader())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "--master: this snn has no Spark; run the distributed search "
                            + "with java -jar snn-spark.jar hw-search and the same options (see docs/SWEEPS.md)"));
    try (ClusterEvaluation.Session session = cluster.open(master)) {
      report(search(settings, registry, session), stdout);
    }
    return 0;
  }

  private CoDesignSearch search(
      CoDesignSearch.Settings settings, PluginRegistry registry, CandidateEvaluator evaluator) {
    try {
      return new CoDesignSearch(settings, registry, evaluator, System.err);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("--model " + model + ": " + e.getMessage());
    }
  }

  private void report(CoDesignSearch coSearch, PrintStream stdout) throws IOException {
    ObjectNode report = networkGenes ? joint(coSearch, stdout) : acceleratorOnly(coSearch, stdout);
    if (json) {
      JsonReport.printLine(report, stdout);
    }
  }

  private ObjectNode acceleratorOnly(CoDesignSearch coSearch, PrintStream stdout)
      throws IOException {
    Workload workload = network.workload(seed, System.err);
    SearchResult result = coSearch.acceleratorOnly(workload);
    ObjectNode report = common(result, workload.name());
    report.put("network_genes", false);
    network.putDataset(report);
    report.set("best", HwJson.report(result.best().report()));
    report.put("pareto_size", result.paretoFront().size());
    if (out != null) {
      writeLatencyFront(result, workload.name(), report);
      JsonReport.write(report, out.resolve("search.json"));
      report.put("pareto_csv", shown("pareto.csv"));
    }
    if (!json) {
      stdout.printf(
          "baseline %s EDP %.4e J*s%n",
          result.baseline().configuration(), result.baseline().energyDelayProduct());
      stdout.printf(
          "best     %s EDP %.4e J*s%n",
          result.best().report().configuration(), result.best().edp());
      stdout.printf(
          "EDP reduction %.2fx over %d designs; Pareto front of %d%n",
          result.edpReduction(), result.evaluated().size(), result.paretoFront().size());
    }
    return report;
  }

  private ObjectNode joint(CoDesignSearch coSearch, PrintStream stdout) throws IOException {
    CoDesignSearch.JointResult found = coSearch.joint(network.trainedNetwork());
    SearchResult result = found.joint();
    SearchResult alone = found.acceleratorOnly();
    NetworkVariant reference = found.reference();
    Candidate best = found.best();
    String name = found.network();
    double minAccuracy = result.minAccuracy();

    ObjectNode report = common(result, reference.workload().name());
    report.put("network_genes", true);
    report.put("network", name);
    network.putDataset(report);
    report.put("first_layer", network.firstLayer().note());
    report.put("fine_tune_epochs", fineTuneEpochs);
    report.put("validation_samples", found.validationSamples());
    report.put("test_samples", found.testSamples());
    report.put("max_accuracy_drop_points", maxAccuracyDrop);
    report.put("min_accuracy", minAccuracy);
    report.put("baseline_accuracy", reference.accuracy());
    report.put("best_accuracy", best.accuracy());
    report.put("baseline_test_accuracy", found.baselineTestAccuracy());
    report.put("best_test_accuracy", found.bestTestAccuracy());
    report.put("network_variants", found.networkVariants());
    report.put("rejected_for_accuracy", found.rejectedForAccuracy());
    ObjectNode aloneNode = report.putObject("accelerator_only");
    aloneNode.put("best_edp", alone.best().edp());
    aloneNode.put("edp_reduction", alone.edpReduction());
    aloneNode.put("evaluated", alone.evaluated().size());
    aloneNode.set("best", HwJson.report(alone.best().report()));
    report.put("network_genes_gain", found.networkGenesGain());
    ObjectNode bestNode = HwJson.report(best.report());
    ObjectNode networkNode = bestNode.putObject("network");
    best.network().configuration().forEach(networkNode::put);
    report.set("best", bestNode);
    ObjectNode referenceNode = report.putObject("baseline_network");
    reference.configuration().forEach(referenceNode::put);
    report.put("pareto_size", result.paretoFront().size());
    report.put("accuracy_front_size", result.accuracyFront().size());
    if (out != null) {
      writeLatencyFront(result, name, report);
      Files.writeString(out.resolve("pareto-accuracy.csv"), result.accuracyFrontCsv());
      AccuracyParetoChart.write(
          out.resolve("pareto-accuracy.png"), result, name, reference.accuracy());
      report.put("pareto_accuracy_png", shown("pareto-accuracy.png"));
      JsonReport.write(report, out.resolve("search.json"));
      report.put("pareto_csv", shown("pareto.csv"));
      report.put("pareto_accuracy_csv", shown("pareto-accuracy.csv"));
    }
    if (!json) {
      stdout.printf(
          Locale.ROOT,
          "baseline %s on the unmodified network (%.2f %%) EDP %.4e J*s%n",
          result.baseline().configuration(),
          100 * reference.accuracy(),
          result.baseline().energyDelayProduct());
      stdout.printf(
          Locale.ROOT,
          "accelerator only: EDP %.4e J*s, reduction %.2fx%n",
          alone.best().edp(),
          alone.edpReduction());
      stdout.printf(
          Locale.ROOT,
          "joint: %s %s (%.2f %% validation, %.2f %% test vs %.2f %%) EDP %.4e J*s%n",
          best.report().configuration(),
          best.network().configuration(),
          100 * best.accuracy(),
          100 * found.bestTestAccuracy(),
          100 * found.baselineTestAccuracy(),
          best.edp());
      stdout.printf(
          Locale.ROOT,
          "EDP reduction %.2fx (accelerator only %.2fx) over %d designs; %d rejected for "
              + "accuracy%n",
          result.edpReduction(),
          alone.edpReduction(),
          result.evaluated().size(),
          found.rejectedForAccuracy());
    }
    return report;
  }

  private ObjectNode common(SearchResult result, String workload) {
    ObjectNode report = JsonReport.create("hw search");
    report.put("space", result.space());
    report.put("workload", workload);
    report.put("budget", budget);
    report.put("seed", seed);
    report.put("static_energy", includeStatic ? "included" : "excluded (reported apart)");
    report.put("evaluated", result.evaluated().size());
    report.put("baseline_edp", result.baseline().energyDelayProduct());
    report.put("best_edp", result.best().edp());
    report.put("edp_reduction", result.edpReduction());
    report.set("baseline", HwJson.report(result.baseline()));
    return report;
  }

  private void writeLatencyFront(SearchResult result, String workload, ObjectNode report)
      throws IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("pareto.csv"), result.paretoCsv());
    ParetoChart.write(out.resolve("pareto.png"), result, workload);
    report.put("pareto_png", shown("pareto.png"));
  }

  /**
   * Where a file of {@code --out} ends up, for the report (not the staging folder it is written
   * in).
   */
  private String shown(String file) {
    return StagedOutput.shown(out.resolve(file)).toString();
  }
}
