package org.snncodesign.learning.stdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.learning.lsm.LiquidSimulator;

class SaStlTaskTest {

  @Test
  @DisplayName("outputs are excitatory, send no synapses, have the asked afferents and fire about the asked count")
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
  @DisplayName("the teacher keeps about the asked share of the synapses onto the outputs and zeroes the rest")
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
  @DisplayName("the teacher-oracle student keeps, per output, the ceil(keep x afferents) synapses the teacher weights "
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
}
