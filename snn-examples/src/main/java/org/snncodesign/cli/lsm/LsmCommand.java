package org.snncodesign.cli.lsm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.cli.data.DataOptions;
import org.snncodesign.flow.lsm.LsmReport;
import org.snncodesign.flow.lsm.LsmStudy;
import org.snncodesign.flow.lsm.LsmTask;
import org.snncodesign.flow.report.LsmCurveChart;
import org.snncodesign.flow.report.PngFile;
import org.snncodesign.flow.report.PruningCurveCsv;
import org.snncodesign.flow.report.StagedOutput;
import org.snncodesign.learning.lsm.pruning.NeuronRanking;
import org.snncodesign.learning.lsm.pruning.PruningPoint;
import org.snncodesign.learning.lsm.pruning.PruningStudy;
import org.snncodesign.learning.lsm.readout.ReadoutKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code snn lsm}: a liquid state machine on digits or FSDD, before and after inactive-neuron
 * pruning.
 *
 * <p>Builds a Maass-style LIF liquid, trains a ridge or logistic readout (lambda, and the number of
 * state time bins if several are given, by 3-fold cross-validation on the training part), ranks
 * neurons by activity on the training set (or by readout weight, or by Fisher ratio), keeps the
 * given fraction in one shot or in {@code --rounds} prune-retrain-rank rounds (with optional
 * adaptive re-connection and drive balancing), re-simulates and retrains, and prints the
 * before/after table. With {@code --curve} it evaluates several kept fractions (one iterative run
 * through them with {@code --rounds > 1}) and writes the accuracy-versus-size CSV and a PNG chart
 * next to it. With {@code --split speaker} (FSDD) it runs leave-one-speaker-out: one fold per
 * speaker, activity ranking on each fold's training speakers, lambda fixed to the value
 * cross-validation picks on the first fold.
 */
@Command(
    name = "lsm",
    mixinStandardHelpOptions = true,
    subcommands = {LsmSaStlCommand.class, LsmHardwareCommand.class},
    description =
        "Liquid state machine with a ridge or logistic readout, before and after inactive-neuron pruning.")
public final class LsmCommand implements Callable<Integer> {

  @Mixin DataOptions dataOptions;

  @Option(
      names = "--encoding",
      defaultValue = "rate",
      description =
          "fsdd: spike coding of the mel band envelopes, rate or bsa (Ben's Spiker Algorithm; "
              + "default rate).")
  String encoding;

  @Option(
      names = "--split",
      defaultValue = "official",
      description =
          "official (digits: every 4th sample held out; fsdd: takes 0-4 held out) or speaker "
              + "(fsdd: leave one speaker out).")
  String split;

  @Option(names = "--liquid", defaultValue = "1000", description = "Liquid neurons (default 1000).")
  int neurons;

  @Option(
      names = "--rule",
      paramLabel = "PLUGIN",
      description =
          "Learning-rule plugin (e.g. stdp) that adapts the liquid's input synapses on the training "
              + "samples before the readout is trained; see snn plugins. Default: none.")
  String rule;

  @Option(
      names = "--rule-epochs",
      defaultValue = "1",
      description = "Passes of --rule over the training samples.")
  int ruleEpochs;

  @Option(
      names = "--rule-param",
      paramLabel = "NAME=VALUE",
      description = "A parameter of --rule, e.g. --rule-param a_plus=0.005 (repeatable).")
  Map<String, Double> ruleParameters = new LinkedHashMap<>();

  @Option(
      names = "--neuron",
      defaultValue = "lif",
      paramLabel = "PLUGIN",
      description =
          "Neuron model plugin of the liquid (two input channels, excitatory and inhibitory); see snn "
              + "plugins. Default: ${DEFAULT-VALUE}.")
  String neuron;

  @Option(
      names = "--prune",
      defaultValue = "0.25",
      description =
          "Fraction of liquid neurons kept after pruning, in (0, 1] (default 0.25 = 4x fewer).")
  double keep;

  @Option(
      names = "--ranking",
      defaultValue = "activity",
      description =
          "activity (inactive-neuron pruning), readout-weight or fisher (default activity).")
  String ranking;

  @Option(
      names = "--rewire",
      description = "Re-wire removed neurons' synapses to the nearest kept neuron.")
  boolean rewire;

  @Option(
      names = "--fan-in",
      description =
          "With --rewire: re-wire only up to each kept neuron's old fan-in (synapses shrink with neurons).")
  boolean fanIn;

  @Option(
      names = "--balance",
      description =
          "Rescale kept neurons' recurrent weights to their summed drive before pruning (capped 4x).")
  boolean balance;

  @Option(
      names = "--rounds",
      defaultValue = "1",
      description =
          "Prune-retrain-rank rounds down to --prune, kept count falling geometrically (default 1).")
  int rounds;

  @Option(
      names = "--readout",
      defaultValue = "ridge",
      description =
          "ridge (closed form) or logistic (softmax, L2), both with cross-validated lambda (default ridge).")
  String readout;

  @Option(
      names = "--logistic-iterations",
      defaultValue = "" + ReadoutKind.DEFAULT_LOGISTIC_ITERATIONS,
      description =
          "Accelerated-gradient steps of the logistic readout (default 150; FSDD's 8000 features need "
              + "about 600 to converge).")
  int logisticIterations;

  @Option(
      names = "--curve",
      split = ",",
      paramLabel = "F",
      description =
          "Kept fractions of an accuracy-vs-size curve (official split), e.g. 0.5,0.35,0.25,0.15; with "
              + "--rounds > 1 one iterative run through them.")
  double[] curve;

  @Option(
      names = "--csv",
      paramLabel = "FILE",
      description =
          "Write the curve as CSV (with --curve), and its chart as a PNG of the same name.")
  Path csv;

  @Option(
      names = "--bins",
      split = ",",
      paramLabel = "B",
      description =
          "Liquid-state time bins (default 4 digits, 8 fsdd); several (each dividing the largest), e.g. "
              + "4,8: chosen per liquid by cross-validation.")
  int[] bins;

  @Option(
      names = "--tail",
      defaultValue = "10",
      description =
          "Steps simulated after each input ends, the liquid's fading memory (default 10).")
  int tail;

  @Option(
      names = "--max-samples",
      defaultValue = "0",
      description = "Use at most this many samples (0: all).")
  int maxSamples;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the liquid (default 1).")
  long seed;

  @Option(
      names = "--json",
      description = "Print one JSON object as the last line of standard output.")
  boolean json;

  private final PluginRegistry registry;

  /** With the plugins of the context class loader, as picocli builds it without Guice. */
  public LsmCommand() {
    this(PluginRegistry.discover());
  }

  /** With the plugins {@code snn} was started with ({@code --plugins}, the class path). */
  @Inject
  LsmCommand(PluginRegistry registry) {
    this.registry = registry;
  }

  private static void progress(String line) {
    System.err.println(line);
  }

  @Override
  public Integer call() throws IOException {
    ObjectNode report = report();
    PrintStream out = System.out;
    out.printf(
        Locale.ROOT,
        "%-22s %12s %12s%n",
        report.get("dataset").asText() + " (" + report.get("split").asText() + ")",
        "before",
        "after");
    for (List<String> row :
        List.of(
            List.of("neurons", "neurons_before", "neurons_after"),
            List.of("synapses", "synapses_before", "synapses_after"),
            List.of("readout parameters", "readout_parameters_before", "readout_parameters_after"),
            List.of("bytes", "bytes_before", "bytes_after"),
            List.of("accuracy", "accuracy_before", "accuracy_after"))) {
      if (report.has(row.get(1))) {
        out.printf(
            Locale.ROOT,
            "%-22s %12s %12s%n",
            row.get(0),
            cell(report.get(row.get(1))),
            cell(report.get(row.get(2))));
      }
    }
    if (json) {
      JsonReport.printLine(report, out);
    }
    return 0;
  }

  // Accuracies print as percentages with two decimals; counts print as they are.
  private static String cell(JsonNode value) {
    return value.isFloatingPointNumber()
        ? String.format(Locale.ROOT, "%.2f %%", 100 * value.asDouble())
        : value.asText();
  }

  /**
   * Runs the study the options describe and returns its report; progress goes to standard error.
   */
  private ObjectNode report() throws IOException {
    if (!(keep > 0 && keep <= 1)) {
      throw new InvalidInputException("--prune must be a kept fraction in (0, 1], got " + keep);
    }
    NeuronRanking rank =
        switch (ranking) {
          case "activity" -> NeuronRanking.ACTIVITY;
          case "readout-weight" -> NeuronRanking.READOUT_WEIGHT;
          case "fisher" -> NeuronRanking.FISHER;
          default ->
              throw new InvalidInputException(
                  "--ranking must be activity, readout-weight or fisher, got " + ranking);
        };
    ReadoutKind kind =
        switch (readout) {
          case "ridge" -> ReadoutKind.RIDGE;
          case "logistic" -> {
            if (logisticIterations < 1) {
              throw new InvalidInputException(
                  "--logistic-iterations must be >= 1, got " + logisticIterations);
            }
            yield ReadoutKind.logistic(logisticIterations);
          }
          default ->
              throw new InvalidInputException(
                  "--readout must be ridge or logistic, got " + readout);
        };
    if (rounds < 1) {
      throw new InvalidInputException("--rounds must be >= 1, got " + rounds);
    }
    if (fanIn && !rewire) {
      throw new InvalidInputException("--fan-in limits re-connection: give it with --rewire");
    }
    LsmStudy.Split splitKind =
        switch (split) {
          case "official" -> LsmStudy.Split.OFFICIAL;
          case "speaker" -> LsmStudy.Split.SPEAKER;
          default ->
              throw new InvalidInputException("--split must be official or speaker, got " + split);
        };
    LsmStudy.Settings settings =
        LsmStudy.Settings.builder()
            .neurons(neurons)
            .neuronModel(neuron)
            .plasticity(
                rule == null ? null : new LsmStudy.Plasticity(rule, ruleParameters, ruleEpochs))
            .keep(keep)
            .method(new PruningStudy.Method(rank, rewire, fanIn, balance, rounds))
            .readout(kind)
            .bins(bins == null ? List.of() : Arrays.stream(bins).boxed().toList())
            .curve(curve == null ? List.of() : Arrays.stream(curve).boxed().toList())
            .tailSteps(tail)
            .seed(seed)
            .split(splitKind)
            .build();
    DataOptions.Choice choice = dataOptions.resolve("digits");
    LsmTask task =
        LsmTask.load(
            choice.dataset(),
            choice.dataDir(),
            maxSamples,
            encoding,
            LsmCommand::progress,
            registry);
    LsmStudy.Result result = LsmStudy.run(task, settings, registry, LsmCommand::progress);
    return JsonReport.of("lsm", LsmReport.of(settings, result, curveFiles(task, result)));
  }

  /** Writes the curve's CSV and chart when both were asked for; null otherwise. */
  private LsmReport.CurveFiles curveFiles(LsmTask task, LsmStudy.Result result) throws IOException {
    if (csv == null || result.official() == null || result.official().curve().isEmpty()) {
      return null;
    }
    List<PruningPoint> points = result.official().curve();
    PruningCurveCsv.write(csv, points);
    Path png = PngFile.nextTo(csv);
    LsmCurveChart.write(
        png,
        task.name()
            + ", "
            + result.neurons()
            + "-neuron liquid: accuracy vs size ("
            + result.method()
            + ", "
            + result.readout()
            + ")",
        points);
    return new LsmReport.CurveFiles(
        StagedOutput.shown(csv).toString(), StagedOutput.shown(png).toString());
  }
}
