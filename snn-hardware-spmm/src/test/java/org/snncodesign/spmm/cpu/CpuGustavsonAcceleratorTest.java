package org.snncodesign.spmm.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.energy.Operation;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerExecution;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.spmm.kernel.DenseGemm;
import org.snncodesign.spmm.workload.RandomSpmmOperands;

@DisplayName("The cpu-gustavson backend")
class CpuGustavsonAcceleratorTest {

  @Test
  @DisplayName(
      "executes a layer equal to the dense product and counts one fp32 add per selected weight")
  void executes() {
    SpikeRaster s = RandomSpmmOperands.spikes(16, 100, 0.1, 1);
    CsrMatrix w = RandomSpmmOperands.weights(100, 70, 0.2, 2);
    Accelerator cpu = new CpuGustavsonAccelerator();
    assertThat(cpu.executes()).isTrue();
    LayerExecution run = cpu.execute(s, w);
    assertThat(run.timeSteps()).isEqualTo(16);
    assertThat(run.outputs()).isEqualTo(70);
    assertThat(run.output())
        .containsExactly(DenseGemm.multiply(DenseGemm.toDense(s), 16, 100, w.toDense(), 70));
    long expectedAdds = 0;
    int[] perNeuron = s.countsPerNeuron();
    for (int k = 0; k < 100; k++) {
      expectedAdds += (long) perNeuron[k] * (w.rowPointers()[k + 1] - w.rowPointers()[k]);
    }
    assertThat(run.operations().get(Operation.ADD_FP32)).isEqualTo(expectedAdds);
  }

  private static final Workload STATISTICS =
      new Workload("w", List.of(LayerWorkload.ofStatistics("l", 32, 256, 256, 0.05, 0.1, 32)));

  @Test
  @DisplayName(
      "evaluates a statistics-only workload on seeded synthetic operands and says it is a modelled estimate")
  void evaluatesStatistics() {
    HardwareReport r =
        new CpuGustavsonAccelerator().evaluate(STATISTICS, EnergyTable.HOROWITZ_45NM);
    assertThat(r.configuration())
        .containsEntry("estimate", "cpu-modelled")
        .containsEntry("operands", "synthetic-seed-42");
    assertThat(r.counters().get("synthetic_operands")).isEqualTo(1.0);
    assertThat(r.energyPicojoules()).isPositive();
  }

  @Test
  @DisplayName(
      "models the time as 2.7 cycles per add plus one per spike-bitmap word, with no timing by default")
  void modelledTime() {
    HardwareReport r =
        new CpuGustavsonAccelerator().evaluate(STATISTICS, EnergyTable.HOROWITZ_45NM);
    double adds = r.counters().get("adds");
    double words = r.counters().get("bitmap_words");
    assertThat(r.cycles())
        .isEqualTo((long) Math.ceil(adds * CpuGustavsonAccelerator.CYCLES_PER_ADD + words));
    assertThat(r.measurements()).isEmpty();
  }

  @Test
  @DisplayName("gives the same report on every evaluation of the same workload")
  void deterministic() {
    CpuGustavsonAccelerator cpu = new CpuGustavsonAccelerator();
    assertThat(cpu.evaluate(STATISTICS, EnergyTable.HOROWITZ_45NM))
        .isEqualTo(cpu.evaluate(STATISTICS, EnergyTable.HOROWITZ_45NM));
  }

  @Test
  @DisplayName(
      "with measured timing reports the wall time apart, as measured_seconds, leaving the cycles modelled")
  void measuredTimingApart() {
    HardwareReport modelled =
        new CpuGustavsonAccelerator().evaluate(STATISTICS, EnergyTable.HOROWITZ_45NM);
    HardwareReport timed =
        new CpuGustavsonAccelerator()
            .withMeasuredTiming()
            .evaluate(STATISTICS, EnergyTable.HOROWITZ_45NM);
    assertThat(timed.measurements().get("measured_seconds")).isPositive();
    assertThat(timed.cycles()).isEqualTo(modelled.cycles());
  }

  @Test
  @DisplayName("is found with the three models through ServiceLoader")
  void discovered() {
    PluginRegistry registry = PluginRegistry.discover();
    assertThat(registry.providers(Accelerator.class))
        .extracting(Accelerator::name)
        .contains("cpu-gustavson", "spiked-gustavson", "dense-array", "outer-product");
    assertThat(registry.problems()).isEmpty();
  }
}
