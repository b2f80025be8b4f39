package org.snncodesign.flow.lsm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.snncodesign.api.Checks;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.learning.LearningRule;
import org.snncodesign.api.neuron.NeuronModel;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.learning.lsm.Liquid;
import org.snncodesign.learning.lsm.pruning.InactiveNeuronPruner;
import org.snncodesign.learning.lsm.pruning.NeuronRanking;
import org.snncodesign.learning.lsm.pruning.PruningPoint;
import org.snncodesign.learning.lsm.pruning.PruningStudy;
import org.snncodesign.learning.lsm.readout.ReadoutKind;

/**
 * The liquid-state-machine study of {@code snn lsm}: a Maass-style liquid drawn for an {@link
 * LsmTask} (its neurons from a {@link NeuronModel} plugin), optionally with its input synapses
 * adapted by a {@link LearningRule} plugin on the training samples ({@link LiquidPlasticity}),
 * before and after inactive-neuron pruning.
 *
 * <p>With the {@link Split#OFFICIAL official split} a ridge or logistic readout is trained (lambda,
 * and the number of state time bins if several are given, by 3-fold cross-validation on the
 * training part), neurons are ranked, the given fraction is kept in one shot or in
 * prune-retrain-rank rounds ({@link PruningStudy}), and the pruned liquid is re-simulated and its
 * readout retrained. An accuracy-versus-size curve over several kept fractions is evaluated as well
 * when asked; with more than one round it is one iterative run through the fractions, shared with
 * the pruning itself when the curve starts with the rounds' geometric schedule ({@link
 * #sharedSchedule}). With the {@link Split#SPEAKER speaker split} the study is {@link
 * LeaveOneSpeakerOut}. The same settings give the same result, apart from the simulation and
 * wall-clock times.
 */
public final class LsmStudy {
  /** Folds of the cross-validation that chooses lambda and the number of bins. */
  private static final int CV_FOLDS = 3;

  /**
   * Relative distance within which a curve fraction is taken for the rounds' geometric schedule
   * value: large liquids need it, since 0.354 x 2000 rounds to 708 neurons where the schedule has
   * 707, and comparing neuron counts exactly would run the pruning twice.
   */
  private static final double SCHEDULE_TOLERANCE = 0.005;

  private LsmStudy() {}

  /** How the samples are split into training and test parts. */
  public enum Split {
    /** The task's fixed split ({@link LsmTask#officialTest()}). */
    OFFICIAL,
    /** Leave one speaker out ({@link LeaveOneSpeakerOut}): one fold per group of the task. */
    SPEAKER
  }

  /**
   * Unsupervised adaptation of the liquid's input synapses before the readout is trained.
   *
   * @param rule name of the {@link LearningRule} plugin
   * @param parameters the rule's parameters that override its defaults
   * @param epochs passes over the training samples, >= 1
   */
  public record Plasticity(String rule, Map<String, Double> parameters, int epochs) {
    public Plasticity {
      Checks.checkArgument(rule != null, "the plasticity needs a learning rule's name");
      Checks.positive(epochs, "rule epochs");
      parameters = Map.copyOf(parameters);
    }
  }

  /**
   * How the study runs; build with {@link #builder()}.
   *
   * @param neurons liquid neurons, >= 1
   * @param neuronModel name of the liquid's {@link NeuronModel} plugin
   * @param plasticity adaptation of the input synapses before the readout, or null for none
   * @param keep fraction of the liquid's neurons kept by pruning, in (0, 1]
   * @param method how neurons are ranked and removed (rounds, re-connection, drive balance)
   * @param readout the readout trained on the liquid states
   * @param bins liquid-state time bins to choose from by cross-validation, each dividing the
   *     largest; empty for the task's own ({@link LsmTask#bins()})
   * @param curve kept fractions of an accuracy-versus-size curve (official split), each in (0, 1];
   *     empty for none
   * @param tailSteps steps simulated after each input ends (the liquid's fading memory), >= 0
   * @param seed seed of the liquid and of the cross-validation folds
   * @param split how the samples are split; {@link Split#SPEAKER} takes one-shot activity pruning,
   *     a ridge readout and at most one bin count
   */
  public record Settings(
      int neurons,
      String neuronModel,
      Plasticity plasticity,
      double keep,
      PruningStudy.Method method,
      ReadoutKind readout,
      List<Integer> bins,
      List<Double> curve,
      int tailSteps,
      long seed,
      Split split) {
    public Settings {
      Checks.positive(neurons, "liquid neurons");
      Checks.checkArgument(
          neuronModel != null && method != null && readout != null && split != null,
          "neuron model, pruning method, readout and split must be given");
      Checks.checkArgument(
          keep > 0 && keep <= 1, "the kept fraction must be in (0, 1], got %s", keep);
      Checks.nonNegative(tailSteps, "tail steps");
      bins = List.copyOf(bins);
      curve = List.copyOf(curve);
      int most = bins.stream().mapToInt(Integer::intValue).max().orElse(1);
      for (int b : bins) {
        Checks.checkArgument(
            b >= 1 && most % b == 0,
            "bin counts must be positive and divide the largest, got %s",
            bins);
      }
      for (double f : curve) {
        Checks.checkArgument(f > 0 && f <= 1, "curve fractions must be in (0, 1], got %s", f);
      }
      Checks.checkArgument(
          split == Split.OFFICIAL
              || bins.size() <= 1
                  && readout == ReadoutKind.RIDGE
                  && method.rounds() == 1
                  && method.ranking() == NeuronRanking.ACTIVITY,
          "the speaker split runs one-shot activity pruning with a ridge readout and one bin count");
    }

    /**
     * A builder starting from a 1000-neuron {@code lif} liquid without plasticity, one-shot
     * activity pruning to 0.25, a ridge readout, the task's bins, no curve, 10 tail steps, seed 1
     * and the official split.
     */
    public static Builder builder() {
      return new Builder();
    }

    /** Builder for {@link Settings}. */
    public static final class Builder {
      private int neurons = 1000;
      private String neuronModel = "lif";
      private Plasticity plasticity;
      private double keep = 0.25;
      private PruningStudy.Method method =
          PruningStudy.Method.oneShot(NeuronRanking.ACTIVITY, false);
      private ReadoutKind readout = ReadoutKind.RIDGE;
      private List<Integer> bins = List.of();
      private List<Double> curve = List.of();
      private int tailSteps = 10;
      private long seed = 1;
      private Split split = Split.OFFICIAL;

      private Builder() {}

      /** Liquid neurons. */
      public Builder neurons(int value) {
        neurons = value;
        return this;
      }

      /** Name of the liquid's neuron model plugin. */
      public Builder neuronModel(String value) {
        neuronModel = value;
        return this;
      }

      /** Input plasticity before the readout, or null for none. */
      public Builder plasticity(Plasticity value) {
        plasticity = value;
        return this;
      }

      /** Fraction of neurons kept. */
      public Builder keep(double value) {
        keep = value;
        return this;
      }

      /** How neurons are pruned. */
      public Builder method(PruningStudy.Method value) {
        method = value;
        return this;
      }

      /** The readout. */
      public Builder readout(ReadoutKind value) {
        readout = value;
        return this;
      }

      /** Bin counts to choose from; empty for the task's. */
      public Builder bins(List<Integer> value) {
        bins = value;
        return this;
      }

      /** Kept fractions of the accuracy-versus-size curve; empty for none. */
      public Builder curve(List<Double> value) {
        curve = value;
        return this;
      }

      /** Steps simulated after each input. */
      public Builder tailSteps(int value) {
        tailSteps = value;
        return this;
      }

      /** Seed of the liquid and the cross-validation. */
      public Builder seed(long value) {
        seed = value;
        return this;
      }

      /** How the samples are split. */
      public Builder split(Split value) {
        split = value;
        return this;
      }

      /** The settings. */
      public Settings build() {
        return new Settings(
            neurons,
            neuronModel,
            plasticity,
            keep,
            method,
            readout,
            bins,
            curve,
            tailSteps,
            seed,
            split);
      }
    }
  }

  /**
   * What the learning rule did to the input synapses ({@link LiquidPlasticity.Result} without the
   * liquid).
   *
   * @param rule the rule's plugin name
   * @param presentations samples presented, over all epochs
   * @param potentiated synapse changes upwards
   * @param depressed synapse changes downwards
   * @param totalChange sum of absolute weight changes
   * @param parameters the rule's parameters as applied, sorted by name (Jackson leaves them out
   *     when there are none)
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  public record PlasticityReport(
      String rule,
      int presentations,
      long potentiated,
      long depressed,
      double totalChange,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Double> parameters) {}

  /**
   * The official split's outcome.
   *
   * @param split the split's description ({@link LsmTask#officialSplit()})
   * @param trainSamples samples of the training part
   * @param testSamples samples of the test part
   * @param inactiveNeurons neurons of the full liquid that never fired on the training part
   * @param before the full liquid
   * @param after the pruned liquid
   * @param simulationSecondsBefore time simulating the full liquid (a timing figure)
   * @param simulationSecondsAfter time simulating the pruned liquid (a timing figure)
   * @param rounds the full liquid, then the liquid after every pruning round
   * @param curve the accuracy-versus-size curve, the full liquid first; empty when none was asked
   *     for
   */
  public record Official(
      String split,
      int trainSamples,
      int testSamples,
      int inactiveNeurons,
      PruningPoint before,
      PruningPoint after,
      double simulationSecondsBefore,
      double simulationSecondsAfter,
      List<PruningPoint> rounds,
      List<PruningPoint> curve) {}

  /**
   * The study's outcome.
   *
   * @param dataset the task's name
   * @param liquid the liquid's description, as drawn (and adapted)
   * @param neuronModel its neuron model's name
   * @param neurons its neurons
   * @param synapses its recurrent synapses
   * @param plasticity what the learning rule did, or null without plasticity
   * @param bins the bin counts chosen from, ascending
   * @param readout the readout's label ({@link ReadoutKind#label()})
   * @param readoutIterations gradient steps of a logistic readout, 0 for ridge
   * @param method the pruning method's label ({@link PruningStudy.Method#label()})
   * @param official the official split's outcome, or null for the speaker split
   * @param speakers the leave-one-speaker-out outcome, or null for the official split
   * @param wallSeconds time the readouts and the pruning took (a timing figure)
   */
  public record Result(
      String dataset,
      String liquid,
      String neuronModel,
      int neurons,
      long synapses,
      PlasticityReport plasticity,
      List<Integer> bins,
      String readout,
      int readoutIterations,
      String method,
      Official official,
      LeaveOneSpeakerOut.Result speakers,
      double wallSeconds) {}

  /**
   * Runs the study on {@code task}, the neuron model and learning rule found among {@code plugins}.
   *
   * @param progress told what the study is doing, one line at a time (e.g. standard error)
   * @throws InvalidInputException when a plugin is unknown, the rule refuses its parameters, or the
   *     task does not suit the split
   */
  public static Result run(
      LsmTask task, Settings settings, PluginRegistry plugins, Consumer<String> progress) {
    int[] binChoices =
        settings.bins().isEmpty()
            ? new int[] {task.bins()}
            : settings.bins().stream().mapToInt(Integer::intValue).sorted().toArray();
    Liquid liquid =
        Liquid.create(
            task.liquid(settings.neurons(), settings.seed())
                .neuronModel(plugins.require(NeuronModel.class, settings.neuronModel()))
                .build());
    PlasticityReport plasticity = null;
    if (settings.plasticity() != null) {
      LiquidPlasticity.Result adapted = adaptInputs(task, liquid, settings, plugins, progress);
      liquid = adapted.adapted();
      plasticity =
          new PlasticityReport(
              settings.plasticity().rule(),
              adapted.presentations(),
              adapted.potentiated(),
              adapted.depressed(),
              adapted.totalChange(),
              Collections.unmodifiableMap(new TreeMap<>(adapted.parameters())));
    }
    progress.accept(task.name() + ": " + task.labels().length + " samples, " + liquid);
    long start = System.nanoTime();
    Official official = null;
    LeaveOneSpeakerOut.Result speakers = null;
    if (settings.split() == Split.OFFICIAL) {
      official = official(task, liquid, settings, binChoices, progress);
    } else {
      speakers = speakers(task, liquid, settings, binChoices[0], progress);
    }
    return new Result(
        task.name(),
        liquid.toString(),
        liquid.parameters().neuronModel().name(),
        liquid.neurons(),
        liquid.synapses(),
        plasticity,
        Arrays.stream(binChoices).boxed().toList(),
        settings.readout().label(),
        settings.readout().iterations(),
        settings.method().label(),
        official,
        speakers,
        (System.nanoTime() - start) / 1e9);
  }

  /**
   * The rule's adaptation of the input synapses on the training samples (never the held-out ones).
   */
  private static LiquidPlasticity.Result adaptInputs(
      LsmTask task,
      Liquid liquid,
      Settings settings,
      PluginRegistry plugins,
      Consumer<String> progress) {
    Plasticity plasticity = settings.plasticity();
    LearningRule rule = plugins.require(LearningRule.class, plasticity.rule());
    List<SpikeRaster> training = task.inputsOf(task.select(task.officialTest(), false));
    progress.accept(
        "adapting the input synapses with "
            + plasticity.rule()
            + " on "
            + training.size()
            + " training samples x "
            + plasticity.epochs()
            + " ...");
    try {
      return LiquidPlasticity.adaptInputs(
          liquid,
          rule,
          plasticity.parameters(),
          training,
          plasticity.epochs(),
          settings.tailSteps());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("learning rule " + plasticity.rule() + ": " + e.getMessage());
    }
  }

  private static Official official(
      LsmTask task, Liquid liquid, Settings settings, int[] binChoices, Consumer<String> progress) {
    int[] train = task.select(task.officialTest(), false);
    int[] test = task.select(task.officialTest(), true);
    ReadoutKind readout = settings.readout();
    PruningStudy.Method method = settings.method();
    PruningStudy study =
        new PruningStudy(
                task.inputsOf(train),
                task.labelsOf(train),
                task.inputsOf(test),
                task.labelsOf(test),
                task.classes(),
                binChoices[binChoices.length - 1],
                settings.tailSteps(),
                readout,
                readout.defaultLambdas(),
                CV_FOLDS,
                settings.seed(),
                progress)
            .withBinChoices(binChoices);
    progress.accept("evaluating the full liquid ...");
    PruningStudy.Evaluation full = study.evaluate(liquid, 1, method.ranking(), false, 0);
    double[] curve = settings.curve().stream().mapToDouble(Double::doubleValue).toArray();
    double[] shared =
        method.rounds() > 1 && curve.length > 0
            ? sharedSchedule(curve, settings.keep(), method.rounds())
            : null;
    PruningStudy.Run curveRun = null;
    List<PruningStudy.Evaluation> afterRounds;
    if (shared != null) {
      // The iterative curve passes through the pruning's schedule first: one run gives both.
      progress.accept(
          "pruning through " + Arrays.toString(shared) + " (" + method.label() + ") ...");
      curveRun = study.pruneThrough(liquid, full, shared, method);
      afterRounds = curveRun.rounds().subList(0, method.rounds() + 1);
    } else {
      progress.accept("pruning to " + settings.keep() + " (" + method.label() + ") ...");
      afterRounds = study.prune(liquid, full, settings.keep(), method).rounds();
    }
    PruningStudy.Evaluation after = afterRounds.get(afterRounds.size() - 1);
    List<PruningPoint> curvePoints =
        curve.length == 0
            ? List.of()
            : curveRun != null
                ? points(curveRun.rounds())
                : curve(study, liquid, full, method, curve, progress);
    return new Official(
        task.officialSplit(),
        train.length,
        test.length,
        InactiveNeuronPruner.countInactive(full.activity(), 1),
        full.point(),
        after.point(),
        full.simulationSeconds(),
        after.simulationSeconds(),
        points(afterRounds),
        curvePoints);
  }

  private static List<PruningPoint> points(List<PruningStudy.Evaluation> evaluations) {
    return evaluations.stream().map(PruningStudy.Evaluation::point).toList();
  }

  /**
   * The curve's points: the full liquid, then the method at every fraction (one shot each, plus
   * plain one-shot pruning for comparison when the method differs from it), or with more than one
   * round one iterative run through the fractions in descending order.
   */
  private static List<PruningPoint> curve(
      PruningStudy study,
      Liquid liquid,
      PruningStudy.Evaluation full,
      PruningStudy.Method method,
      double[] fractions,
      Consumer<String> progress) {
    List<PruningPoint> points = new ArrayList<>();
    points.add(full.point());
    if (method.rounds() > 1) {
      double[] schedule = descending(fractions);
      progress.accept("curve: one iterative run through " + Arrays.toString(schedule) + " ...");
      List<PruningStudy.Evaluation> rounds =
          study.pruneThrough(liquid, full, schedule, method).rounds();
      points.addAll(points(rounds.subList(1, rounds.size())));
      return points;
    }
    PruningStudy.Method plain = PruningStudy.Method.oneShot(method.ranking(), false);
    for (double f : fractions) {
      progress.accept("curve: one-shot pruning to " + f + " ...");
      if (!plain.equals(method)) {
        points.add(study.prune(liquid, full, f, plain).last());
      }
      points.add(study.prune(liquid, full, f, method).last());
    }
    return points;
  }

  /** The fractions, largest first. */
  private static double[] descending(double[] fractions) {
    return Arrays.stream(fractions)
        .boxed()
        .sorted(Comparator.reverseOrder())
        .mapToDouble(Double::doubleValue)
        .toArray();
  }

  /**
   * The curve's fractions, largest first, with the first {@code rounds} replaced by the geometric
   * schedule to {@code keep} ({@code keep^(r / rounds)}, e.g. 0.7071, 0.5, 0.3536, 0.25 for 4
   * rounds to 0.25) when each is within 0.5 % of it, so that one iterative run gives both the
   * pruned liquid and the curve; null when the curve does not start with that schedule.
   */
  static double[] sharedSchedule(double[] curve, double keep, int rounds) {
    double[] schedule = descending(curve);
    if (schedule.length < rounds) {
      return null;
    }
    for (int r = 1; r <= rounds; r++) {
      double geometric = Math.pow(keep, (double) r / rounds);
      if (Math.abs(schedule[r - 1] / geometric - 1) > SCHEDULE_TOLERANCE) {
        return null;
      }
      schedule[r - 1] = geometric;
    }
    return schedule;
  }

  private static LeaveOneSpeakerOut.Result speakers(
      LsmTask task, Liquid liquid, Settings settings, int stateBins, Consumer<String> progress) {
    PruningStudy.Method method = settings.method();
    try {
      return LeaveOneSpeakerOut.run(
          task,
          liquid,
          new LeaveOneSpeakerOut.Settings(
              settings.tailSteps(),
              stateBins,
              settings.keep(),
              method.rewire(),
              method.restoreFanIn(),
              method.balance(),
              settings.seed()),
          progress);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("speaker split: " + e.getMessage());
    }
  }
}
