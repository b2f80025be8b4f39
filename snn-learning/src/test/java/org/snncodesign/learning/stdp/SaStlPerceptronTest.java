package org.snncodesign.learning.stdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.learning.lsm.LiquidSimulator;

class SaStlPerceptronTest {

  /**
   * The perceptron model of a task's student: entries and presynaptic rows of every output's
   * afferents.
   */
  private static SaStlPerceptron model(SaStlTask task) {
    var w = task.student().recurrent();
    int[] outputs = task.outputs();
    int[][] entries = new int[outputs.length][];
    int[][] rows = new int[outputs.length][];
    for (int o = 0; o < outputs.length; o++) {
      List<int[]> found = new ArrayList<>();
      for (int r = 0; r < w.rows(); r++) {
        for (int k = w.rowPointers()[r]; k < w.rowPointers()[r + 1]; k++) {
          if (w.columnIndices()[k] == outputs[o]) {
            found.add(new int[] {k, r});
          }
        }
      }
      entries[o] = found.stream().mapToInt(a -> a[0]).toArray();
      rows[o] = found.stream().mapToInt(a -> a[1]).toArray();
    }
    return new SaStlPerceptron(task.student(), outputs, entries, rows, task.input());
  }

  @Test
  @DisplayName("the linear output model run free reproduces the engine's output spikes")
  void modelMatchesEngine() {
    for (long seed = 1; seed <= 3; seed++) {
      SaStlTask task = SaStlTask.create(100, 200, 4, 30, 0.05, 0.6, 1.0, seed);
      SpikeRaster spikes = new LiquidSimulator(task.student(), 0).raster(task.input());
      SaStlPerceptron model = model(task);
      for (int o = 0; o < task.outputs().length; o++) {
        int[] engine = spikes.train(task.outputs()[o]).times();
        int[] predicted = model.freeRun(o, spikes, task.student().recurrent().values());
        assertThat(engine).isNotEmpty();
        assertThat(predicted).as("seed %d output %d", seed, o).containsExactly(engine);
      }
    }
  }

  @Test
  @DisplayName(
      "with charge-balanced inhibitory afferents the linear model still reproduces the engine's spikes, and "
          + "asked for silence it strengthens inhibition (more negative) and weakens excitation")
  void modelMatchesEngineWithInhibitoryAfferents() {
    for (long seed = 1; seed <= 3; seed++) {
      SaStlTask task =
          SaStlTask.create(
              100, 200, 3, 40, 0.05, 0, 1.0, SaStlTask.Targets.POISSON, 0.25, 0.8, seed);
      SpikeRaster spikes = new LiquidSimulator(task.student(), 0).raster(task.input());
      SaStlPerceptron model = model(task);
      float[] values = task.student().recurrent().values();
      for (int o = 0; o < task.outputs().length; o++) {
        int[] engine = spikes.train(task.outputs()[o]).times();
        assertThat(engine).isNotEmpty();
        assertThat(model.freeRun(o, spikes, values))
            .as("seed %d output %d", seed, o)
            .containsExactly(engine);
      }
      double[] delta = new double[values.length];
      assertThat(model.accumulate(spikes, new SpikeRaster(200, 3), values, 0.1, 0, delta))
          .isPositive();
      var w = task.student().recurrent();
      double inhibitory = 0;
      double excitatory = 0;
      for (int r = 0; r < w.rows(); r++) {
        for (int k = w.rowPointers()[r]; k < w.rowPointers()[r + 1]; k++) {
          if (w.columnIndices()[k] >= 100) {
            assertThat(delta[k]).isLessThanOrEqualTo(0);
            if (task.student().isExcitatory(r)) {
              excitatory += delta[k];
            } else {
              inhibitory += delta[k];
            }
          }
        }
      }
      assertThat(inhibitory).as("seed %d", seed).isNegative();
      assertThat(excitatory).as("seed %d", seed).isNegative();
    }
  }

  @Test
  @DisplayName(
      "targets the model already meets give no update; a missing target spike potentiates the afferents")
  void updates() {
    SaStlTask task = SaStlTask.create(100, 200, 3, 30, 0.05, 0.6, 1.0, 2);
    SpikeRaster spikes = new LiquidSimulator(task.student(), 0).raster(task.input());
    SaStlPerceptron model = model(task);
    float[] values = task.student().recurrent().values();
    SpikeRaster own = new SpikeRaster(200, 3);
    for (int o = 0; o < 3; o++) {
      for (int t : model.freeRun(o, spikes, values)) {
        own.set(t, o);
      }
    }
    double[] delta = new double[values.length];
    assertThat(model.accumulate(spikes, own, values, 0.1, 0, delta)).isZero();
    assertThat(delta).containsOnly(0.0);
    // No target spikes at all: every own spike becomes a below-threshold violation, so weights only
    // go down.
    double[] down = new double[values.length];
    assertThat(model.accumulate(spikes, new SpikeRaster(200, 3), values, 0.1, 0, down))
        .isPositive();
    assertThat(java.util.Arrays.stream(down).max().orElseThrow()).isZero();
    assertThat(java.util.Arrays.stream(down).min().orElseThrow()).isNegative();
  }

  @Test
  @DisplayName(
      "the perceptron rule converges on a teacher task: its current weights reproduce the targets "
          + "(distance about 0), far better than ReSuMe's")
  void perceptronConverges() {
    SaStlTask task = SaStlTask.create(100, 150, 4, 30, 0.05, 0.6, 1.0, 1);
    SaStl.Settings base =
        new SaStl.Settings(120, 0.002, 0, 20, 1, 2, 0.25, 5, 0.2, SaStl.Selection.RELEVANCE, 1);
    SaStl.Result perceptron =
        new SaStl(base.withRule(SaStl.Rule.PERCEPTRON, 0).withLearningRate(0.01))
            .train(task.student(), task.outputs(), task.input(), task.targets());
    SaStl.Result resume =
        new SaStl(base).train(task.student(), task.outputs(), task.input(), task.targets());
    // The mean over the last 10 presentations of the current weights, not the pocket's best.
    assertThat(perceptron.meanVanRossumOfLast(11))
        .isLessThan(0.1 * perceptron.initialVanRossum())
        .isLessThan(0.5 * resume.meanVanRossumOfLast(11));
    assertThat(perceptron.finalVanRossum()).isLessThan(0.1 * perceptron.initialVanRossum());
  }
}
