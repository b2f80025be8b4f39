package org.snncodesign.flow.lsm;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.snncodesign.api.Checks;
import org.snncodesign.flow.sweep.SampleStatistics;
import org.snncodesign.learning.distance.VanRossumDistance;
import org.snncodesign.learning.distance.VictorPurpuraDistance;
import org.snncodesign.learning.stdp.SaStl;
import org.snncodesign.learning.stdp.SaStlTask;

/**
 * The SA-STL study of {@code snn lsm sastl} over seeds: for every seed a teacher-student task
 * ({@link SaStlTask}) is drawn, the unpruned learner (kept share 1, the reference) is trained, and
 * then, for every kept share below 1, a learner per synapse selection (SA-STL's STDP relevance,
 * magnitude, random, ...), plus optionally a student pre-pruned to the teacher's strongest synapses
 * (the "oracle", a diagnostic that knows the teacher). Each run's final van Rossum distance to the
 * targets is compared with its seed's unpruned learner's ({@code ratio = distance_pruned /
 * distance_full}).
 *
 * <p>The result has every run, the mean and standard deviation over seeds per (selection, kept
 * share), and the headline figures for the first kept share and the first selection: means over
 * seeds of the distances, synapse counts and how far a silent output is from the targets (a learner
 * that does not beat it by much has not learned the task, whatever its ratio). The same settings
 * give the same result.
 */
public final class SaStlSeedStudy {
  /** Label of the unpruned reference runs. */
  public static final String FULL = "full";

  /** Label of the teacher-selected reference runs. */
  public static final String ORACLE = "oracle";

  /**
   * Recorded epochs averaged for the settled distance of the current (not the returned pocket)
   * weights.
   */
  private static final int LAST_EPOCHS = 10;

  /** A pruned learner within this factor of the unpruned one's distance meets the target. */
  private static final double TARGET_RATIO = 1.1;

  /** The largest kept share of the recurrent synapses the target allows. */
  private static final double TARGET_KEEP = 0.5;

  private SaStlSeedStudy() {}

  /**
   * How the study runs; build with {@link #builder()}.
   *
   * @param neurons liquid neurons, outputs not counted
   * @param steps steps of the presentation
   * @param outputs output neurons
   * @param afferents recurrent synapses onto each output
   * @param outputRate spikes per step the outputs are calibrated to
   * @param inputScale the outputs' direct input weight relative to the liquid's
   * @param teacherDensity share of the synapses onto each output the teacher uses
   * @param targets where the target trains come from
   * @param inhibitoryShare share of each output's afferents drawn from inhibitory liquid neurons
   * @param inhibitoryBalance each output's summed inhibitory drive over its excitatory drive
   * @param training the learners' training; its kept share, selection and seed are set per run
   * @param keep kept shares of the synapses the budget counts; shares of 1 or more add no pruned
   *     run
   * @param selections how the pruned learners choose their synapses, at least one
   * @param seeds number of seeds, >= 1
   * @param firstSeed first seed: seeds {@code firstSeed .. firstSeed + seeds - 1}
   * @param oracle whether to train, per kept share, a student pre-pruned to the teacher's strongest
   *     synapses
   * @param progressEvery epochs between progress lines, >= 1
   */
  public record Settings(
      int neurons,
      int steps,
      int outputs,
      int afferents,
      double outputRate,
      double inputScale,
      double teacherDensity,
      SaStlTask.Targets targets,
      double inhibitoryShare,
      double inhibitoryBalance,
      SaStl.Settings training,
      List<Double> keep,
      List<SaStl.Selection> selections,
      int seeds,
      long firstSeed,
      boolean oracle,
      int progressEvery) {
    public Settings {
      Checks.checkArgument(
          targets != null && training != null, "targets and training settings must be given");
      Checks.checkArgument(
          !keep.isEmpty() && !selections.isEmpty(), "give at least one kept share and selection");
      Checks.positive(seeds, "seeds");
      keep = List.copyOf(keep);
      selections = List.copyOf(selections);
      progressEvery = Math.max(1, progressEvery);
    }

    /**
     * A builder with the defaults of {@code snn lsm sastl}: a 200-neuron liquid, 10 outputs with 40
     * afferents each, 300 steps, output rate 0.05, input scale 0.6, a dense teacher as the targets,
     * excitatory afferents only; ReSuMe with {@link SaStl.Settings#defaults()} (400 epochs, eta
     * 0.002, trace tau 20 steps, pruning every 2 epochs in the first 2 %, regrowth of 5 % every 5
     * epochs until 90 %, van Rossum tau 5 steps, Victor-Purpura cost 0.2); kept share 0.5 with the
     * relevance selection, seeds 1..5, no oracle, progress every 50 epochs.
     */
    public static Builder builder() {
      return new Builder();
    }

    /** Builder for {@link Settings}. */
    public static final class Builder {
      private int neurons = 200;
      private int steps = 300;
      private int outputs = 10;
      private int afferents = 40;
      private double outputRate = 0.05;
      private double inputScale = 0.6;
      private double teacherDensity = 1;
      private SaStlTask.Targets targets = SaStlTask.Targets.TEACHER;
      private double inhibitoryShare;
      private double inhibitoryBalance = 1;
      private SaStl.Settings training = SaStl.Settings.defaults().withRule(SaStl.Rule.RESUME, 0);
      private List<Double> keep = List.of(0.5);
      private List<SaStl.Selection> selections = List.of(SaStl.Selection.RELEVANCE);
      private int seeds = 5;
      private long firstSeed = 1;
      private boolean oracle;
      private int progressEvery = 50;

      private Builder() {}

      /** Liquid neurons, outputs not counted. */
      public Builder neurons(int value) {
        neurons = value;
        return this;
      }

      /** Steps of the presentation. */
      public Builder steps(int value) {
        steps = value;
        return this;
      }

      /** Output neurons. */
      public Builder outputs(int value) {
        outputs = value;
        return this;
      }

      /** Recurrent synapses onto each output. */
      public Builder afferents(int value) {
        afferents = value;
        return this;
      }

      /** Spikes per step the outputs are calibrated to. */
      public Builder outputRate(double value) {
        outputRate = value;
        return this;
      }

      /** The outputs' direct input weight relative to the liquid's. */
      public Builder inputScale(double value) {
        inputScale = value;
        return this;
      }

      /** Share of the synapses onto each output the teacher uses. */
      public Builder teacherDensity(double value) {
        teacherDensity = value;
        return this;
      }

      /** Where the target trains come from. */
      public Builder targets(SaStlTask.Targets value) {
        targets = value;
        return this;
      }

      /** Share of each output's afferents that are inhibitory. */
      public Builder inhibitoryShare(double value) {
        inhibitoryShare = value;
        return this;
      }

      /** Each output's summed inhibitory drive over its excitatory drive. */
      public Builder inhibitoryBalance(double value) {
        inhibitoryBalance = value;
        return this;
      }

      /** The learners' training (kept share, selection and seed are set per run). */
      public Builder training(SaStl.Settings value) {
        training = value;
        return this;
      }

      /** Kept shares. */
      public Builder keep(List<Double> value) {
        keep = value;
        return this;
      }

      /** Synapse selections of the pruned learners. */
      public Builder selections(List<SaStl.Selection> value) {
        selections = value;
        return this;
      }

      /** Number of seeds. */
      public Builder seeds(int value) {
        seeds = value;
        return this;
      }

      /** First seed. */
      public Builder firstSeed(long value) {
        firstSeed = value;
        return this;
      }

      /** Whether to train the teacher-selected reference. */
      public Builder oracle(boolean value) {
        oracle = value;
        return this;
      }

      /** Epochs between progress lines. */
      public Builder progressEvery(int value) {
        progressEvery = value;
        return this;
      }

      /** The settings. */
      public Settings build() {
        return new Settings(
            neurons,
            steps,
            outputs,
            afferents,
            outputRate,
            inputScale,
            teacherDensity,
            targets,
            inhibitoryShare,
            inhibitoryBalance,
            training,
            keep,
            selections,
            seeds,
            firstSeed,
            oracle,
            progressEvery);
      }
    }
  }

  /**
   * One training run.
   *
   * @param seed the task's seed (also of the random selection)
   * @param selection {@value #FULL} for the unpruned reference, {@value #ORACLE}, or the
   *     selection's name
   * @param keepFraction the kept share (1 for the reference)
   * @param keptSynapses trainable synapses alive at the end
   * @param trainableSynapses synapses onto the outputs at the start
   * @param vanRossumStart van Rossum distance before training
   * @param vanRossumEnd van Rossum distance of the returned weights
   * @param victorPurpuraStart Victor-Purpura distance before training
   * @param victorPurpuraEnd Victor-Purpura distance of the returned weights
   * @param ratioToFull {@code vanRossumEnd} over the seed's unpruned learner's
   * @param recurrentSynapsesKept recurrent synapses alive at the end, the liquid's own included
   * @param recurrentSynapses recurrent synapses at the start
   * @param vanRossumLast10 mean van Rossum distance of the last 10 recorded epochs (the wandering
   *     of the current weights, not the returned pocket weights); Jackson leaves it out
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  public record Run(
      long seed,
      String selection,
      double keepFraction,
      int keptSynapses,
      int trainableSynapses,
      double vanRossumStart,
      double vanRossumEnd,
      double victorPurpuraStart,
      double victorPurpuraEnd,
      double ratioToFull,
      int recurrentSynapsesKept,
      int recurrentSynapses,
      @JsonIgnore double vanRossumLast10) {}

  /**
   * Statistics over seeds of the runs of one selection and kept share.
   *
   * @param selection as in {@link Run#selection()}
   * @param keepFraction the kept share
   * @param vanRossum final van Rossum distances
   * @param victorPurpura final Victor-Purpura distances
   * @param ratio ratios to the unpruned learner
   */
  public record Summary(
      String selection,
      double keepFraction,
      SampleStatistics vanRossum,
      SampleStatistics victorPurpura,
      SampleStatistics ratio) {}

  /**
   * The headline: means over seeds for the first kept share and the first selection ({@value #FULL}
   * when that share is 1 or more).
   *
   * @param selection the selection the figures are of
   * @param keepFraction the kept share they are of
   * @param distanceSilent van Rossum distance of a silent output to the targets
   * @param victorPurpuraSilent Victor-Purpura distance of a silent output
   * @param fullOverSilent the unpruned learner's distance over the silent one's
   * @param distanceStart van Rossum distance before training
   * @param distanceFull the unpruned learner's
   * @param distancePruned the pruned learner's
   * @param ratio {@code distancePruned / distanceFull}
   * @param learningReduction {@code 1 - distanceFull / distanceStart}
   * @param victorPurpuraStart Victor-Purpura distance before training
   * @param victorPurpuraFull the unpruned learner's
   * @param victorPurpuraPruned the pruned learner's
   * @param synapsesBefore trainable synapses, mean over seeds rounded down
   * @param synapsesAfter of those, kept by the pruned learner
   * @param recurrentSynapsesBefore recurrent synapses, the liquid's own included
   * @param recurrentSynapsesAfter of those, kept by the pruned learner
   * @param meanVanRossumLast10 per kept share (in the order given), the mean over seeds of {@link
   *     Run#vanRossumLast10()}
   * @param recurrentShareKept share of all recurrent synapses the pruned learners kept
   * @param targetMet whether at most half the synapses are kept and the pruned learner is within 10
   *     % of the unpruned one's distance
   */
  public record Headline(
      String selection,
      double keepFraction,
      double distanceSilent,
      double victorPurpuraSilent,
      double fullOverSilent,
      double distanceStart,
      double distanceFull,
      double distancePruned,
      double ratio,
      double learningReduction,
      double victorPurpuraStart,
      double victorPurpuraFull,
      double victorPurpuraPruned,
      int synapsesBefore,
      int synapsesAfter,
      int recurrentSynapsesBefore,
      int recurrentSynapsesAfter,
      List<Double> meanVanRossumLast10,
      double recurrentShareKept,
      boolean targetMet) {}

  /**
   * The study's outcome.
   *
   * @param settings the settings it ran with
   * @param runs every run, per seed the unpruned reference first
   * @param summary per (selection, kept share), in the order the runs first appear
   * @param headline the headline figures
   */
  public record Result(
      Settings settings, List<Run> runs, List<Summary> summary, Headline headline) {

    /** The summary of the unpruned reference runs. */
    public Summary full() {
      return summary.stream().filter(s -> s.selection().equals(FULL)).findFirst().orElseThrow();
    }
  }

  /**
   * Runs the study.
   *
   * @param progress told of the training, every {@link Settings#progressEvery()} epochs of every
   *     run
   */
  public static Result run(Settings settings, Consumer<String> progress) {
    List<Run> runs = new ArrayList<>();
    List<double[]> silent = new ArrayList<>();
    SaStl.Settings training = settings.training();
    for (long seed = settings.firstSeed(); seed < settings.firstSeed() + settings.seeds(); seed++) {
      SaStlTask task =
          SaStlTask.create(
              settings.neurons(),
              settings.steps(),
              settings.outputs(),
              settings.afferents(),
              settings.outputRate(),
              settings.inputScale(),
              settings.teacherDensity(),
              settings.targets(),
              settings.inhibitoryShare(),
              settings.inhibitoryBalance(),
              seed);
      silent.add(silentDistances(task, training));
      SaStl.Settings base = training.keeping(1).selecting(SaStl.Selection.RELEVANCE, seed);
      SaStl.Result full = train(task, base, seed, FULL, 1, settings.progressEvery(), progress);
      runs.add(run(seed, FULL, 1, full, full));
      for (double k : settings.keep()) {
        if (k >= 1) {
          continue;
        }
        for (SaStl.Selection selection : settings.selections()) {
          String name = selection.name().toLowerCase(Locale.ROOT);
          SaStl.Result r =
              train(
                  task,
                  base.keeping(k).selecting(selection, seed),
                  seed,
                  name,
                  k,
                  settings.progressEvery(),
                  progress);
          runs.add(run(seed, name, k, r, full));
        }
        if (settings.oracle()) {
          SaStl.Result o =
              new SaStl(base)
                  .train(
                      task.studentKeepingTeachersStrongest(k),
                      task.outputs(),
                      task.input(),
                      task.targets());
          progress.accept(
              String.format(
                  Locale.ROOT,
                  "sastl seed %d oracle keep %.2f van_rossum %.4f",
                  seed,
                  k,
                  o.finalVanRossum()));
          runs.add(run(seed, ORACLE, k, o, full));
        }
      }
    }
    return new Result(
        settings, List.copyOf(runs), summarise(runs), headline(settings, runs, silent));
  }

  private static Run run(
      long seed, String selection, double keep, SaStl.Result r, SaStl.Result full) {
    return new Run(
        seed,
        selection,
        keep,
        r.keptSynapses(),
        r.trainableSynapses(),
        r.initialVanRossum(),
        r.finalVanRossum(),
        r.victorPurpura().get(0),
        r.finalVictorPurpura(),
        r.finalVanRossum() / full.finalVanRossum(),
        r.keptRecurrentSynapses(),
        r.recurrentSynapses(),
        r.meanVanRossumOfLast(LAST_EPOCHS));
  }

  private static SaStl.Result train(
      SaStlTask task,
      SaStl.Settings settings,
      long seed,
      String name,
      double keep,
      int every,
      Consumer<String> progress) {
    return new SaStl(settings)
        .train(
            task.student(),
            task.outputs(),
            task.input(),
            task.targets(),
            (epoch, vr, vp, live) -> {
              if (epoch % every == 0 || epoch == settings.epochs()) {
                progress.accept(
                    String.format(
                        Locale.ROOT,
                        "sastl seed %d %s keep %.2f epoch %d/%d van_rossum %.4f "
                            + "victor_purpura %.3f live %d",
                        seed,
                        name,
                        keep,
                        epoch,
                        settings.epochs(),
                        vr,
                        vp,
                        live));
              }
            });
  }

  /**
   * Mean over outputs of the van Rossum and Victor-Purpura distances from a silent output to the
   * targets.
   */
  private static double[] silentDistances(SaStlTask task, SaStl.Settings training) {
    double vr = 0;
    double vp = 0;
    int n = task.outputs().length;
    for (int o = 0; o < n; o++) {
      int[] target = task.targets().train(o).times();
      vr += VanRossumDistance.distance(new int[0], target, training.distanceTauSteps());
      vp += VictorPurpuraDistance.distance(new int[0], target, training.victorPurpuraCost());
    }
    return new double[] {vr / n, vp / n};
  }

  /** Statistics per (selection, kept share) in the order the runs first appear. */
  private static List<Summary> summarise(List<Run> runs) {
    Map<String, List<Run>> groups = new LinkedHashMap<>();
    for (Run run : runs) {
      groups
          .computeIfAbsent(run.selection() + "@" + run.keepFraction(), k -> new ArrayList<>())
          .add(run);
    }
    List<Summary> out = new ArrayList<>();
    for (List<Run> g : groups.values()) {
      out.add(
          new Summary(
              g.get(0).selection(),
              g.get(0).keepFraction(),
              statistics(g, Run::vanRossumEnd),
              statistics(g, Run::victorPurpuraEnd),
              statistics(g, Run::ratioToFull)));
    }
    return List.copyOf(out);
  }

  private static SampleStatistics statistics(List<Run> runs, ToDoubleFunction<Run> value) {
    return SampleStatistics.of(runs.stream().mapToDouble(value).toArray());
  }

  private static double mean(List<Run> runs, ToDoubleFunction<Run> value) {
    return statistics(runs, value).mean();
  }

  private static int sum(List<Run> runs, ToIntFunction<Run> value) {
    return runs.stream().mapToInt(value).sum();
  }

  private static Headline headline(Settings settings, List<Run> runs, List<double[]> silent) {
    double firstKeep = settings.keep().get(0);
    String selection =
        firstKeep >= 1 ? FULL : settings.selections().get(0).name().toLowerCase(Locale.ROOT);
    List<Run> fulls = runs.stream().filter(r -> r.selection().equals(FULL)).toList();
    List<Run> pruned =
        runs.stream()
            .filter(r -> r.selection().equals(selection) && r.keepFraction() == firstKeep)
            .toList();
    double start = mean(fulls, Run::vanRossumStart);
    double distanceFull = mean(fulls, Run::vanRossumEnd);
    double distancePruned = mean(pruned, Run::vanRossumEnd);
    double silentVr = SampleStatistics.of(silent.stream().mapToDouble(v -> v[0]).toArray()).mean();
    List<Double> last10 = new ArrayList<>();
    for (double k : settings.keep()) {
      String name = k >= 1 ? FULL : selection;
      double share = k >= 1 ? 1 : k;
      last10.add(
          mean(
              runs.stream()
                  .filter(r -> r.selection().equals(name) && r.keepFraction() == share)
                  .toList(),
              Run::vanRossumLast10));
    }
    int seeds = settings.seeds();
    return new Headline(
        selection,
        firstKeep,
        silentVr,
        SampleStatistics.of(silent.stream().mapToDouble(v -> v[1]).toArray()).mean(),
        distanceFull / silentVr,
        start,
        distanceFull,
        distancePruned,
        distancePruned / distanceFull,
        1 - distanceFull / start,
        mean(fulls, Run::victorPurpuraStart),
        mean(fulls, Run::victorPurpuraEnd),
        mean(pruned, Run::victorPurpuraEnd),
        sum(fulls, Run::trainableSynapses) / seeds,
        sum(pruned, Run::keptSynapses) / seeds,
        sum(fulls, Run::recurrentSynapses) / seeds,
        sum(pruned, Run::recurrentSynapsesKept) / seeds,
        List.copyOf(last10),
        (double) sum(pruned, Run::recurrentSynapsesKept) / sum(fulls, Run::recurrentSynapses),
        firstKeep <= TARGET_KEEP && distancePruned <= TARGET_RATIO * distanceFull);
  }
}
