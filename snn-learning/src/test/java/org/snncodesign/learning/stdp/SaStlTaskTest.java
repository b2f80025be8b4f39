package org.snncodesign.learning.stdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.learning.lsm.LiquidParameters;
import org.snncodesign.learning.lsm.LiquidSimulator;

class SaStlTaskTest {

  @Test
  @DisplayName(
      "outputs are excitatory, send no synapses, have the asked afferents and fire about the asked count")
  void structure() {
    SaStlTask task = SaStlTask.create(100, 200, 3, 25, 0.05, 0.6, 0.5, 2);
    var w = task.student().recurrent();
    assertThat(task.student().neurons()).isEqualTo(103);
    assertThat(task.outputs()).containsExactly(100, 101, 102);
    int[] afferents = new int[3];
    for (int row = 0; row < w.rows(); row++) {
      for (int k = w.rowPointers()[row]; k < w.rowPointers()[row + 1]; k++) {
        if (w.columnIndices()[k] >= 100) {
          afferents[w.columnIndices()[k] - 100]++;
          assertThat(task.student().isExcitatory(row)).isTrue();
        }
      }
    }
    assertThat(afferents).containsOnly(25);
    assertThat(task.trainableSynapses()).isEqualTo(75);
    for (int o : task.outputs()) {
      assertThat(task.student().isExcitatory(o)).isTrue();
      assertThat(w.rowPointers()[o + 1] - w.rowPointers()[o]).isZero();
    }
    int[] counts = new LiquidSimulator(task.student(), 0).raster(task.input()).countsPerNeuron();
    for (int o = 0; o < 3; o++) {
      assertThat(counts[100 + o]).as("student output %d", o).isBetween(7, 13);
      assertThat(task.targets().train(o).times().length).as("target %d", o).isBetween(7, 13);
    }
  }

  @Test
  @DisplayName(
      "the teacher keeps about the asked share of the synapses onto the outputs and zeroes the rest")
  void teacherDensity() {
    SaStlTask task = SaStlTask.create(150, 100, 5, 40, 0.05, 0.6, 0.4, 3);
    var t = task.teacher().recurrent();
    int used = 0;
    int total = 0;
    for (int k = 0; k < t.values().length; k++) {
      if (t.columnIndices()[k] >= 150) {
        total++;
        used += t.values()[k] != 0 ? 1 : 0;
      }
    }
    assertThat(total).isEqualTo(200);
    assertThat((double) used / total).isBetween(0.3, 0.5);
  }

  @Test
  @DisplayName(
      "the teacher-oracle student keeps, per output, the ceil(keep x afferents) synapses the teacher weights "
          + "most and leaves the liquid's own synapses alone")
  void oracleStudent() {
    SaStlTask task = SaStlTask.create(100, 200, 3, 25, 0.05, 0.6, 1.0, 4);
    var oracle = task.studentKeepingTeachersStrongest(0.5).recurrent();
    var teacher = task.teacher().recurrent();
    var student = task.student().recurrent();
    int[] kept = new int[3];
    double[] weakestKept = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    double[] strongestDropped = new double[3];
    for (int row = 0; row < student.rows(); row++) {
      for (int k = student.rowPointers()[row]; k < student.rowPointers()[row + 1]; k++) {
        int c = student.columnIndices()[k];
        if (c < 100) {
          continue;
        }
        double tw = Math.abs(teacher.get(row, c));
        boolean inOracle = oracle.get(row, c) != 0;
        if (inOracle) {
          kept[c - 100]++;
          assertThat(oracle.get(row, c)).isEqualTo(student.get(row, c));
          weakestKept[c - 100] = Math.min(weakestKept[c - 100], tw);
        } else {
          strongestDropped[c - 100] = Math.max(strongestDropped[c - 100], tw);
        }
      }
    }
    assertThat(kept).containsOnly(13);
    for (int o = 0; o < 3; o++) {
      assertThat(weakestKept[o]).isGreaterThanOrEqualTo(strongestDropped[o]);
    }
    assertThat(oracle.columnIndices().length).isEqualTo(student.columnIndices().length - 3 * 12);
  }

  @Test
  @DisplayName(
      "Poisson targets have exactly the calibrated count per output, respect the refractory gap, are seeded, "
          + "and leave the student, the input and the teacher as in the teacher task")
  void poissonTargets() {
    SaStlTask poisson =
        SaStlTask.create(100, 200, 4, 25, 0.05, 0.6, 1.0, SaStlTask.Targets.POISSON, 5);
    SaStlTask teacher = SaStlTask.create(100, 200, 4, 25, 0.05, 0.6, 1.0, 5);
    int gap = SaStlTask.minimumTargetGap(poisson.student().parameters());
    assertThat(gap).isEqualTo(3);
    for (int o = 0; o < 4; o++) {
      int[] times = poisson.targets().train(o).times();
      assertThat(times).as("target %d", o).hasSize(10);
      for (int i = 1; i < times.length; i++) {
        assertThat(times[i] - times[i - 1]).as("gap in target %d", o).isGreaterThanOrEqualTo(gap);
      }
    }
    assertThat(poisson.student().recurrent()).isEqualTo(teacher.student().recurrent());
    assertThat(poisson.student().input()).isEqualTo(teacher.student().input());
    assertThat(poisson.teacher().recurrent()).isEqualTo(teacher.teacher().recurrent());
    assertThat(poisson.input()).isEqualTo(teacher.input());
    assertThat(poisson.targets()).isNotEqualTo(teacher.targets());
    SaStlTask again =
        SaStlTask.create(100, 200, 4, 25, 0.05, 0.6, 1.0, SaStlTask.Targets.POISSON, 5);
    assertThat(again.targets()).isEqualTo(poisson.targets());
    SaStlTask other =
        SaStlTask.create(100, 200, 4, 25, 0.05, 0.6, 1.0, SaStlTask.Targets.POISSON, 6);
    assertThat(other.targets()).isNotEqualTo(poisson.targets());
  }

  @Test
  @DisplayName(
      "random trains have the exact count, the minimum gap, and place spikes uniformly over the steps")
  void randomTrains() {
    for (int gap = 1; gap <= 6; gap++) {
      SpikeRaster r = SaStlTask.randomTrains(60, 20, 10, gap, gap);
      for (int o = 0; o < 20; o++) {
        int[] times = r.train(o).times();
        assertThat(times).hasSize(10);
        for (int i = 1; i < times.length; i++) {
          assertThat(times[i] - times[i - 1]).isGreaterThanOrEqualTo(gap);
        }
      }
    }
    // The tightest packing has only one placement: every gap-th step from 0.
    assertThat(SaStlTask.randomTrains(28, 1, 10, 3, 1).train(0).times())
        .containsExactly(0, 3, 6, 9, 12, 15, 18, 21, 24, 27);
    assertThat(SaStlTask.randomTrains(100, 3, 7, 3, 9))
        .isEqualTo(SaStlTask.randomTrains(100, 3, 7, 3, 9));
    // One spike in 10 steps, 5000 trains: every step gets about 500 (binomial sd 21).
    SpikeRaster single = SaStlTask.randomTrains(10, 5000, 1, 3, 2);
    for (int t = 0; t < 10; t++) {
      assertThat(single.countAt(t)).as("trains with their spike at step %d", t).isBetween(400, 600);
    }
    assertThatThrownBy(() -> SaStlTask.randomTrains(27, 1, 10, 3, 1)).hasMessageContaining("count");
    assertThat(
            SaStlTask.minimumTargetGap(LiquidParameters.builder().refractoryPeriod(0.004).build()))
        .isEqualTo(5);
  }

  /**
   * A small task with inhibitory afferents: 100 neurons (80 E, 20 I), 3 outputs x 40 afferents, 10
   * of them I.
   */
  private static SaStlTask inhibitoryTask(long seed) {
    return SaStlTask.create(
        100, 200, 3, 40, 0.05, 0, 1.0, SaStlTask.Targets.POISSON, 0.25, 0.8, seed);
  }

  @Test
  @DisplayName(
      "with inhibitory afferents each output gets the asked share from inhibitory neurons with negative "
          + "weights, its inhibitory charge is the asked multiple of its excitatory one, and it fires about the asked "
          + "count")
  void inhibitoryAfferents() {
    SaStlTask task = inhibitoryTask(3);
    var w = task.student().recurrent();
    int[] counts = new LiquidSimulator(task.student(), 0).raster(task.input()).countsPerNeuron();
    var p = task.student().parameters();
    int[] inhibitory = new int[3];
    int[] excitatory = new int[3];
    double[] chargeE = new double[3];
    double[] chargeI = new double[3];
    for (int row = 0; row < 100; row++) {
      for (int k = w.rowPointers()[row]; k < w.rowPointers()[row + 1]; k++) {
        int o = w.columnIndices()[k] - 100;
        if (o < 0) {
          continue;
        }
        float v = w.values()[k];
        if (task.student().isExcitatory(row)) {
          excitatory[o]++;
          assertThat(v).isPositive();
          chargeE[o] += v * counts[row] * p.tauSynE();
        } else {
          inhibitory[o]++;
          assertThat(v).isNegative();
          chargeI[o] -= v * counts[row] * p.tauSynI();
        }
      }
    }
    assertThat(inhibitory).containsOnly(10);
    assertThat(excitatory).containsOnly(30);
    for (int o = 0; o < 3; o++) {
      // The gain calibration scales both kinds alike, so the balance set before it survives.
      assertThat(chargeI[o] / chargeE[o]).as("output %d", o).isCloseTo(0.8, within(1e-4));
      assertThat(counts[100 + o]).as("output %d", o).isBetween(8, 12);
      assertThat(task.targets().train(o).times()).hasSize(10);
    }
    // The other balance changes only the inhibitory weights' scale.
    SaStlTask balanced =
        SaStlTask.create(100, 200, 3, 40, 0.05, 0, 1.0, SaStlTask.Targets.POISSON, 0.25, 0.5, 3);
    assertThat(balanced.targets()).isEqualTo(task.targets());
    assertThat(balanced.student().recurrent().columnIndices()).isEqualTo(w.columnIndices());
  }

  @Test
  @DisplayName(
      "inhibitory afferents: the same seed gives the same task, another seed another wiring, and share 0 "
          + "is the excitatory-only task draw for draw")
  void inhibitoryDeterminism() {
    SaStlTask a = inhibitoryTask(4);
    SaStlTask b = inhibitoryTask(4);
    assertThat(a.student().recurrent()).isEqualTo(b.student().recurrent());
    assertThat(a.student().input()).isEqualTo(b.student().input());
    assertThat(a.teacher().recurrent()).isEqualTo(b.teacher().recurrent());
    assertThat(a.targets()).isEqualTo(b.targets());
    assertThat(inhibitoryTask(5).student().recurrent()).isNotEqualTo(a.student().recurrent());
    SaStlTask old = SaStlTask.create(100, 200, 3, 25, 0.05, 0.6, 1.0, SaStlTask.Targets.TEACHER, 6);
    SaStlTask zero =
        SaStlTask.create(100, 200, 3, 25, 0.05, 0.6, 1.0, SaStlTask.Targets.TEACHER, 0, 0.8, 6);
    assertThat(zero.student().recurrent()).isEqualTo(old.student().recurrent());
    assertThat(zero.teacher().recurrent()).isEqualTo(old.teacher().recurrent());
    assertThat(zero.targets()).isEqualTo(old.targets());
  }

  @Test
  @DisplayName(
      "the task rejects an inhibitory share outside [0, 1], a balance <= 0 and more inhibitory afferents "
          + "than inhibitory neurons")
  void inhibitoryChecks() {
    assertThatThrownBy(
            () ->
                SaStlTask.create(
                    100, 50, 2, 20, 0.05, 0, 1, SaStlTask.Targets.POISSON, 1.5, 0.8, 1))
        .hasMessageContaining("inhibitoryShare");
    assertThatThrownBy(
            () ->
                SaStlTask.create(100, 50, 2, 20, 0.05, 0, 1, SaStlTask.Targets.POISSON, 0.5, 0, 1))
        .hasMessageContaining("inhibitoryBalance");
    assertThatThrownBy(
            () ->
                SaStlTask.create(
                    100, 50, 2, 40, 0.05, 0, 1, SaStlTask.Targets.POISSON, 0.75, 0.8, 1))
        .hasMessageContaining("inhibitory afferents");
  }
}
