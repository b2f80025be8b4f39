package org.snncodesign.cli.hardware;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.cli.report.ParetoChart;
import org.snncodesign.fpga.resources.FpgaResources;
import org.snncodesign.fpga.search.Baselines;
import org.snncodesign.fpga.search.Candidate;
import org.snncodesign.fpga.search.CoSearch;
import org.snncodesign.fpga.search.DesignSpace;
import org.snncodesign.fpga.search.FireFlyDesignSpace;
import org.snncodesign.fpga.search.SearchResult;
import org.snncodesign.fpga.search.SearchSettings;
import org.snncodesign.fpga.search.SystolicDesignSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code snn hw search}: seeded random + evolutionary search of an accelerator family's parameters for the least
 * EDP under an FPGA budget, against the family's default design as the stated baseline.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Search accelerator parameters for minimum energy-delay product under an FPGA resource budget.")
public final class HwSearchCommand implements Callable<Integer> {

  @Option(names = {"--model", "--space"}, defaultValue = "spikex-systolic",
      description = "Design space: spikex-systolic or firefly-s (default ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--budget", defaultValue = "zynq-7020",
      description = "Resource budget: zynq-7020 or zu9eg (default ${DEFAULT-VALUE}).")
  String budget;

  @Option(names = "--random", defaultValue = "64", description = "Random designs before evolution.")
  int random;

  @Option(names = "--population", defaultValue = "24", description = "Designs kept per generation.")
  int population;

  @Option(names = "--generations", defaultValue = "20", description = "Evolutionary generations.")
  int generations;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the search and of the default network's training.")
  long seed;

  @Option(names = "--threads", description = "Evaluation threads (default: all cores).")
  Integer threads;



  @Option(names = "--out", description = "Folder for pareto.csv and search.json.")
  Path out;

  @Mixin NetworkWorkloadOptions network;

  @Option(names = "--json", description = "Print one JSON object as the last line of standard output.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PrintStream stdout = System.out;
    DesignSpace space;
    Accelerator baseline;
    switch (model) {
      case "spikex-systolic", "spikex" -> {
        space = new SystolicDesignSpace();
        baseline = Baselines.systolic();
      }
      case "firefly-s" -> {
        space = new FireFlyDesignSpace();
        baseline = Baselines.fireFly();
      }
      default -> throw new IllegalArgumentException("unknown --model '" + model
          + "'; expected spikex-systolic or firefly-s");
    }
    FpgaResources limit = switch (budget) {
      case "zynq-7020" -> FpgaResources.ZYNQ_7020;
      case "zu9eg" -> FpgaResources.ZU9EG;
      default -> throw new IllegalArgumentException("unknown --budget '" + budget + "'; expected zynq-7020 or zu9eg");
    };
    SearchSettings settings = SearchSettings.DEFAULT.withBudget(random, population, generations).withSeed(seed);
    if (threads != null) {
      settings = settings.withThreads(threads);
    }
    Workload workload = network.workload(seed, System.err);
    SearchResult result = new CoSearch(space, limit, settings)
        .run(workload, EnergyTable.HOROWITZ_45NM, baseline, line -> System.err.println("hw search: " + line));
    ObjectNode report = JsonReport.create("hw search");
    report.put("space", result.space());
    report.put("workload", workload.name());
    report.put("budget", budget);
    report.put("seed", seed);
    report.put("evaluated", result.evaluated().size());
    report.put("baseline_edp", result.baseline().energyDelayProduct());
    report.put("best_edp", result.best().edp());
    report.put("edp_reduction", result.edpReduction());
    report.set("baseline", HwJson.report(result.baseline()));
    report.set("best", HwJson.report(result.best().report()));
    report.put("pareto_size", result.paretoFront().size());
    if (out != null) {
      Files.createDirectories(out);
      Files.writeString(out.resolve("pareto.csv"), result.paretoCsv());
      ParetoChart.write(out.resolve("pareto.png"), result.space() + ": " + result.evaluated().size()
          + " designs, " + workload.name(), points(result.evaluated().stream().filter(Candidate::feasible).toList()),
          points(result.paretoFront()), point(result.baseline()));
      report.put("pareto_png", out.resolve("pareto.png").toString());
      JsonReport.write(report, out.resolve("search.json"));
      report.put("pareto_csv", out.resolve("pareto.csv").toString());
    }
    if (json) {
      JsonReport.printLine(report, stdout);
    } else {
      stdout.printf("baseline %s EDP %.4e J*s%n", result.baseline().configuration(),
          result.baseline().energyDelayProduct());
      stdout.printf("best     %s EDP %.4e J*s%n", result.best().report().configuration(), result.best().edp());
      stdout.printf("EDP reduction %.2fx over %d designs; Pareto front of %d%n", result.edpReduction(),
          result.evaluated().size(), result.paretoFront().size());
    }
    return 0;
  }

  private static List<double[]> points(List<Candidate> candidates) {
    return candidates.stream().map(c -> point(c.report())).sorted(Comparator.comparingDouble(p -> p[0])).toList();
  }

  private static double[] point(HardwareReport report) {
    return new double[] {report.latencySeconds() * 1e6, report.energyPicojoules() * 1e-6};
  }
}
