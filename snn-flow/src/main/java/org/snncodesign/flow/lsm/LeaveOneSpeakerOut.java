package org.snncodesign.flow.lsm;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.snncodesign.api.Checks;
import org.snncodesign.learning.lsm.Liquid;
import org.snncodesign.learning.lsm.LiquidSimulator;
import org.snncodesign.learning.lsm.LiquidStates;
import org.snncodesign.learning.lsm.pruning.AdaptiveReconnection;
import org.snncodesign.learning.lsm.pruning.DriveBalance;
import org.snncodesign.learning.lsm.pruning.InactiveNeuronPruner;
import org.snncodesign.learning.lsm.pruning.NeuronRanking;
import org.snncodesign.learning.lsm.readout.Features;
import org.snncodesign.learning.lsm.readout.ReadoutKind;
import org.snncodesign.learning.lsm.readout.RidgeRegression;

/**
 * Inactive-neuron pruning evaluated speaker-independently: each speaker of a spoken-digit task is
 * held out in turn; a ridge readout on the full liquid and one on the liquid pruned to its most
 * active neurons (activity counted on the other speakers' clips only) are both tested on the
 * held-out speaker. The ridge penalty is chosen once, by 3-fold cross-validation on the first
 * fold's training part.
 */
public final class LeaveOneSpeakerOut {
  private LeaveOneSpeakerOut() {}

  /**
   * How the liquid is simulated and pruned.
   *
   * @param tailSteps steps simulated after each clip
   * @param stateBins time bins of the liquid state
   * @param keep fraction of neurons kept, in (0, 1]
   * @param rewire re-connect the survivors ({@link AdaptiveReconnection}) instead of only removing
   *     neurons
   * @param restoreFanIn with {@code rewire}, restore each survivor's fan-in
   * @param balance restore the survivors' drive ({@link DriveBalance})
   * @param seed seed of the cross-validation folds
   */
  public record Settings(
      int tailSteps,
      int stateBins,
      double keep,
      boolean rewire,
      boolean restoreFanIn,
      boolean balance,
      long seed) {
    public Settings {
      Checks.nonNegative(tailSteps, "tail steps");
      Checks.positive(stateBins, "state bins");
      Checks.checkArgument(keep > 0 && keep <= 1, "keep fraction must be in (0, 1], got %s", keep);
    }
  }

  /**
   * One held-out speaker.
   *
   * @param speaker the speaker held out
   * @param testSamples the speaker's clips
   * @param accuracyBefore readout accuracy on them with the full liquid
   * @param accuracyAfter with the pruned liquid
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  public record Fold(
      String speaker, int testSamples, double accuracyBefore, double accuracyAfter) {}

  /**
   * The study's outcome.
   *
   * @param folds one per speaker, in the order speakers first appear
   * @param lambda the ridge penalty used
   * @param accuracyBefore accuracy over all held-out clips, full liquid
   * @param accuracyAfter the same, pruned liquids
   * @param neuronsAfter neurons kept (the same in every fold)
   * @param synapsesAfter synapses of the last fold's pruned liquid (pruned liquids differ per fold)
   */
  public record Result(
      List<Fold> folds,
      double lambda,
      double accuracyBefore,
      double accuracyAfter,
      int neuronsAfter,
      long synapsesAfter) {}

  /**
   * Runs the study on {@code task}, whose groups are the speakers.
   *
   * @throws IllegalArgumentException when the task has fewer than two speakers
   */
  public static Result run(
      LsmTask task, Liquid liquid, Settings settings, Consumer<String> progress) {
    List<String> speakers = new ArrayList<>(new LinkedHashSet<>(Arrays.asList(task.groups())));
    Checks.checkArgument(
        speakers.size() >= 2,
        "a leave-one-speaker-out split needs at least 2 speakers, found %s",
        speakers);
    int samples = task.inputs().size();
    int bins = settings.stateBins();
    progress.accept("simulating the full liquid on " + samples + " samples ...");
    Features all =
        LiquidStates.compute(
            new LiquidSimulator(liquid, settings.tailSteps()),
            task.inputs(),
            bins,
            done -> {
              if (done % 500 == 0 && done < samples) {
                progress.accept("  simulated " + done + " / " + samples);
              }
            });
    int n = liquid.neurons();
    int kept = Math.max(1, (int) Math.round(settings.keep() * n));
    double lambda = -1;
    double sumBefore = 0;
    double sumAfter = 0;
    long clips = 0;
    List<Fold> folds = new ArrayList<>();
    Liquid lastPruned = liquid;
    for (String speaker : speakers) {
      boolean[] held = new boolean[task.labels().length];
      for (int i = 0; i < held.length; i++) {
        held[i] = task.groups()[i].equals(speaker);
      }
      int[] train = task.select(held, false);
      int[] test = task.select(held, true);
      int[] yTrain = task.labelsOf(train);
      int[] yTest = task.labelsOf(test);
      Features trainStates = all.rows(train);
      if (lambda < 0) {
        lambda =
            RidgeRegression.crossValidate(
                    trainStates,
                    yTrain,
                    task.classes(),
                    ReadoutKind.RIDGE.defaultLambdas(),
                    3,
                    settings.seed())
                .bestLambda();
      }
      double before =
          RidgeRegression.fit(trainStates, yTrain, task.classes(), lambda)
              .accuracy(all.rows(test), yTest);
      Liquid pruned = prune(liquid, activity(all, train, bins, n), kept, settings);
      LiquidSimulator small = new LiquidSimulator(pruned, settings.tailSteps());
      Features prunedTrain = LiquidStates.compute(small, task.inputsOf(train), bins);
      Features prunedTest = LiquidStates.compute(small, task.inputsOf(test), bins);
      double after =
          RidgeRegression.fit(prunedTrain, yTrain, task.classes(), lambda)
              .accuracy(prunedTest, yTest);
      progress.accept(
          String.format(
              Locale.ROOT,
              "speaker %s: %d test clips, before %.4f, after %.4f",
              speaker,
              test.length,
              before,
              after));
      folds.add(new Fold(speaker, test.length, before, after));
      sumBefore += before * test.length;
      sumAfter += after * test.length;
      clips += test.length;
      lastPruned = pruned;
    }
    return new Result(
        folds, lambda, sumBefore / clips, sumAfter / clips, kept, lastPruned.synapses());
  }

  /** Spikes per neuron over the training clips' states. */
  private static long[] activity(Features all, int[] train, int bins, int n) {
    long[] activity = new long[n];
    for (int s : train) {
      for (int b = 0; b < bins; b++) {
        for (int i = 0; i < n; i++) {
          activity[i] += (long) all.values()[s * all.dimension() + b * n + i];
        }
      }
    }
    return activity;
  }

  private static Liquid prune(Liquid liquid, long[] activity, int kept, Settings settings) {
    double[] score =
        InactiveNeuronPruner.scores(NeuronRanking.ACTIVITY, activity, null, settings.stateBins());
    int[] keepers = InactiveNeuronPruner.keepTop(score, kept);
    Liquid pruned =
        settings.rewire()
            ? AdaptiveReconnection.prune(liquid, keepers, settings.restoreFanIn())
            : InactiveNeuronPruner.prune(liquid, keepers);
    return settings.balance() ? DriveBalance.restore(liquid, keepers, pruned) : pruned;
  }
}
