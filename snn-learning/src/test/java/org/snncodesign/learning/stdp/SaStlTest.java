package org.snncodesign.learning.stdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.learning.lsm.Liquid;
import org.snncodesign.learning.lsm.LiquidParameters;
import org.snncodesign.learning.lsm.LiquidSimulator;

class SaStlTest {

  /** A small task: 100 liquid neurons, 150 steps, 4 outputs with 30 afferents, dense teacher. */
  private static SaStlTask smallTask(long seed) {
    return SaStlTask.create(100, 150, 4, 30, 0.05, 0.6, 1.0, seed);
  }

  private static SaStl.Settings small(double keep, SaStl.Selection selection, long seed) {
    return new SaStl.Settings(120, 0.002, 0, 20, keep, 2, 0.25, 5, 0.2, selection, seed);
  }

  @Test
  @DisplayName(
      "learning brings the outputs' trains at least 25 % closer to the targets on a small task")
  void learningReducesDistance() {
    for (long seed = 1; seed <= 2; seed++) {
      SaStlTask task = smallTask(seed);
      SaStl.Result r =
          new SaStl(small(1, SaStl.Selection.RELEVANCE, seed))
              .train(task.student(), task.outputs(), task.input(), task.targets());
      assertThat(r.initialVanRossum()).as("untrained distance, seed %d", seed).isGreaterThan(0.3);
      assertThat(r.finalVanRossum()).as("seed %d", seed).isLessThan(0.75 * r.initialVanRossum());
      assertThat(r.finalVictorPurpura()).as("seed %d", seed).isLessThan(r.victorPurpura().get(0));
      // The final entry is the returned liquid's own distance.
      SpikeRaster produced = new LiquidSimulator(r.learner(), 0).raster(task.input());
      double sum = 0;
      for (int o = 0; o < task.outputs().length; o++) {
        sum +=
            org.snncodesign.learning.distance.VanRossumDistance.distance(
                produced.train(task.outputs()[o]).times(), task.targets().train(o).times(), 5);
      }
      assertThat(sum / task.outputs().length)
          .isCloseTo(r.finalVanRossum(), org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @ParameterizedTest
  @EnumSource(SaStl.Selection.class)
  @DisplayName(
      "every selection keeps exactly ceil(keep x trainable) synapses and drops the others from the liquid")
  void keepsExactShare(SaStl.Selection selection) {
    SaStlTask task = smallTask(3);
    for (double keep : new double[] {0.75, 0.5, 0.35}) {
      SaStl.Result r =
          new SaStl(new SaStl.Settings(9, 0.002, 0, 20, keep, 2, 0.5, 5, 0.2, selection, 7))
              .train(task.student(), task.outputs(), task.input(), task.targets());
      assertThat(r.trainableSynapses()).isEqualTo(task.trainableSynapses()).isEqualTo(4 * 30);
      assertThat(r.keptSynapses()).isEqualTo((int) Math.ceil(r.trainableSynapses() * keep - 1e-9));
      assertThat(r.learner().synapses())
          .isEqualTo(task.student().synapses() - (r.trainableSynapses() - r.keptSynapses()));
      assertThat(r.vanRossum()).hasSize(10);
      assertThat(r.victorPurpura()).hasSize(10);
    }
  }

  @Test
  @DisplayName(
      "the same seed gives the same result; random selection with another seed keeps other synapses")
  void deterministic() {
    SaStlTask task = smallTask(4);
    SaStlTask again = smallTask(4);
    assertThat(again.targets()).isEqualTo(task.targets());
    assertThat(again.student().recurrent()).isEqualTo(task.student().recurrent());
    for (SaStl.Selection selection : SaStl.Selection.values()) {
      SaStl.Settings s = new SaStl.Settings(20, 0.002, 0, 20, 0.5, 2, 0.5, 5, 0.2, selection, 11);
      SaStl.Result a =
          new SaStl(s).train(task.student(), task.outputs(), task.input(), task.targets());
      SaStl.Result b =
          new SaStl(s).train(again.student(), again.outputs(), again.input(), again.targets());
      assertThat(b.vanRossum()).isEqualTo(a.vanRossum());
      assertThat(b.learner().recurrent()).isEqualTo(a.learner().recurrent());
    }
    SaStl.Settings s =
        new SaStl.Settings(20, 0.002, 0, 20, 0.5, 2, 0.5, 5, 0.2, SaStl.Selection.RANDOM, 11);
    SaStl.Result a =
        new SaStl(s).train(task.student(), task.outputs(), task.input(), task.targets());
    SaStl.Result c =
        new SaStl(s.selecting(SaStl.Selection.RANDOM, 12))
            .train(task.student(), task.outputs(), task.input(), task.targets());
    assertThat(c.learner().recurrent().columnIndices())
        .isNotEqualTo(a.learner().recurrent().columnIndices());
  }

  @ParameterizedTest
  @EnumSource(SaStl.Selection.class)
  @DisplayName(
      "regrowth keeps every output's live count, so the kept share stays exact, and revives removed synapses")
  void regrowthKeepsShareAndRevives(SaStl.Selection selection) {
    SaStlTask task = smallTask(6);
    SaStl.Settings once = new SaStl.Settings(60, 0.002, 0, 20, 0.5, 2, 0.1, 5, 0.2, selection, 3);
    SaStl.Settings regrowing = once.regrowing(2, 0.2, 1);
    SaStl.Result fixed =
        new SaStl(once).train(task.student(), task.outputs(), task.input(), task.targets());
    SaStl.Result r =
        new SaStl(regrowing).train(task.student(), task.outputs(), task.input(), task.targets());
    assertThat(r.keptSynapses()).isEqualTo(fixed.keptSynapses()).isEqualTo(60);
    assertThat(r.learner().synapses()).isEqualTo(fixed.learner().synapses());
    // Both runs make the same selection during the pruning phase (epochs 0-5); without regrowth
    // that is the final
    // topology. Regrowth must have brought back synapses that selection removed, at the same count
    // per output.
    Set<Long> fixedPairs = pairs(fixed.learner(), task.outputs());
    Set<Long> grownPairs = pairs(r.learner(), task.outputs());
    assertThat(grownPairs).hasSameSizeAs(fixedPairs);
    assertThat(grownPairs).as("synapses alive only with regrowth").isNotEqualTo(fixedPairs);
    for (int o : task.outputs()) {
      assertThat(grownPairs.stream().filter(p -> p % 100_000 == o).count())
          .as("output %d", o)
          .isEqualTo(fixedPairs.stream().filter(p -> p % 100_000 == o).count());
    }
    // Every synapse is one the student had: regrowth revives, it does not invent connections.
    assertThat(pairs(task.student(), task.outputs())).containsAll(grownPairs);
    // Entry 6 is the first presentation after the last pruning round (the pocket's start); the
    // returned weights
    // must have improved on it.
    assertThat(r.finalVanRossum()).isLessThan(r.vanRossum().get(6));
    SaStl.Result again =
        new SaStl(regrowing).train(task.student(), task.outputs(), task.input(), task.targets());
    assertThat(again.learner().recurrent()).isEqualTo(r.learner().recurrent());
  }

  /** (pre, post) of the synapses onto the outputs, encoded as pre * 100000 + post. */
  private static Set<Long> pairs(Liquid liquid, int[] outputs) {
    Set<Integer> outs = new HashSet<>();
    for (int o : outputs) {
      outs.add(o);
    }
    Set<Long> out = new HashSet<>();
    var w = liquid.recurrent();
    for (int row = 0; row < w.rows(); row++) {
      for (int k = w.rowPointers()[row]; k < w.rowPointers()[row + 1]; k++) {
        if (outs.contains(w.columnIndices()[k])) {
          out.add(row * 100_000L + w.columnIndices()[k]);
        }
      }
    }
    return out;
  }

  @Test
  @DisplayName("Dale's law holds after training and the given liquid is left untouched")
  void daleAndCopy() {
    SaStlTask task = smallTask(5);
    var before = task.student().copy().recurrent();
    SaStl.Result r =
        new SaStl(small(0.5, SaStl.Selection.RELEVANCE, 5))
            .train(task.student(), task.outputs(), task.input(), task.targets());
    var w = r.learner().recurrent();
    for (int row = 0; row < w.rows(); row++) {
      for (int k = w.rowPointers()[row]; k < w.rowPointers()[row + 1]; k++) {
        float v = w.values()[k];
        assertThat(r.learner().isExcitatory(row) ? v >= 0 : v <= 0)
            .as("row %d weight %s", row, v)
            .isTrue();
      }
    }
    assertThat(task.student().recurrent()).isEqualTo(before);
  }

  @Test
  @DisplayName(
      "when the outputs already fire the targets, nothing is learned and the distance stays 0")
  void fixedPoint() {
    Liquid liquid =
        Liquid.create(LiquidParameters.builder().neurons(80).inputChannels(8).seed(4).build());
    SpikeRaster input = new SpikeRaster(100, 8);
    SplittableRandom r = new SplittableRandom(6);
    for (int t = 0; t < 100; t++) {
      for (int c = 0; c < 8; c++) {
        if (r.nextDouble() < 0.3) {
          input.set(t, c);
        }
      }
    }
    SpikeRaster own = new LiquidSimulator(liquid, 0).raster(input);
    int[] outputs = {5, 6};
    SpikeRaster targets = new SpikeRaster(100, 2);
    for (int t = 0; t < 100; t++) {
      for (int o = 0; o < 2; o++) {
        if (own.get(t, outputs[o])) {
          targets.set(t, o);
        }
      }
    }
    SaStl.Result result =
        new SaStl(
                new SaStl.Settings(
                    3, 0.1, 0.05, 10, 1, 1, 0.5, 5, 0.2, SaStl.Selection.RELEVANCE, 1))
            .train(liquid, outputs, input, targets);
    assertThat(result.vanRossum()).containsOnly(0.0);
    assertThat(result.learner().recurrent()).isEqualTo(liquid.recurrent());
  }

  @Test
  @DisplayName("settings reject a kept share outside (0, 1] and a pruning phase outside (0, 1]")
  void settingsChecks() {
    assertThatThrownBy(() -> SaStl.Settings.defaults().keeping(0))
        .hasMessageContaining("keepFraction");
    assertThatThrownBy(
            () -> new SaStl.Settings(10, 0.1, 0, 10, 0.5, 1, 0, 5, 0.2, SaStl.Selection.RANDOM, 1))
        .hasMessageContaining("pruneUntil");
    assertThatThrownBy(() -> SaStl.Settings.defaults().regrowing(5, 1.5, 0.9))
        .hasMessageContaining("regrowShare");
    assertThatThrownBy(() -> SaStl.Settings.defaults().regrowing(-1, 0.05, 0.9))
        .hasMessageContaining("regrowEvery");
  }

  @Test
  @DisplayName(
      "learning brings the outputs' trains closer to random (Poisson) targets on a small task")
  void learningReducesDistanceToPoissonTargets() {
    for (long seed = 1; seed <= 2; seed++) {
      SaStlTask task =
          SaStlTask.create(100, 150, 4, 30, 0.05, 0.6, 1.0, SaStlTask.Targets.POISSON, seed);
      SaStl.Result r =
          new SaStl(small(1, SaStl.Selection.RELEVANCE, seed).withLearningRate(0.008))
              .train(task.student(), task.outputs(), task.input(), task.targets());
      assertThat(r.finalVanRossum()).as("seed %d", seed).isLessThan(0.9 * r.initialVanRossum());
      // The current weights (not only the pocket) stay better than the start: with the rule's sign
      // flipped they
      // drift away from the targets.
      assertThat(r.meanVanRossumOfLast(11))
          .as("seed %d, last 10 epochs", seed)
          .isLessThan(r.initialVanRossum());
      assertThat(r.finalVictorPurpura()).as("seed %d", seed).isLessThan(r.victorPurpura().get(0));
    }
  }

  @ParameterizedTest
  @EnumSource(SaStl.Selection.class)
  @DisplayName(
      "the all-synapse budget keeps exactly ceil(keep x all recurrent) synapses, the outputs' share as "
          + "with the trainable budget, the liquid's survivors unchanged and Dale's law, deterministically")
  void allBudgetKeepsExactShare(SaStl.Selection selection) {
    SaStlTask task = smallTask(8);
    int all = task.student().synapses();
    int trainable = task.trainableSynapses();
    for (double keep : new double[] {0.75, 0.5, 0.35}) {
      SaStl.Settings s =
          new SaStl.Settings(12, 0.002, 0, 20, keep, 2, 0.5, 5, 0.2, selection, 7)
              .regrowing(2, 0.2, 1)
              .budgeting(SaStl.Budget.ALL);
      SaStl.Result r =
          new SaStl(s).train(task.student(), task.outputs(), task.input(), task.targets());
      int expected = (int) Math.ceil(keep * all - 1e-9);
      assertThat(r.recurrentSynapses()).isEqualTo(all);
      assertThat(r.keptRecurrentSynapses()).isEqualTo(expected).isEqualTo(r.learner().synapses());
      assertThat(r.keptSynapses()).isEqualTo((int) Math.ceil(keep * trainable - 1e-9));
      var w = r.learner().recurrent();
      var student = task.student().recurrent();
      int liquidKept = 0;
      for (int row = 0; row < w.rows(); row++) {
        for (int k = w.rowPointers()[row]; k < w.rowPointers()[row + 1]; k++) {
          float v = w.values()[k];
          int c = w.columnIndices()[k];
          assertThat(r.learner().isExcitatory(row) ? v >= 0 : v <= 0)
              .as("row %d weight %s", row, v)
              .isTrue();
          if (c < task.outputs()[0]) {
            liquidKept++;
            assertThat(v)
                .as("liquid synapse %d -> %d", row, c)
                .isEqualTo(student.get(row, c))
                .isNotZero();
          }
        }
      }
      assertThat(liquidKept).isEqualTo(expected - r.keptSynapses());
      SaStl.Result again =
          new SaStl(s).train(task.student(), task.outputs(), task.input(), task.targets());
      assertThat(again.learner().recurrent()).isEqualTo(w);
      assertThat(again.vanRossum()).isEqualTo(r.vanRossum());
    }
  }

  @Test
  @DisplayName(
      "the trainable budget is the default and leaves every liquid synapse; the liquid's STDP relevance "
          + "keeps other liquid synapses than magnitude and random selection")
  void budgets() {
    SaStlTask task = smallTask(9);
    SaStl.Settings old = small(0.5, SaStl.Selection.RELEVANCE, 2);
    assertThat(old.budget()).isEqualTo(SaStl.Budget.TRAINABLE);
    SaStl.Result r =
        new SaStl(old).train(task.student(), task.outputs(), task.input(), task.targets());
    assertThat(r.keptRecurrentSynapses()).isEqualTo(task.student().synapses() - 60);
    SaStl.Result explicit =
        new SaStl(old.budgeting(SaStl.Budget.TRAINABLE))
            .train(task.student(), task.outputs(), task.input(), task.targets());
    assertThat(explicit.vanRossum()).isEqualTo(r.vanRossum());
    Set<Long> kept = new HashSet<>();
    for (SaStl.Selection selection :
        new SaStl.Selection[] {
          SaStl.Selection.RELEVANCE, SaStl.Selection.MAGNITUDE, SaStl.Selection.RANDOM
        }) {
      SaStl.Result all =
          new SaStl(old.selecting(selection, 2).budgeting(SaStl.Budget.ALL).withEpochs(20))
              .train(task.student(), task.outputs(), task.input(), task.targets());
      long signature = liquidPairs(all.learner(), task.outputs()[0]).hashCode();
      assertThat(kept.add(signature)).as("%s keeps its own liquid synapses", selection).isTrue();
    }
  }

  @Test
  @DisplayName(
      "downstream importance: a neuron's share of the outputs' live afferent weight plus one hop through "
          + "the liquid, removed synapses ignored")
  void downstreamImportance() {
    // Neurons 0-3 form the liquid, 4 is the output. Output afferents: 0 -> 4 (w 1), 1 -> 4 (w 3).
    // Liquid: 2 -> 0 (w 1), 3 -> 2 (w -2), 1 -> 0 (w 3).
    int[][] outputEntries = {{0, 1}};
    int[][] outputRows = {{0, 1}};
    int[] liquidEntries = {2, 3, 4};
    int[] liquidPre = {2, 3, 1};
    int[] liquidPost = {0, 2, 0};
    float[] values = {1, 3, 1, -2, 3};
    boolean[] alive = {true, true, true, true, true};
    // Direct shares 1/4 and 3/4; neuron 2 gives 1/4 of neuron 0's input, neuron 1 the other 3/4;
    // neuron 3 feeds
    // only neuron 2, which reaches no output directly.
    assertThat(
            SaStl.downstreamImportance(
                5, liquidEntries, liquidPre, liquidPost, outputEntries, outputRows, alive, values))
        .containsExactly(0.25, 0.75 + 0.75 * 0.25, 0.25 * 0.25, 0, 0);
    alive[4] = false;
    assertThat(
            SaStl.downstreamImportance(
                5, liquidEntries, liquidPre, liquidPost, outputEntries, outputRows, alive, values))
        .containsExactly(0.25, 0.75, 0.25, 0, 0);
    alive[0] = false;
    assertThat(
            SaStl.downstreamImportance(
                5, liquidEntries, liquidPre, liquidPost, outputEntries, outputRows, alive, values))
        .containsExactly(0, 1, 0, 0, 0);
  }

  @Test
  @DisplayName(
      "the downstream liquid score keeps the same counts as the pairing score (the default), keeps more "
          + "liquid synapses onto the outputs' afferents, and leaves the trainable budget unchanged")
  void downstreamLiquidScore() {
    SaStlTask task = smallTask(8);
    SaStl.Settings pairing =
        small(0.5, SaStl.Selection.RELEVANCE, 3).budgeting(SaStl.Budget.ALL).withEpochs(20);
    assertThat(pairing.liquidScore()).isEqualTo(SaStl.LiquidScore.PAIRING);
    SaStl.Result byPairing =
        new SaStl(pairing).train(task.student(), task.outputs(), task.input(), task.targets());
    SaStl.Result byDownstream =
        new SaStl(pairing.scoringLiquid(SaStl.LiquidScore.DOWNSTREAM))
            .train(task.student(), task.outputs(), task.input(), task.targets());
    assertThat(byDownstream.keptRecurrentSynapses()).isEqualTo(byPairing.keptRecurrentSynapses());
    assertThat(byDownstream.keptSynapses()).isEqualTo(byPairing.keptSynapses());
    int firstOutput = task.outputs()[0];
    Set<Integer> afferents = new HashSet<>();
    for (long pair : outputPairs(task.student(), firstOutput)) {
      afferents.add((int) (pair / 100_000));
    }
    assertThat(ontoAfferents(byDownstream.learner(), firstOutput, afferents))
        .isGreaterThan(ontoAfferents(byPairing.learner(), firstOutput, afferents));
    SaStl.Settings trainable = small(0.5, SaStl.Selection.RELEVANCE, 3).withEpochs(20);
    assertThat(
            new SaStl(trainable.scoringLiquid(SaStl.LiquidScore.DOWNSTREAM))
                .train(task.student(), task.outputs(), task.input(), task.targets())
                .vanRossum())
        .isEqualTo(
            new SaStl(trainable)
                .train(task.student(), task.outputs(), task.input(), task.targets())
                .vanRossum());
  }

  /** Kept liquid synapses whose postsynaptic neuron is an afferent of some output. */
  private static long ontoAfferents(Liquid liquid, int firstOutput, Set<Integer> afferents) {
    return liquidPairs(liquid, firstOutput).stream()
        .filter(p -> afferents.contains((int) (p % 100_000)))
        .count();
  }

  /** (pre, post) of the liquid's own synapses, encoded as pre * 100000 + post. */
  private static Set<Long> liquidPairs(Liquid liquid, int firstOutput) {
    return pairs(liquid, post -> post < firstOutput);
  }

  /** (pre, post) of the synapses onto the outputs, encoded as pre * 100000 + post. */
  private static Set<Long> outputPairs(Liquid liquid, int firstOutput) {
    return pairs(liquid, post -> post >= firstOutput);
  }

  /**
   * (pre, post) of the synapses whose postsynaptic neuron passes {@code post}, encoded as pre *
   * 100000 + post.
   */
  private static Set<Long> pairs(Liquid liquid, IntPredicate post) {
    Set<Long> out = new HashSet<>();
    var w = liquid.recurrent();
    for (int row = 0; row < w.rows(); row++) {
      for (int k = w.rowPointers()[row]; k < w.rowPointers()[row + 1]; k++) {
        if (post.test(w.columnIndices()[k])) {
          out.add(row * 100_000L + w.columnIndices()[k]);
        }
      }
    }
    return out;
  }

  /**
   * A small random-target task with inhibitory afferents (100 neurons, 3 outputs x 40 afferents, 10
   * inhibitory).
   */
  private static SaStlTask inhibitoryTask(long seed) {
    return SaStlTask.create(
        100, 200, 3, 40, 0.05, 0, 1.0, SaStlTask.Targets.POISSON, 0.25, 0.8, seed);
  }

  /**
   * Summed weight onto the outputs from excitatory ([0]) and inhibitory ([1]) presynaptic neurons.
   */
  private static double[] outputWeightSums(Liquid liquid, int firstOutput) {
    var w = liquid.recurrent();
    double[] sums = new double[2];
    for (int row = 0; row < w.rows(); row++) {
      for (int k = w.rowPointers()[row]; k < w.rowPointers()[row + 1]; k++) {
        if (w.columnIndices()[k] >= firstOutput) {
          sums[liquid.isExcitatory(row) ? 0 : 1] += w.values()[k];
        }
      }
    }
    return sums;
  }

  @Test
  @DisplayName(
      "with inhibitory afferents, learning brings the outputs' trains closer to random targets than the "
          + "start and than a silent output, and Dale's law holds")
  void learnsRandomTargetsWithInhibitoryAfferents() {
    for (long seed = 1; seed <= 2; seed++) {
      SaStlTask task =
          SaStlTask.create(
              100, 200, 3, 60, 0.05, 0, 1.0, SaStlTask.Targets.POISSON, 0.25, 0.8, seed);
      SaStl.Result r =
          new SaStl(
                  new SaStl.Settings(
                      300, 0.005, 0, 20, 1, 2, 0.02, 5, 0.2, SaStl.Selection.RELEVANCE, seed))
              .train(task.student(), task.outputs(), task.input(), task.targets());
      double silent = 0;
      for (int o = 0; o < task.outputs().length; o++) {
        silent +=
            org.snncodesign.learning.distance.VanRossumDistance.distance(
                new int[0], task.targets().train(o).times(), 5);
      }
      silent /= task.outputs().length;
      // Seeds 1 and 2 reach 0.75 and 0.81 of the start, 0.75 and 0.84 of silence; the rule with its
      // sign flipped
      // never improves on the start, so the pocket would return the start.
      assertThat(r.finalVanRossum())
          .as("seed %d", seed)
          .isLessThan(0.9 * r.initialVanRossum())
          .isLessThan(0.92 * silent);
      assertThat(r.finalVictorPurpura()).as("seed %d", seed).isLessThan(r.victorPurpura().get(0));
      var w = r.learner().recurrent();
      for (int row = 0; row < w.rows(); row++) {
        for (int k = w.rowPointers()[row]; k < w.rowPointers()[row + 1]; k++) {
          float v = w.values()[k];
          assertThat(r.learner().isExcitatory(row) ? v >= 0 : v <= 0)
              .as("row %d weight %s", row, v)
              .isTrue();
        }
      }
    }
  }

  @Test
  @DisplayName(
      "asked for silence, the rule removes spikes by strengthening inhibition and weakening excitation "
          + "(a flipped sign would add spikes and fail)")
  void silenceStrengthensInhibition() {
    SaStlTask task = inhibitoryTask(3);
    SpikeRaster silence = new SpikeRaster(task.input().timeSteps(), task.outputs().length);
    SaStl.Result r =
        new SaStl(
                new SaStl.Settings(
                    20, 0.005, 0, 20, 1, 2, 0.02, 5, 0.2, SaStl.Selection.RELEVANCE, 3))
            .train(task.student(), task.outputs(), task.input(), silence);
    int[] before = new LiquidSimulator(task.student(), 0).raster(task.input()).countsPerNeuron();
    int[] after = new LiquidSimulator(r.learner(), 0).raster(task.input()).countsPerNeuron();
    int spikesBefore = 0;
    int spikesAfter = 0;
    for (int o : task.outputs()) {
      spikesBefore += before[o];
      spikesAfter += after[o];
    }
    assertThat(spikesAfter).isLessThan(spikesBefore / 2);
    double[] start = outputWeightSums(task.student(), task.outputs()[0]);
    double[] end = outputWeightSums(r.learner(), task.outputs()[0]);
    assertThat(end[0]).as("excitatory sum").isLessThan(start[0]);
    assertThat(end[1]).as("inhibitory sum").isLessThan(start[1]);
    assertThat(r.finalVanRossum()).isLessThan(r.initialVanRossum());
  }
}
