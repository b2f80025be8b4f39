package org.snncodesign.fpga.lsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.energy.Operation;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.fpga.TestWorkloads;

class LutLsmFeedForwardTest {
  private static final EnergyTable E = EnergyTable.HOROWITZ_45NM;

  // 4 inputs x 3 outputs: row 0 has 2 non-zero weights, row 1 has 1, row 2 has 3, row 3 none.
  private static CsrMatrix weights() {
    float[] dense = {
        1, 0, -2,
        0, 3, 0,
        1, 1, 1,
        0, 0, 0};
    return CsrMatrix.fromDense(4, 3, dense);
  }

  // Steps: t0 spikes on inputs {0, 2}, t1 on {1, 3}.
  private static LayerWorkload handLayer() {
    return LayerWorkload.measured("fc", TestWorkloads.raster(4, new int[] {0, 2}, new int[] {1, 3}), weights(), 4);
  }

  @Test
  @DisplayName("a 4->3 feed-forward layer over 2 steps: 7 synapse + 8 neuron cycles, 6 events, hand-priced energy")
  void handComputed() {
    HardwareReport report = new LutLsmAccelerator().evaluate(new Workload("ff", List.of(handLayer())), E);
    // Synapse phase, 4 lanes: t0 rows 0 (k=2) and 2 (k=3): (1+1) + (1+1); t1 rows 1 (k=1) and 3 (k=0): (1+1) + 1.
    assertThat(report.counters()).containsEntry("synapse_phase_cycles", 7.0)
        // Neuron phase, 8 units: 2 steps x (ceil(3/8) + 3).
        .containsEntry("neuron_phase_cycles", 8.0)
        // Events = input spikes x fan-out: 2 + 3 + 1 + 0.
        .containsEntry("synaptic_events", 6.0)
        .containsEntry("neuron_updates", 6.0)
        // 8-bit weight + 2-bit index = 10 bits: rows of 2, 3, 1 and 0 synapses take 1, 1, 1 and 0 words.
        .containsEntry("weight_words", 3.0);
    assertThat(report.cycles()).isEqualTo(15);
    // 6 non-zeros x 10 bits = 60 bits -> 8 bytes, plus 5 row pointers x 4 bytes.
    assertThat(report.resources()).containsEntry("weight_memory_bytes", 28L).containsEntry("dsp", 0L);
    double expected = 6 * E.picojoules(Operation.ADD_INT16) + 3 * E.picojoules(Operation.SRAM_READ_8KB)
        + 18 * E.picojoules(Operation.ADD_INT8) + 18 * E.picojoules(Operation.ADD_INT32)
        + 12 * E.picojoules(Operation.SRAM_READ_8KB);
    assertThat(report.energyPicojoules()).isCloseTo(expected, within(1e-9));
    assertThat(report.configuration()).containsEntry("mapping", "feed-forward");
    assertThat(report.bottleneck()).isEqualTo("neuron-update");
  }

  @Test
  @DisplayName("layers run one after another: cycles, events and updates of a two-layer network are the sums")
  void layersAdd() {
    Random random = new Random(3);
    SpikeRaster in1 = TestWorkloads.randomRaster(random, 6, 50, 0.2);
    CsrMatrix w1 = TestWorkloads.randomWeights(random, 50, 20, 0.3, 7);
    SpikeRaster in2 = TestWorkloads.randomRaster(random, 6, 20, 0.1);
    CsrMatrix w2 = TestWorkloads.randomWeights(random, 20, 10, 0.4, 7);
    LayerWorkload a = LayerWorkload.measured("a", in1, w1, 4);
    LayerWorkload b = LayerWorkload.measured("b", in2, w2, 4);
    LutLsmAccelerator lsm = new LutLsmAccelerator();
    HardwareReport both = lsm.evaluate(new Workload("ab", List.of(a, b)), E);
    HardwareReport first = lsm.evaluate(new Workload("a", List.of(a)), E);
    HardwareReport second = lsm.evaluate(new Workload("b", List.of(b)), E);
    assertThat(both.cycles()).isEqualTo(first.cycles() + second.cycles());
    for (String counter : List.of("synaptic_events", "neuron_updates", "weight_words")) {
      assertThat(both.counters().get(counter)).as(counter)
          .isEqualTo(first.counters().get(counter) + second.counters().get(counter));
    }
    // Events equal the brute-force (input spike, non-zero weight) pairs.
    assertThat(first.counters().get("synaptic_events")).isEqualTo((double) TestWorkloads.synapticPairs(in1, w1));
    assertThat(both.resources().get("weight_memory_bytes"))
        .isEqualTo(first.resources().get("weight_memory_bytes") + second.resources().get("weight_memory_bytes"));
  }

  @Test
  @DisplayName("a statistics-only feed-forward workload is priced: rate x inputs x fan-out events per step")
  void statistics() {
    LayerWorkload layer = LayerWorkload.ofStatistics("fc", 8, 100, 40, 0.1, 0.25, 4);
    HardwareReport report = new LutLsmAccelerator().evaluate(new Workload("s", List.of(layer)), E);
    // 10 spikes per step x 10 non-zeros per row x 8 steps.
    assertThat(report.counters().get("synaptic_events")).isEqualTo(800.0);
    // Per step 10 spikes x (1 + ceil(10/4)) = 40 synapse cycles; neuron phase ceil(40/8) + 3 = 8.
    assertThat(report.cycles()).isEqualTo(8 * (40 + 8));
    assertThat(report.bottleneck()).isEqualTo("synapse-streaming");
  }

  @Test
  @DisplayName("a workload with a recurrent layer still takes the liquid mapping")
  void liquidPathKept() {
    CsrMatrix rec = LutLsmAcceleratorTest.recurrent(16, 0.2, 4);
    LayerWorkload liquid = LayerWorkload.measured("liquid", TestWorkloads.randomRaster(new Random(1), 5, 16, 0.1),
        rec, 8);
    HardwareReport report = new LutLsmAccelerator().evaluate(new Workload("l", List.of(liquid)), E);
    assertThat(report.configuration()).doesNotContainKey("mapping");
    assertThat(report.counters().get("neuron_phase_cycles")).isEqualTo(5.0 * (2 + 3));
  }
}
