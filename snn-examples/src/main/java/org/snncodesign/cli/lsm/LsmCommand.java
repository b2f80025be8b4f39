package org.snncodesign.cli.lsm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.learning.LearningRule;
import org.snncodesign.api.neuron.NeuronModel;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.flow.report.LsmCurveChart;
import org.snncodesign.flow.report.StagedOutput;
import org.snncodesign.flow.lsm.LeaveOneSpeakerOut;
import org.snncodesign.flow.lsm.LiquidPlasticity;
import org.snncodesign.flow.lsm.LsmTask;
import org.snncodesign.learning.lsm.Liquid;
import org.snncodesign.learning.lsm.LiquidParameters;
import org.snncodesign.learning.lsm.LiquidSimulator;
import org.snncodesign.learning.lsm.pruning.InactiveNeuronPruner;
import org.snncodesign.learning.lsm.pruning.NeuronRanking;
import org.snncodesign.learning.lsm.pruning.PruningPoint;
import org.snncodesign.learning.lsm.pruning.PruningStudy;
import org.snncodesign.learning.lsm.readout.ReadoutKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code snn lsm}: a liquid state machine on digits or FSDD, before and after inactive-neuron pruning.
 *
 * <p>Builds a Maass-style LIF liquid, trains a ridge or logistic readout (lambda, and the number of state time
 * bins if several are given, by 3-fold cross-validation on the training part), ranks neurons by activity on the
 * training set (or by readout weight, or by Fisher ratio), keeps the given fraction in one shot or in
 * {@code --rounds} prune-retrain-rank rounds (with optional adaptive re-connection and drive balancing),
 * re-simulates and retrains, and prints the before/after table. With {@code --curve} it evaluates several kept
 * fractions (one iterative run through them with {@code --rounds > 1}) and writes the accuracy-versus-size CSV
 * and a PNG chart next to it. With
 * {@code --split speaker} (FSDD) it runs leave-one-speaker-out: one fold per speaker, activity ranking on each
 * fold's training speakers, lambda fixed to the value cross-validation picks on the first fold.
 */
@Command(name = "lsm", mixinStandardHelpOptions = true, subcommands = {LsmSaStlCommand.class, LsmHardwareCommand.class},
    description = "Liquid state machine with a ridge or logistic readout, before and after inactive-neuron pruning.")
public final class LsmCommand implements Callable<Integer> {

  @Option(names = "--dataset", defaultValue = "digits", description = "digits, fsdd or mnist (default digits).")
  String dataset;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "fsdd: the recordings folder (required); mnist: the folder of the IDX files (required); "
          + "digits: a UCI digits CSV file (default: the embedded copy).")
  Path dataDir;

  @Option(names = "--encoding", defaultValue = "rate",
      description = "fsdd: spike coding of the mel band envelopes, rate or bsa (Ben's Spiker Algorithm; "
          + "default rate).")
  String encoding;

  @Option(names = "--split", defaultValue = "official",
      description = "official (digits: every 4th sample held out; fsdd: takes 0-4 held out) or speaker "
          + "(fsdd: leave one speaker out).")
  String split;

  @Option(names = "--liquid", defaultValue = "1000", description = "Liquid neurons (default 1000).")
  int neurons;

  @Option(names = "--rule", paramLabel = "PLUGIN",
      description = "Learning-rule plugin (e.g. stdp) that adapts the liquid's input synapses on the training "
          + "samples before the readout is trained; see snn plugins. Default: none.")
  String rule;

  @Option(names = "--rule-epochs", defaultValue = "1", description = "Passes of --rule over the training samples.")
  int ruleEpochs;

  @Option(names = "--rule-param", paramLabel = "NAME=VALUE",
      description = "A parameter of --rule, e.g. --rule-param a_plus=0.005 (repeatable).")
  Map<String, Double> ruleParameters = new LinkedHashMap<>();

  @Option(names = "--neuron", defaultValue = "lif", paramLabel = "PLUGIN",
      description = "Neuron model plugin of the liquid (two input channels, excitatory and inhibitory); see snn "
          + "plugins. Default: ${DEFAULT-VALUE}.")
  String neuron;

  @Option(names = "--prune", defaultValue = "0.25",
      description = "Fraction of liquid neurons kept after pruning, in (0, 1] (default 0.25 = 4x fewer).")
  double keep;

  @Option(names = "--ranking", defaultValue = "activity",
      description = "activity (inactive-neuron pruning), readout-weight or fisher (default activity).")
  String ranking;

  @Option(names = "--rewire", description = "Re-wire removed neurons' synapses to the nearest kept neuron.")
  boolean rewire;

  @Option(names = "--fan-in",
      description = "With --rewire: re-wire only up to each kept neuron's old fan-in (synapses shrink with neurons).")
  boolean fanIn;

  @Option(names = "--balance",
      description = "Rescale kept neurons' recurrent weights to their summed drive before pruning (capped 4x).")
  boolean balance;

  @Option(names = "--rounds", defaultValue = "1",
      description = "Prune-retrain-rank rounds down to --prune, kept count falling geometrically (default 1).")
  int rounds;

  @Option(names = "--readout", defaultValue = "ridge",
      description = "ridge (closed form) or logistic (softmax, L2), both with cross-validated lambda (default ridge).")
  String readout;

  @Option(names = "--logistic-iterations", defaultValue = "" + ReadoutKind.DEFAULT_LOGISTIC_ITERATIONS,
      description = "Accelerated-gradient steps of the logistic readout (default 150; FSDD's 8000 features need "
          + "about 600 to converge).")
  int logisticIterations;

  @Option(names = "--curve", split = ",", paramLabel = "F",
      description = "Kept fractions of an accuracy-vs-size curve (official split), e.g. 0.5,0.35,0.25,0.15; with "
          + "--rounds > 1 one iterative run through them.")
  double[] curve;

  @Option(names = "--csv", paramLabel = "FILE",
      description = "Write the curve as CSV (with --curve), and its chart as a PNG of the same name.")
  Path csv;

  @Option(names = "--bins", split = ",", paramLabel = "B",
      description = "Liquid-state time bins (default 4 digits, 8 fsdd); several (each dividing the largest), e.g. "
          + "4,8: chosen per liquid by cross-validation.")
  int[] bins;

  @Option(names = "--tail", defaultValue = "10",
      description = "Steps simulated after each input ends, the liquid's fading memory (default 10).")
  int tail;

  @Option(names = "--max-samples", defaultValue = "0", description = "Use at most this many samples (0: all).")
  int maxSamples;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the liquid (default 1).")
  long seed;

  @Option(names = "--json", description = "Print one JSON object as the last line of standard output.")
  boolean json;

  public LsmCommand() {}

  private static void progress(String line) {
    System.err.println(line);
  }

  @Override
  public Integer call() throws IOException {
    ObjectNode report = report();
    PrintStream out = System.out;
    out.printf(Locale.ROOT, "%-22s %12s %12s%n", report.get("dataset").asText() + " (" + report.get("split").asText()
        + ")", "before", "after");
    for (String[] row : new String[][] {{"neurons", "neurons_before", "neurons_after"},
        {"synapses", "synapses_before", "synapses_after"},
        {"readout parameters", "readout_parameters_before", "readout_parameters_after"},
        {"bytes", "bytes_before", "bytes_after"}, {"accuracy", "accuracy_before", "accuracy_after"}}) {
      if (report.has(row[1])) {
        out.printf(Locale.ROOT, "%-22s %12s %12s%n", row[0], cell(report.get(row[1])), cell(report.get(row[2])));
      }
    }
    if (json) {
      JsonReport.printLine(report, out);
    }
    return 0;
  }

  // Accuracies print as percentages with two decimals; counts print as they are.
  private static String cell(JsonNode value) {
    return value.isFloatingPointNumber() ? String.format(Locale.ROOT, "%.2f %%", 100 * value.asDouble())
        : value.asText();
  }

  /** Runs the study the options describe and returns its report; progress goes to standard error. */
  ObjectNode report() throws IOException {
    if (!(keep > 0 && keep <= 1)) {
      throw new InvalidInputException("--prune must be a kept fraction in (0, 1], got " + keep);
    }
    NeuronRanking rank = switch (ranking) {
      case "activity" -> NeuronRanking.ACTIVITY;
      case "readout-weight" -> NeuronRanking.READOUT_WEIGHT;
      case "fisher" -> NeuronRanking.FISHER;
      default -> throw new InvalidInputException("--ranking must be activity, readout-weight or fisher, got "
          + ranking);
    };
    ReadoutKind kind = switch (readout) {
      case "ridge" -> ReadoutKind.RIDGE;
      case "logistic" -> {
        if (logisticIterations < 1) {
          throw new InvalidInputException("--logistic-iterations must be >= 1, got " + logisticIterations);
        }
        yield ReadoutKind.logistic(logisticIterations);
      }
      default -> throw new InvalidInputException("--readout must be ridge or logistic, got " + readout);
    };
    if (rounds < 1) {
      throw new InvalidInputException("--rounds must be >= 1, got " + rounds);
    }
    if (fanIn && !rewire) {
      throw new InvalidInputException("--fan-in limits re-connection: give it with --rewire");
    }
    PruningStudy.Method method = new PruningStudy.Method(rank, rewire, fanIn, balance, rounds);
    LsmTask task = switch (dataset) {
      case "digits" -> LsmTask.digits(dataDir, maxSamples);
      case "fsdd" -> {
        if (dataDir == null) {
          throw new InvalidInputException("--dataset fsdd needs --data-dir, the folder of Free Spoken Digit Dataset "
              + "WAV files named {digit}_{speaker}_{index}.wav");
        }
        yield LsmTask.fsdd(dataDir, maxSamples, encoding, LsmCommand::progress);
      }
      case "mnist" -> LsmTask.mnist(dataDir, maxSamples, LsmCommand::progress);
      default -> throw new InvalidInputException("--dataset must be digits, fsdd or mnist, got " + dataset);
    };
    int[] binChoices = bins == null || bins.length == 0 ? new int[] {task.bins()} : bins.clone();
    Arrays.sort(binChoices);
    for (int b : binChoices) {
      if (b < 1 || binChoices[binChoices.length - 1] % b != 0) {
        throw new InvalidInputException("--bins must be positive and divide the largest, got "
            + Arrays.toString(bins));
      }
    }
    int stateBins = binChoices[0];
    Liquid liquid = Liquid.create(LiquidParameters.builder().neurons(neurons).inputChannels(task.channels())
        .inputProbability(task.channels() > 8 ? 0.1 : 0.3).seed(seed)
        .neuronModel(PluginRegistry.discover().require(NeuronModel.class, neuron)).build());
    if (rule != null) {
      liquid = plastic(task, liquid);
    }
    progress(task.name() + ": " + task.labels().length + " samples, " + liquid);
    ObjectNode report = JsonReport.create("lsm");
    report.put("dataset", task.name());
    report.put("liquid", liquid.toString());
    report.put("neuron_model", liquid.parameters().neuronModel().name());
    if (plasticity != null) {
      ObjectNode node = report.putObject("plasticity");
      node.put("rule", rule);
      node.put("presentations", plasticity.presentations());
      node.put("potentiated", plasticity.potentiated());
      node.put("depressed", plasticity.depressed());
      node.put("total_change", plasticity.totalChange());
      plasticity.parameters().entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> node.with("parameters").put(e.getKey(), e.getValue()));
    }
    report.put("bins", Arrays.toString(binChoices));
    report.put("readout", kind.label());
    report.put("readout_iterations", kind.iterations());
    report.put("method", method.label());
    report.put("tail_steps", tail);
    report.put("ranking", ranking);
    report.put("rewired", rewire);
    report.put("keep_fraction", keep);
    switch (split) {
      case "official" -> official(task, liquid, method, kind, binChoices, report);
      case "speaker" -> {
        if (binChoices.length > 1 || kind != ReadoutKind.RIDGE || rounds > 1 || rank != NeuronRanking.ACTIVITY) {
          throw new InvalidInputException("--split speaker runs one-shot activity pruning with a ridge readout and "
              + "one bin count");
        }
        speakers(task, liquid, stateBins, report);
      }
      default -> throw new InvalidInputException("--split must be official or speaker, got " + split);
    }
    return report;
  }

  private void official(LsmTask task, Liquid liquid, PruningStudy.Method method, ReadoutKind kind,
      int[] binChoices, ObjectNode report) throws IOException {
    int[] train = task.select(task.officialTest(), false);
    int[] test = task.select(task.officialTest(), true);
    report.put("split", task.officialSplit());
    report.put("train_samples", train.length);
    report.put("test_samples", test.length);
    double[] lambdas = kind.defaultLambdas();
    PruningStudy study = new PruningStudy(task.inputsOf(train), task.labelsOf(train), task.inputsOf(test),
        task.labelsOf(test), task.classes(), binChoices[binChoices.length - 1], tail, kind, lambdas, 3, seed,
        LsmCommand::progress).withBinChoices(binChoices);
    long start = System.nanoTime();
    progress("evaluating the full liquid ...");
    PruningStudy.Evaluation full = study.evaluate(liquid, 1, method.ranking(), false, 0);
    PruningStudy.Run curveRun = null;
    List<PruningStudy.Evaluation> afterRounds;
    double[] shared = method.rounds() > 1 && curve != null && curve.length > 0
        ? sharedSchedule(curve, keep, method.rounds()) : null;
    if (shared != null) {
      // The iterative curve passes through the --prune schedule first: one run gives both.
      progress("pruning through " + Arrays.toString(shared) + " (" + method.label() + ") ...");
      curveRun = study.pruneThrough(liquid, full, shared, method);
      afterRounds = curveRun.rounds().subList(0, method.rounds() + 1);
    } else {
      progress("pruning to " + keep + " (" + method.label() + ") ...");
      afterRounds = study.prune(liquid, full, keep, method).rounds();
    }
    PruningStudy.Evaluation after = afterRounds.get(afterRounds.size() - 1);
    report.put("inactive_neurons", InactiveNeuronPruner.countInactive(full.activity(), 1));
    put(report, "before", full.point());
    put(report, "after", after.point());
    report.put("simulation_seconds_before", full.simulationSeconds());
    report.put("simulation_seconds_after", after.simulationSeconds());
    ArrayNode roundArray = report.putArray("rounds");
    for (PruningStudy.Evaluation e : afterRounds) {
      node(roundArray, e.point());
    }
    if (curve != null && curve.length > 0) {
      List<PruningPoint> points = curveRun != null
          ? curveRun.rounds().stream().map(PruningStudy.Evaluation::point).toList()
          : curve(study, liquid, full, method);
      ArrayNode array = report.putArray("curve");
      StringBuilder text = new StringBuilder(PruningPoint.CSV_HEADER).append('\n');
      for (PruningPoint p : points) {
        text.append(p.csvRow()).append('\n');
        node(array, p);
      }
      if (csv != null) {
        Path parent = csv.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(csv, text, StandardCharsets.UTF_8);
        report.put("csv", StagedOutput.shown(csv).toString());
        Path png = pngNextTo(csv);
        LsmCurveChart.write(png, task.name() + ", " + liquid.neurons() + "-neuron liquid: accuracy vs size ("
            + method.label() + ", " + kind.label() + ")", points);
        report.put("chart", StagedOutput.shown(png).toString());
      }
    }
    report.put("wall_seconds", (System.nanoTime() - start) / 1e9);
  }

  /**
   * The curve's points: the full liquid, then the method at every fraction (one shot each, plus plain one-shot
   * pruning for comparison when the method re-wires), or with {@code --rounds > 1} one iterative run through the
   * fractions in descending order.
   */
  private List<PruningPoint> curve(PruningStudy study, Liquid liquid, PruningStudy.Evaluation full,
      PruningStudy.Method method) {
    for (double f : curve) {
      if (!(f > 0 && f <= 1)) {
        throw new InvalidInputException("--curve fractions must be in (0, 1], got " + f);
      }
    }
    List<PruningPoint> points = new ArrayList<>();
    points.add(full.point());
    if (method.rounds() > 1) {
      double[] schedule = descending(curve);
      progress("curve: one iterative run through " + Arrays.toString(schedule) + " ...");
      List<PruningStudy.Evaluation> rounds = study.pruneThrough(liquid, full, schedule, method).rounds();
      rounds.subList(1, rounds.size()).forEach(e -> points.add(e.point()));
      return points;
    }
    PruningStudy.Method plain = PruningStudy.Method.oneShot(method.ranking(), false);
    for (double f : curve) {
      progress("curve: one-shot pruning to " + f + " ...");
      if (!plain.equals(method)) {
        points.add(study.prune(liquid, full, f, plain).last());
      }
      points.add(study.prune(liquid, full, f, method).last());
    }
    return points;
  }

  /** The curve's fractions, largest first. */
  private static double[] descending(double[] fractions) {
    return Arrays.stream(fractions).boxed().sorted(java.util.Comparator.reverseOrder())
        .mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * The curve's fractions, largest first, with the first {@code rounds} replaced by the geometric schedule to
   * {@code keep} ({@code keep^(r / rounds)}, e.g. 0.7071, 0.5, 0.3536, 0.25 for 4 rounds to 0.25) when each is
   * within 0.5 % of it, so that one iterative run gives both the --prune result and the curve; {@code null} when
   * the curve does not start with that schedule. The tolerance matters for large liquids: 0.354 x 2000 rounds to
   * 708 neurons where the schedule has 707, and comparing neuron counts exactly would run the pruning twice.
   */
  static double[] sharedSchedule(double[] curve, double keep, int rounds) {
    double[] schedule = descending(curve);
    if (schedule.length < rounds) {
      return null;
    }
    for (int r = 1; r <= rounds; r++) {
      double geometric = Math.pow(keep, (double) r / rounds);
      if (Math.abs(schedule[r - 1] / geometric - 1) > 0.005) {
        return null;
      }
      schedule[r - 1] = geometric;
    }
    return schedule;
  }

  /** {@code curve.csv} -> {@code curve.png} in the same folder. */
  static Path pngNextTo(Path csvFile) {
    String name = csvFile.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return csvFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".png");
  }

  private static void node(ArrayNode array, PruningPoint p) {
    ObjectNode node = array.addObject();
    node.put("keep_fraction", p.keepFraction());
    node.put("rewired", p.rewired());
    node.put("rounds", p.rounds());
    node.put("neurons", p.size().neurons());
    node.put("synapses", p.size().synapses());
    node.put("bytes", p.size().bytes());
    node.put("bins", p.bins());
    node.put("cv_accuracy", p.cvAccuracy());
    node.put("test_accuracy", p.testAccuracy());
  }

  private static void put(ObjectNode report, String suffix, PruningPoint p) {
    report.put("accuracy_" + suffix, p.testAccuracy());
    report.put("cv_accuracy_" + suffix, p.cvAccuracy());
    report.put("neurons_" + suffix, p.size().neurons());
    report.put("synapses_" + suffix, p.size().synapses());
    report.put("input_synapses_" + suffix, p.size().inputSynapses());
    report.put("readout_parameters_" + suffix, p.size().readoutParameters());
    report.put("bytes_" + suffix, p.size().bytes());
    report.put("lambda_" + suffix, p.lambda());
    report.put("mean_rate_hz_" + suffix, p.meanRateHz());
    report.put("bins_" + suffix, p.bins());
  }

  /** Leave-one-speaker-out with activity ranking per fold. */
  private LiquidPlasticity.Result plasticity;

  /** The liquid after --rule adapted its input synapses on the training samples (never the held-out ones). */
  private Liquid plastic(LsmTask task, Liquid liquid) {
    LearningRule learningRule = PluginRegistry.discover().require(LearningRule.class, rule);
    List<SpikeRaster> training = task.inputsOf(task.select(task.officialTest(), false));
    progress("adapting the input synapses with " + rule + " on " + training.size() + " training samples x "
        + ruleEpochs + " ...");
    try {
      plasticity = LiquidPlasticity.adaptInputs(liquid, learningRule, ruleParameters, training, ruleEpochs, tail);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("--rule " + rule + ": " + e.getMessage());
    }
    return plasticity.adapted();
  }

  private void speakers(LsmTask task, Liquid liquid, int stateBins, ObjectNode report) {
    long start = System.nanoTime();
    LeaveOneSpeakerOut.Result result;
    try {
      result = LeaveOneSpeakerOut.run(task, liquid, new LeaveOneSpeakerOut.Settings(tail, stateBins, keep, rewire,
          fanIn, balance, seed), LsmCommand::progress);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("--split speaker: " + e.getMessage());
    }
    report.put("split", "leave one speaker out (" + result.folds().size() + " folds)");
    ArrayNode folds = report.putArray("folds");
    for (LeaveOneSpeakerOut.Fold f : result.folds()) {
      ObjectNode fold = folds.addObject();
      fold.put("speaker", f.speaker());
      fold.put("test_samples", f.testSamples());
      fold.put("accuracy_before", f.accuracyBefore());
      fold.put("accuracy_after", f.accuracyAfter());
    }
    report.put("lambda", result.lambda());
    report.put("accuracy_before", result.accuracyBefore());
    report.put("accuracy_after", result.accuracyAfter());
    report.put("neurons_before", liquid.neurons());
    report.put("neurons_after", result.neuronsAfter());
    report.put("synapses_before", liquid.synapses());
    // Pruned liquids differ per fold; the last fold's is reported (the kept count is the same in every fold).
    report.put("synapses_after", result.synapsesAfter());
    report.put("wall_seconds", (System.nanoTime() - start) / 1e9);
  }
}
