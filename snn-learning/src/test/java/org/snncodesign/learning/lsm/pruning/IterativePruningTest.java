package org.snncodesign.learning.lsm.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.learning.lsm.Liquid;
import org.snncodesign.learning.lsm.LiquidParameters;
import org.snncodesign.learning.lsm.LiquidSimulator;
import org.snncodesign.learning.lsm.LiquidStates;
import org.snncodesign.learning.lsm.readout.Features;

class IterativePruningTest {

  /**
   * Two classes: channel 0 busy early (class 0) or channel 1 busy late (class 1), with random extra
   * spikes.
   */
  private static SpikeRaster input(int label, long seed) {
    SpikeRaster r = new SpikeRaster(40, 2);
    SplittableRandom random = new SplittableRandom(seed);
    for (int t = 0; t < 40; t++) {
      boolean early = t < 20;
      int busy = label == 0 ? 0 : 1;
      if ((label == 0) == early && random.nextDouble() < 0.5) {
        r.set(t, busy);
      }
      if (random.nextDouble() < 0.05) {
        r.set(t, random.nextInt(2));
      }
    }
    return r;
  }

  private static PruningStudy study(int samples, int[] bins) {
    List<SpikeRaster> train = new ArrayList<>();
    List<SpikeRaster> test = new ArrayList<>();
    int[] trainLabels = new int[samples];
    int[] testLabels = new int[samples / 2];
    for (int i = 0; i < samples; i++) {
      trainLabels[i] = i % 2;
      train.add(input(i % 2, i));
    }
    for (int i = 0; i < testLabels.length; i++) {
      testLabels[i] = i % 2;
      test.add(input(i % 2, 1000 + i));
    }
    PruningStudy study =
        new PruningStudy(
            train,
            trainLabels,
            test,
            testLabels,
            2,
            bins[bins.length - 1],
            5,
            new double[] {1, 10, 100},
            3,
            1,
            line -> {});
    return bins.length > 1 ? study.withBinChoices(bins) : study;
  }

  @Test
  @DisplayName(
      "iterative pruning shrinks the liquid geometrically to the asked size and evaluates every round")
  void iterativeRounds() {
    Liquid liquid =
        Liquid.create(
            LiquidParameters.builder()
                .neurons(64)
                .inputChannels(2)
                .inputProbability(0.3)
                .seed(2)
                .build());
    PruningStudy study = study(30, new int[] {2});
    PruningStudy.Evaluation full = study.evaluate(liquid, 1, NeuronRanking.ACTIVITY, false, 0);
    PruningStudy.Run run =
        study.prune(
            liquid,
            full,
            0.25,
            new PruningStudy.Method(NeuronRanking.READOUT_WEIGHT, true, true, true, 2));
    assertThat(run.rounds()).hasSize(3);
    assertThat(run.rounds().stream().mapToInt(e -> e.point().size().neurons()).toArray())
        .containsExactly(64, 32, 16);
    assertThat(run.last().rounds()).isEqualTo(2);
    assertThat(run.pruned().neurons()).isEqualTo(16);
    assertThat(run.last().cvAccuracy()).isBetween(0.0, 1.0);
    // The one-shot run of the same method reaches the same size in one round.
    PruningStudy.Run once =
        study.prune(liquid, full, 0.25, PruningStudy.Method.oneShot(NeuronRanking.FISHER, false));
    assertThat(once.rounds()).hasSize(2);
    assertThat(once.last().size().neurons()).isEqualTo(16);
    assertThatThrownBy(
            () -> new PruningStudy.Method(NeuronRanking.ACTIVITY, false, false, false, 0))
        .hasMessageContaining("0");
  }

  @Test
  @DisplayName(
      "the one-shot curve starts with the full liquid, then plain and re-wired points per fraction")
  void oneShotCurve() {
    Liquid liquid =
        Liquid.create(
            LiquidParameters.builder()
                .neurons(48)
                .inputChannels(2)
                .inputProbability(0.3)
                .seed(6)
                .build());
    List<PruningPoint> points =
        study(24, new int[] {2})
            .curve(liquid, new double[] {0.5, 0.25}, List.of(NeuronRanking.ACTIVITY), true);
    assertThat(points).hasSize(5);
    assertThat(points.get(0).size().neurons()).isEqualTo(48);
    assertThat(points.stream().skip(1).mapToInt(p -> p.size().neurons()).toArray())
        .containsExactly(24, 24, 12, 12);
    assertThat(points.stream().skip(1).map(PruningPoint::rewired).toList())
        .containsExactly(false, true, false, true);
    assertThat(points.get(2).size().synapses())
        .isGreaterThanOrEqualTo(points.get(1).size().synapses());
  }

  @Test
  @DisplayName("states summed into fewer bins equal the states simulated with fewer bins")
  void coarserBinsAreExact() {
    Liquid liquid =
        Liquid.create(
            LiquidParameters.builder()
                .neurons(40)
                .inputChannels(2)
                .inputProbability(0.3)
                .seed(5)
                .build());
    List<SpikeRaster> inputs = List.of(input(0, 1), input(1, 2), input(0, 3));
    Features six = LiquidStates.compute(new LiquidSimulator(liquid, 7), inputs, 6);
    for (int bins : new int[] {1, 2, 3, 6}) {
      Features direct = LiquidStates.compute(new LiquidSimulator(liquid, 7), inputs, bins);
      assertThat(PruningStudy.coarser(six, 6, bins).values()).containsExactly(direct.values());
    }
  }

  @Test
  @DisplayName("with several bin counts the study keeps the one cross-validation prefers")
  void binChoice() {
    Liquid liquid =
        Liquid.create(
            LiquidParameters.builder()
                .neurons(30)
                .inputChannels(2)
                .inputProbability(0.3)
                .seed(4)
                .build());
    PruningStudy.Evaluation e =
        study(24, new int[] {1, 2, 4}).evaluate(liquid, 1, NeuronRanking.ACTIVITY, false, 0);
    assertThat(e.bins()).isIn(1, 2, 4);
    assertThat(e.point().bins()).isEqualTo(e.bins());
    assertThat(e.trainStates().dimension()).isEqualTo(e.bins() * 30);
    assertThat(e.readout().dimension()).isEqualTo(e.bins() * 30);
    assertThatThrownBy(() -> study(10, new int[] {2}).withBinChoices(3, 4))
        .hasMessageContaining("divide");
  }

  @Test
  @DisplayName(
      "the Fisher ratio is high for a neuron whose count tracks the class and zero for a silent one")
  void fisher() {
    // 3 neurons, 1 bin: neuron 0 = class, neuron 1 = noise independent of class, neuron 2 silent.
    int n = 40;
    float[] v = new float[n * 3];
    int[] labels = new int[n];
    SplittableRandom random = new SplittableRandom(3);
    for (int s = 0; s < n; s++) {
      labels[s] = s % 2;
      v[s * 3] = labels[s] * 5 + random.nextInt(2);
      v[s * 3 + 1] = random.nextInt(6);
    }
    double[] score = InactiveNeuronPruner.fisher(new Features(n, 3, v), labels, 2, 1);
    assertThat(score[0]).isGreaterThan(10 * score[1]);
    assertThat(score[2]).isZero();
    assertThat(InactiveNeuronPruner.keepTop(score, 1)).containsExactly(0);
  }

  @Test
  @DisplayName(
      "re-connection with restored fan-in gives no kept neuron more inputs than before and keeps originals")
  void fanInRestored() {
    Liquid liquid =
        Liquid.create(LiquidParameters.builder().neurons(125).inputChannels(3).seed(8).build());
    int[] keep = IntStream.range(0, 125).filter(i -> i % 3 == 0).toArray();
    Liquid plain = InactiveNeuronPruner.prune(liquid, keep);
    Liquid all = AdaptiveReconnection.prune(liquid, keep, false);
    Liquid capped = AdaptiveReconnection.prune(liquid, keep, true);
    int[] before = inDegree(liquid.recurrent());
    int[] after = inDegree(capped.recurrent());
    int[] inBefore = inDegree(liquid.input());
    int[] inAfter = inDegree(capped.input());
    for (int i = 0; i < keep.length; i++) {
      assertThat(after[i]).isLessThanOrEqualTo(before[keep[i]]);
      assertThat(inAfter[i]).isLessThanOrEqualTo(inBefore[keep[i]]);
      for (int j = 0; j < keep.length; j++) {
        float w = plain.recurrent().get(j, i);
        if (w != 0) {
          assertThat(capped.recurrent().get(j, i)).isEqualTo(w);
        }
      }
    }
    assertThat(capped.synapses()).isGreaterThan(plain.synapses()).isLessThan(all.synapses());
    assertThat(capped.synapses()).isLessThanOrEqualTo(IntStream.of(keep).map(k -> before[k]).sum());
  }

  @Test
  @DisplayName(
      "drive balance restores each kept neuron's summed excitatory and inhibitory input, up to the cap")
  void driveBalance() {
    Liquid liquid =
        Liquid.create(LiquidParameters.builder().neurons(125).inputChannels(2).seed(9).build());
    int[] keep = IntStream.range(0, 125).filter(i -> i % 2 == 0).toArray();
    Liquid plain = InactiveNeuronPruner.prune(liquid, keep);
    Liquid balanced = DriveBalance.restore(liquid, keep, plain);
    double[][] before = DriveBalance.incoming(liquid.recurrent());
    double[][] lost = DriveBalance.incoming(plain.recurrent());
    double[][] after = DriveBalance.incoming(balanced.recurrent());
    for (int sign = 0; sign < 2; sign++) {
      for (int i = 0; i < keep.length; i++) {
        double want = before[sign][keep[i]];
        if (lost[sign][i] == 0) {
          assertThat(after[sign][i]).isZero();
        } else if (want <= DriveBalance.MAX_SCALE * lost[sign][i]) {
          assertThat(after[sign][i])
              .isCloseTo(want, org.assertj.core.data.Offset.offset(1e-4 * want + 1e-6));
        } else {
          assertThat(after[sign][i])
              .isCloseTo(
                  DriveBalance.MAX_SCALE * lost[sign][i],
                  org.assertj.core.data.Offset.offset(1e-4 * want));
        }
      }
    }
    assertThat(balanced.recurrent().columnIndices())
        .containsExactly(plain.recurrent().columnIndices());
    assertThat(balanced.input()).isSameAs(plain.input());
  }

  private static int[] inDegree(CsrMatrix m) {
    int[] degree = new int[m.cols()];
    for (int c : m.columnIndices()) {
      degree[c]++;
    }
    return degree;
  }
}
