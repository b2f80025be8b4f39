package org.snncodesign.flow.search;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.snncodesign.api.energy.StaticPower;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.flow.measure.NetworkSource;
import org.snncodesign.flow.report.AccuracyParetoChart;
import org.snncodesign.flow.report.HardwareFigures;
import org.snncodesign.flow.report.ParetoChart;
import org.snncodesign.flow.report.ParetoCsv;
import org.snncodesign.flow.report.StagedOutput;
import org.snncodesign.fpga.search.Candidate;
import org.snncodesign.fpga.search.CandidateEvaluator;
import org.snncodesign.fpga.search.NetworkVariant;
import org.snncodesign.fpga.search.SearchResult;
import org.snncodesign.learning.surrogate.SpikingNetworkJson;

/**
 * Runs a {@link CoSearchPlan} and reports it, the one code path of {@code snn hw search} and {@code
 * snn-spark.jar hw-search}: the network's workload is measured here, the candidates are evaluated
 * by the given {@link CandidateEvaluator} (in process, or Spark tasks), and the report ({@link
 * CoSearchReport}), the Pareto fronts as CSV and PNG and {@code search.json} are written into an
 * output folder when one is given. The same plan gives the same report, whatever the evaluator.
 */
public final class CoSearchRun {
  private final CoSearchPlan plan;
  private final PluginRegistry registry;
  private final CoDesignSearch search;
  private final PrintStream progress;

  /**
   * A run of {@code plan} whose candidates {@code evaluator} evaluates.
   *
   * @param progress told what the search is doing, one line at a time (e.g. standard error)
   * @throws org.snncodesign.api.InvalidInputException when the accelerator is unknown, declares no
   *     design space, or the budget is unknown (checked here, before any work)
   */
  public CoSearchRun(
      CoSearchPlan plan,
      PluginRegistry registry,
      CandidateEvaluator evaluator,
      PrintStream progress) {
    this.plan = plan;
    this.registry = registry;
    this.search = new CoDesignSearch(plan.settings(), registry, evaluator, progress);
    this.progress = progress;
  }

  /**
   * What a run gives.
   *
   * @param report the report
   * @param summary the report in a few lines of text, for a terminal
   */
  public record Outcome(CoSearchReport report, List<String> summary) {
    /** Copies the summary. */
    public Outcome {
      summary = List.copyOf(summary);
    }
  }

  /**
   * Runs the search.
   *
   * @param out folder for {@code pareto.csv}, {@code pareto.png}, {@code search.json} (and for a
   *     joint search {@code pareto-accuracy.csv}, {@code pareto-accuracy.png}), created if missing;
   *     null for none
   * @throws IOException when the network or its data set cannot be read, or an output not written
   */
  public Outcome run(Path out) throws IOException {
    return plan.networkGenes() ? joint(out) : acceleratorOnly(out);
  }

  private Outcome acceleratorOnly(Path out) throws IOException {
    long seed = plan.settings().search().seed();
    Workload workload =
        plan.network().measure(seed, plan.settings().firstLayer(), registry, progress).priced();
    SearchResult result = search.acceleratorOnly(workload);
    NetworkSource.Dataset dataset = plan.network().reportedDataset().orElse(null);
    String paretoPng = out == null ? null : writeLatencyFront(out, result, workload.name());
    CoSearchReport report =
        new CoSearchReport(
            searchReport(result, workload.name(), HardwareFigures.of(result.best().report())),
            dataset,
            null,
            out == null ? null : new CoSearchReport.Files(paretoPng, shown(out, "pareto.csv")));
    if (out != null) {
      report.write(out.resolve("search.json"));
    }
    List<String> summary =
        List.of(
            String.format(
                Locale.ROOT,
                "baseline %s EDP %.4e J*s",
                result.baseline().configuration(),
                result.baseline().energyDelayProduct()),
            String.format(
                Locale.ROOT,
                "best     %s EDP %.4e J*s",
                result.best().report().configuration(),
                result.best().edp()),
            String.format(
                Locale.ROOT,
                "EDP reduction %.2fx over %d designs; Pareto front of %d",
                result.edpReduction(),
                result.evaluated().size(),
                result.paretoFront().size()));
    return new Outcome(report, summary);
  }

  private Outcome joint(Path out) throws IOException {
    NetworkSource.Trained source = (NetworkSource.Trained) plan.network();
    CoDesignSearch.JointResult found =
        search.joint(
            new CoDesignSearch.TrainedNetwork(
                source.network() == null
                    ? null
                    : SpikingNetworkJson.read(source.network(), registry),
                source.dataset(),
                source.dataDir()));
    SearchResult result = found.joint();
    SearchResult alone = found.acceleratorOnly();
    NetworkVariant reference = found.reference();
    Candidate best = found.best();
    String name = found.network();
    String paretoPng = null;
    String paretoAccuracyPng = null;
    if (out != null) {
      paretoPng = writeLatencyFront(out, result, name);
      ParetoCsv.writeAccuracyFront(out.resolve("pareto-accuracy.csv"), result);
      AccuracyParetoChart.write(
          out.resolve("pareto-accuracy.png"), result, name, reference.accuracy());
      paretoAccuracyPng = shown(out, "pareto-accuracy.png");
    }
    CoSearchReport.Joint joint =
        new CoSearchReport.Joint(
            name,
            plan.settings().firstLayer().note(),
            plan.settings().fineTuneEpochs(),
            found.validationSamples(),
            found.testSamples(),
            plan.settings().maxAccuracyDrop(),
            result.minAccuracy(),
            reference.accuracy(),
            best.accuracy(),
            found.baselineTestAccuracy(),
            found.bestTestAccuracy(),
            found.networkVariants(),
            found.rejectedForAccuracy(),
            new CoSearchReport.AcceleratorOnly(
                alone.best().edp(),
                alone.edpReduction(),
                alone.evaluated().size(),
                HardwareFigures.of(alone.best().report())),
            found.networkGenesGain(),
            reference.configuration(),
            result.accuracyFront().size());
    CoSearchReport report =
        new CoSearchReport(
            searchReport(
                result,
                reference.workload().name(),
                HardwareFigures.of(best.report()).withNetwork(best.network().configuration())),
            source.reportedDataset().orElseThrow(),
            joint,
            out == null
                ? null
                : new CoSearchReport.Files(
                    paretoPng,
                    shown(out, "pareto.csv"),
                    paretoAccuracyPng,
                    shown(out, "pareto-accuracy.csv")));
    if (out != null) {
      report.write(out.resolve("search.json"));
    }
    List<String> summary =
        List.of(
            String.format(
                Locale.ROOT,
                "baseline %s on the unmodified network (%.2f %%) EDP %.4e J*s",
                result.baseline().configuration(),
                100 * reference.accuracy(),
                result.baseline().energyDelayProduct()),
            String.format(
                Locale.ROOT,
                "accelerator only: EDP %.4e J*s, reduction %.2fx",
                alone.best().edp(),
                alone.edpReduction()),
            String.format(
                Locale.ROOT,
                "joint: %s %s (%.2f %% validation, %.2f %% test vs %.2f %%) EDP %.4e J*s",
                best.report().configuration(),
                best.network().configuration(),
                100 * best.accuracy(),
                100 * found.bestTestAccuracy(),
                100 * found.baselineTestAccuracy(),
                best.edp()),
            String.format(
                Locale.ROOT,
                "EDP reduction %.2fx (accelerator only %.2fx) over %d designs; %d rejected for "
                    + "accuracy",
                result.edpReduction(),
                alone.edpReduction(),
                result.evaluated().size(),
                found.rejectedForAccuracy()));
    return new Outcome(report, summary);
  }

  /** What every search reports of {@code result}, whose best design's report is {@code best}. */
  private CoSearchReport.Search searchReport(
      SearchResult result, String workload, HardwareFigures best) {
    return new CoSearchReport.Search(
        result.space(),
        workload,
        plan.settings().budget(),
        plan.settings().search().seed(),
        staticEnergy(),
        result.evaluated().size(),
        result.baseline().energyDelayProduct(),
        result.best().edp(),
        result.edpReduction(),
        HardwareFigures.of(result.baseline()),
        best,
        result.paretoFront().size());
  }

  private String staticEnergy() {
    return plan.settings().search().staticPower() == StaticPower.INCLUDED
        ? "included"
        : "excluded (reported apart)";
  }

  /** Writes {@code pareto.csv} and {@code pareto.png} into {@code out}; the chart's shown path. */
  private static String writeLatencyFront(Path out, SearchResult result, String workload)
      throws IOException {
    Files.createDirectories(out);
    ParetoCsv.writeLatencyFront(out.resolve("pareto.csv"), result);
    ParetoChart.write(out.resolve("pareto.png"), result, workload);
    return shown(out, "pareto.png");
  }

  /**
   * Where file {@code name} of {@code out} ends up, for the report (not the staging folder it is
   * written in).
   */
  private static String shown(Path out, String name) {
    return StagedOutput.shown(out.resolve(name)).toString();
  }
}
