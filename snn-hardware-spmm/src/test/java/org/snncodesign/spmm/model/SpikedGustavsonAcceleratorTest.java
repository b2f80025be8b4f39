package org.snncodesign.spmm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;

@DisplayName("The SpikedGustavson model")
class SpikedGustavsonAcceleratorTest {

  /** One PE, one fetch unit of 2 entries, 1 add per cycle, 4-wide drain, 8-bit indices, 1 GHz. */
  private static SpikedGustavsonConfig.Builder small() {
    return SpikedGustavsonConfig.builder()
        .processingElements(1)
        .fetchUnitsPerPe(1)
        .fetchWidth(2)
        .mergeWidth(1)
        .drainWidth(4)
        .accumulatorEntries(1024)
        .weightBufferBytes(1 << 20)
        .spikeBufferBytes(1 << 20)
        .indexBits(8)
        .clockHz(1e9)
        .dramBytesPerSecond(1e12);
  }

  private static HardwareReport evaluate(SpikedGustavsonConfig config) {
    SpikedGustavsonAccelerator model = new SpikedGustavsonAccelerator(config);
    CostSheet sheet = model.evaluate(HandCase.profile());
    return sheet
        .report(
            model.name(),
            config.toMap(),
            config.clockHz(),
            EnergyTable.HOROWITZ_45NM,
            java.util.Map.of())
        .build();
  }

  @Test
  @DisplayName(
      "takes 8 cycles on the hand case: row 0 merges 7 adds, row 1 drains 1 cycle, merge-bound")
  void handCaseMergeBound() {
    // Row 0: fetch ceil(3/2) + ceil(4/2) = 4 beats, 7 adds at 1/cycle, drain ceil(4/4) = 1 -> 7
    // cycles.
    // Row 1: its empty weight row still costs 1 beat; 0 adds; drain 1 -> 1 cycle.
    HardwareReport report = evaluate(small().build());
    assertThat(report.cycles()).isEqualTo(8);
    assertThat(report.bottleneck()).isEqualTo("merge");
    assertThat(report.counters().get("bound_cycles_compute")).isEqualTo(5.0);
    assertThat(report.counters().get("bound_cycles_merge")).isEqualTo(8.0);
    assertThat(report.counters().get("adds")).isEqualTo(7.0);
    // Weights 8 x (8 + 8) bits + 5 row pointers of 4 bytes = 36; spikes 2 x 1 byte; outputs 2 x 4 x
    // 16 bits = 16.
    assertThat(report.counters().get("dram_bytes")).isEqualTo(54.0);
  }

  @Test
  @DisplayName("prices the hand case component by component with the Horowitz table")
  void handCaseEnergy() {
    HardwareReport report = evaluate(small().build());
    // adds 7 x 0.05 (int16); weight buffer (1 MB class) 3 pointer words + 7 x 16 / 64 entry words =
    // 4.75 x 100;
    // spike buffer 2 words x 100; accumulator (4 KB, 8 KB class) (2 x 7 + 8 drained) x 16 / 64 =
    // 5.5 x 10;
    // DRAM 54 / 8 = 6.75 words x 1300.
    assertThat(report.energy().componentPicojoules("adders")).isCloseTo(0.35, within(1e-9));
    assertThat(report.energy().componentPicojoules("weight_buffer")).isCloseTo(475, within(1e-9));
    assertThat(report.energy().componentPicojoules("spike_buffer")).isCloseTo(200, within(1e-9));
    assertThat(report.energy().componentPicojoules("accumulator")).isCloseTo(55, within(1e-9));
    assertThat(report.energy().componentPicojoules("dram")).isCloseTo(8775, within(1e-9));
    assertThat(report.energyPicojoules()).isCloseTo(9505.35, within(1e-6));
  }

  @Test
  @DisplayName("becomes memory-bound at one DRAM byte per cycle: 54 bytes take 54 cycles")
  void handCaseMemoryBound() {
    HardwareReport report = evaluate(small().dramBytesPerSecond(1e9).build());
    assertThat(report.cycles()).isEqualTo(54);
    assertThat(report.bottleneck()).isEqualTo("memory");
  }

  @Test
  @DisplayName("overlaps the two rows on two PEs: the makespan is the longer row, 7 cycles")
  void twoPes() {
    assertThat(evaluate(small().processingElements(2).build()).cycles()).isEqualTo(7);
  }

  @Test
  @DisplayName("tiles the columns when the accumulator holds 2 entries: 5 + 4 = 9 cycles")
  void columnTiles() {
    // Tile [0,2): row 0 fetches 1 + 1 beats, 4 adds -> 4; row 1 -> 1. Tile [2,4): row 0 fetches 1 +
    // 1, 3 adds -> 3;
    // row 1 -> 1.
    HardwareReport report = evaluate(small().accumulatorEntries(2).build());
    assertThat(report.cycles()).isEqualTo(9);
    assertThat(report.counters().get("column_tiles")).isEqualTo(2.0);
  }

  @Test
  @DisplayName(
      "costs an expected row from statistics: 4 rows of 16 spikes x 8 entries on 2 PEs take 256 cycles")
  void statistics() {
    SpikedGustavsonConfig config = small().processingElements(2).build();
    LayerWorkload layer = LayerWorkload.ofStatistics("stats", 4, 64, 16, 0.25, 0.5, 8);
    HardwareReport report =
        new SpikedGustavsonAccelerator(config)
            .evaluate(new Workload("w", List.of(layer)), EnergyTable.HOROWITZ_45NM);
    // 16 spikes x ceil(8 / 2) = 64 fetch beats; 128 adds at 1 per cycle -> 128 cycles a row; 2
    // waves of 2 rows.
    assertThat(report.cycles()).isEqualTo(256);
    assertThat(report.counters().get("adds")).isEqualTo(512.0);
  }

  @Test
  @DisplayName("never gets slower as weights get sparser")
  void monotoneInWeightSparsity() {
    SpikedGustavsonAccelerator model = new SpikedGustavsonAccelerator();
    long previous = Long.MAX_VALUE;
    for (double density : new double[] {1.0, 0.5, 0.2, 0.1, 0.05, 0.01, 0.0}) {
      LayerWorkload layer = LayerWorkload.ofStatistics("l", 256, 1024, 1024, 0.05, density, 8);
      long cycles =
          model.evaluate(new Workload("w", List.of(layer)), EnergyTable.HOROWITZ_45NM).cycles();
      assertThat(cycles).as("density %s", density).isLessThanOrEqualTo(previous);
      previous = cycles;
    }
  }

  @Test
  @DisplayName("adds the layers of a workload")
  void layersAdd() {
    SpikedGustavsonAccelerator model = new SpikedGustavsonAccelerator();
    LayerWorkload a = LayerWorkload.ofStatistics("a", 64, 256, 256, 0.1, 0.2, 8);
    LayerWorkload b = LayerWorkload.ofStatistics("b", 64, 256, 128, 0.1, 0.2, 8);
    long ca = model.evaluate(new Workload("a", List.of(a)), EnergyTable.HOROWITZ_45NM).cycles();
    long cb = model.evaluate(new Workload("b", List.of(b)), EnergyTable.HOROWITZ_45NM).cycles();
    HardwareReport both =
        model.evaluate(new Workload("ab", List.of(a, b)), EnergyTable.HOROWITZ_45NM);
    assertThat(both.cycles()).isEqualTo(ca + cb);
  }
}
