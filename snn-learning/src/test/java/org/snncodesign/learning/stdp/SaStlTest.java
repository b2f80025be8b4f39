package org.snncodesign.learning.stdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
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
  @DisplayName("learning brings the outputs' trains at least 25 % closer to the targets on a small task")
  void learningReducesDistance() {
    for (long seed = 1; seed <= 2; seed++) {
      SaStlTask task = smallTask(seed);
      SaStl.Result r = new SaStl(small(1, SaStl.Selection.RELEVANCE, seed)).train(task.student(), task.outputs(),
          task.input(), task.targets());
      assertThat(r.initialVanRossum()).as("untrained distance, seed %d", seed).isGreaterThan(0.3);
      assertThat(r.finalVanRossum()).as("seed %d", seed).isLessThan(0.75 * r.initialVanRossum());
      assertThat(r.finalVictorPurpura()).as("seed %d", seed).isLessThan(r.victorPurpura().get(0));
      // The final entry is the returned liquid's own distance.
      SpikeRaster produced = new LiquidSimulator(r.learner(), 0).raster(task.input());
      double sum = 0;
      for (int o = 0; o < task.outputs().length; o++) {
        sum += org.snncodesign.learning.distance.VanRossumDistance.distance(
            produced.train(task.outputs()[o]).times(), task.targets().train(o).times(), 5);
      }
      assertThat(sum / task.outputs().length).isCloseTo(r.finalVanRossum(), org.assertj.core.data.Offset.offset(
          1e-9));
    }
  }

  @ParameterizedTest
  @EnumSource(SaStl.Selection.class)
  @DisplayName("every selection keeps exactly ceil(keep x trainable) synapses and drops the others from the liquid")
  void keepsExactShare(SaStl.Selection selection) {
    SaStlTask task = smallTask(3);
    for (double keep : new double[] {0.75, 0.5, 0.35}) {
      SaStl.Result r = new SaStl(new SaStl.Settings(9, 0.002, 0, 20, keep, 2, 0.5, 5, 0.2, selection, 7))
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
  @DisplayName("the same seed gives the same result; random selection with another seed keeps other synapses")
  void deterministic() {
    SaStlTask task = smallTask(4);
    SaStlTask again = smallTask(4);
    assertThat(again.targets()).isEqualTo(task.targets());
    assertThat(again.student().recurrent()).isEqualTo(task.student().recurrent());
    for (SaStl.Selection selection : SaStl.Selection.values()) {
      SaStl.Settings s = new SaStl.Settings(20, 0.002, 0, 20, 0.5, 2, 0.5, 5, 0.2, selection, 11);
      SaStl.Result a = new SaStl(s).train(task.student(), task.outputs(), task.input(), task.targets());
      SaStl.Result b = new SaStl(s).train(again.student(), again.outputs(), again.input(), again.targets());
      assertThat(b.vanRossum()).isEqualTo(a.vanRossum());
      assertThat(b.learner().recurrent()).isEqualTo(a.learner().recurrent());
    }
    SaStl.Settings s = new SaStl.Settings(20, 0.002, 0, 20, 0.5, 2, 0.5, 5, 0.2, SaStl.Selection.RANDOM, 11);
    SaStl.Result a = new SaStl(s).train(task.student(), task.outputs(), task.input(), task.targets());
    SaStl.Result c = new SaStl(s.selecting(SaStl.Selection.RANDOM, 12)).train(task.student(), task.outputs(),
        task.input(), task.targets());
    assertThat(c.learner().recurrent().columnIndices()).isNotEqualTo(a.learner().recurrent().columnIndices());
  }

  @Test
  @DisplayName("Dale's law holds after training and the given liquid is left untouched")
  void daleAndCopy() {
    SaStlTask task = smallTask(5);
    var before = task.student().copy().recurrent();
    SaStl.Result r = new SaStl(small(0.5, SaStl.Selection.RELEVANCE, 5)).train(task.student(), task.outputs(),
        task.input(), task.targets());
    var w = r.learner().recurrent();
    for (int row = 0; row < w.rows(); row++) {
      for (int k = w.rowPointers()[row]; k < w.rowPointers()[row + 1]; k++) {
        float v = w.values()[k];
        assertThat(r.learner().isExcitatory(row) ? v >= 0 : v <= 0).as("row %d weight %s", row, v).isTrue();
      }
    }
    assertThat(task.student().recurrent()).isEqualTo(before);
  }

  @Test
  @DisplayName("when the outputs already fire the targets, nothing is learned and the distance stays 0")
  void fixedPoint() {
    Liquid liquid = Liquid.create(LiquidParameters.builder().neurons(80).inputChannels(8).seed(4).build());
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
    SaStl.Result result = new SaStl(new SaStl.Settings(3, 0.1, 0.05, 10, 1, 1, 0.5, 5, 0.2,
        SaStl.Selection.RELEVANCE, 1)).train(liquid, outputs, input, targets);
    assertThat(result.vanRossum()).containsOnly(0.0);
    assertThat(result.learner().recurrent()).isEqualTo(liquid.recurrent());
  }

  @Test
  @DisplayName("settings reject a kept share outside (0, 1] and a pruning phase outside (0, 1]")
  void settingsChecks() {
    assertThatThrownBy(() -> SaStl.Settings.defaults().keeping(0)).hasMessageContaining("keepFraction");
    assertThatThrownBy(() -> new SaStl.Settings(10, 0.1, 0, 10, 0.5, 1, 0, 5, 0.2, SaStl.Selection.RANDOM, 1))
        .hasMessageContaining("pruneUntil");
  }
}
