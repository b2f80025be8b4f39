package org.snncodesign.learning.lsm.pruning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.learning.lsm.Liquid;
import org.snncodesign.learning.lsm.LiquidParameters;
import org.snncodesign.learning.lsm.LiquidSimulator;

class InactiveNeuronPrunerTest {

  private static SpikeRaster input(long seed) {
    SpikeRaster r = new SpikeRaster(60, 2);
    SplittableRandom random = new SplittableRandom(seed);
    for (int t = 0; t < 60; t++) {
      if (random.nextDouble() < 0.3) {
        r.set(t, random.nextInt(2));
      }
    }
    return r;
  }

  @Test
  @DisplayName(
      "removing neurons that never fired leaves every other neuron's spikes exactly as they were")
  void removingSilentNeuronsIsExact() {
    // Sparse input reaches only some neurons, so part of the liquid stays silent.
    Liquid liquid =
        Liquid.create(
            LiquidParameters.builder()
                .neurons(150)
                .inputChannels(2)
                .inputProbability(0.1)
                .seed(3)
                .build());
    List<SpikeRaster> inputs = List.of(input(1), input(2), input(3));
    LiquidSimulator full = new LiquidSimulator(liquid, 10);
    SpikeRaster[] before = new SpikeRaster[3];
    for (int s = 0; s < 3; s++) {
      before[s] = full.raster(inputs.get(s));
    }
    long[] activity = full.activity();
    int[] active = InactiveNeuronPruner.active(activity, 1);
    assertThat(active.length).isBetween(1, 149);
    assertThat(InactiveNeuronPruner.countInactive(activity, 1)).isEqualTo(150 - active.length);
    Liquid pruned = InactiveNeuronPruner.prune(liquid, active);
    LiquidSimulator small = new LiquidSimulator(pruned, 10);
    for (int s = 0; s < 3; s++) {
      SpikeRaster after = small.raster(inputs.get(s));
      for (int t = 0; t < after.timeSteps(); t++) {
        for (int i = 0; i < active.length; i++) {
          assertThat(after.get(t, i)).isEqualTo(before[s].get(t, active[i]));
        }
      }
    }
    assertThat(pruned.synapses()).isLessThan(liquid.synapses());
  }

  @Test
  @DisplayName("keepTop keeps the highest scores, ascending by index, ties to the lower index")
  void keepTop() {
    double[] score = {3, 1, 3, 0, 2, 3};
    assertThat(InactiveNeuronPruner.keepTop(score, 2)).containsExactly(0, 2);
    assertThat(InactiveNeuronPruner.keepTop(score, 4)).containsExactly(0, 2, 4, 5);
  }

  @Test
  @DisplayName(
      "re-connection hands removed neurons' synapses to the nearest kept neuron of the same type")
  void reconnection() {
    Liquid liquid =
        Liquid.create(LiquidParameters.builder().neurons(125).inputChannels(2).seed(8).build());
    int[] keep = java.util.stream.IntStream.range(0, 125).filter(i -> i % 4 == 0).toArray();
    int[] heir = AdaptiveReconnection.heirs(liquid, keep);
    for (int r = 0; r < 125; r++) {
      if (heir[r] >= 0) {
        assertThat(liquid.isExcitatory(heir[r])).isEqualTo(liquid.isExcitatory(r));
        for (int k : keep) {
          if (liquid.isExcitatory(k) == liquid.isExcitatory(r)) {
            assertThat(liquid.distanceSquared(r, k))
                .isGreaterThanOrEqualTo(liquid.distanceSquared(r, heir[r]));
          }
        }
      }
    }
    Liquid plain = InactiveNeuronPruner.prune(liquid, keep);
    Liquid rewired = AdaptiveReconnection.prune(liquid, keep);
    assertThat(rewired.neurons()).isEqualTo(plain.neurons());
    assertThat(rewired.synapses()).isGreaterThan(plain.synapses());
    assertThat(rewired.inputSynapses()).isGreaterThan(plain.inputSynapses());
    // Every original synapse among kept neurons survives with its weight.
    for (int i = 0; i < keep.length; i++) {
      for (int j = 0; j < keep.length; j++) {
        float w = plain.recurrent().get(i, j);
        if (w != 0) {
          assertThat(rewired.recurrent().get(i, j)).isEqualTo(w);
        }
      }
      assertThat(rewired.recurrent().get(i, i)).isZero();
      for (int k = rewired.recurrent().rowPointers()[i];
          k < rewired.recurrent().rowPointers()[i + 1];
          k++) {
        assertThat(rewired.recurrent().values()[k] > 0).isEqualTo(rewired.isExcitatory(i));
      }
    }
  }

  @Test
  @DisplayName(
      "the operating point is the smallest liquid within the tolerance of the full one's CV accuracy")
  void operatingPoint() {
    LiquidSize big = new LiquidSize(100, 1000, 50, 1010, 9000);
    List<PruningPoint> points =
        List.of(
            new PruningPoint(1, NeuronRanking.ACTIVITY, false, big, 0.90, 0.91, 1, 10, 0, 4),
            new PruningPoint(
                0.5,
                NeuronRanking.ACTIVITY,
                false,
                new LiquidSize(50, 400, 25, 510, 4000),
                0.895,
                0.9,
                1,
                10,
                1,
                4),
            new PruningPoint(
                0.2,
                NeuronRanking.ACTIVITY,
                false,
                new LiquidSize(20, 100, 10, 210, 1000),
                0.85,
                0.95,
                1,
                10,
                1,
                4));
    assertThat(PruningStudy.operatingPoint(points, 0.01).size().neurons()).isEqualTo(50);
  }
}
