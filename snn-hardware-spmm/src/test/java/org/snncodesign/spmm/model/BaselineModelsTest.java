package org.snncodesign.spmm.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;

@DisplayName("The baseline models")
class BaselineModelsTest {

  private static HardwareReport report(CostSheet sheet) {
    return sheet.report("x", Map.of(), 1e9, EnergyTable.HOROWITZ_45NM, Map.of()).build();
  }

  @Test
  @DisplayName(
      "a 2 x 2 dense array takes 4 tiles x (2 + 2 + 2 + 2 - 2) = 24 cycles on the hand case")
  void denseArrayHandCase() {
    DenseArrayConfig config = new DenseArrayConfig(2, 2, 1 << 20, true, 1e12, 1e9);
    HardwareReport r = report(new DenseArrayAccelerator(config).evaluate(HandCase.profile()));
    assertThat(r.cycles()).isEqualTo(24);
    assertThat(r.bottleneck()).isEqualTo("compute");
    // Spike gating: 3 spikes x 4 columns, zero weights included.
    assertThat(r.counters().get("adds")).isEqualTo(12.0);
    assertThat(r.counters().get("mac_slots")).isEqualTo(32.0);
  }

  @Test
  @DisplayName("the dense array's cycles do not depend on sparsity")
  void denseArrayIgnoresSparsity() {
    DenseArrayAccelerator model = new DenseArrayAccelerator();
    long dense =
        model
            .evaluate(
                new Workload("w", List.of(LayerWorkload.ofStatistics("l", 64, 512, 512, 1, 1, 8))),
                EnergyTable.HOROWITZ_45NM)
            .cycles();
    long sparse =
        model
            .evaluate(
                new Workload(
                    "w", List.of(LayerWorkload.ofStatistics("l", 64, 512, 512, 0.01, 0.01, 8))),
                EnergyTable.HOROWITZ_45NM)
            .cycles();
    assertThat(sparse).isEqualTo(dense);
  }

  @Test
  @DisplayName("the outer product takes 7 multiply + 7 merge cycles on the hand case with one lane")
  void outerProductHandCase() {
    // Inputs 0, 1, 2 each spiked once; products 1 x 3, 1 x 0, 1 x 4 -> 7 cycles. Row 0 merges its 2
    // lists
    // (7 partial products) in one pass -> 7; row 1 has none.
    OuterProductConfig config = new OuterProductConfig(1, 1, 1, 1 << 20, 8, 1e12, 1e9);
    HardwareReport r = report(new OuterProductAccelerator(config).evaluate(HandCase.profile()));
    assertThat(r.cycles()).isEqualTo(14);
    assertThat(r.counters().get("partial_products")).isEqualTo(7.0);
    assertThat(r.counters().get("partial_spill")).isEqualTo(0.0);
  }

  @Test
  @DisplayName(
      "the outer product spills partial products to DRAM when they do not fit: 80 + 37 cycles at 1 B/cycle")
  void outerProductSpill() {
    // Partials 7 x (8 + 16) bits = 21 B. Multiply phase: spikes 3 B + 20 B pointers, weights 16 +
    // 20 B, spill
    // 21 B = 80 B. Merge phase: 21 B back + 16 B outputs = 37 B.
    OuterProductConfig config = new OuterProductConfig(1, 1, 1, 0, 8, 1e9, 1e9);
    HardwareReport r = report(new OuterProductAccelerator(config).evaluate(HandCase.profile()));
    assertThat(r.cycles()).isEqualTo(117);
    assertThat(r.bottleneck()).isEqualTo("memory");
    assertThat(r.counters().get("dram_bytes")).isEqualTo(117.0);
  }

  @Test
  @DisplayName(
      "row-wise beats both baselines on a very sparse layer, and the dense array wins when all is dense")
  void rowWiseWinsWhenSparse() {
    LayerWorkload sparse = LayerWorkload.ofStatistics("l", 256, 1024, 1024, 0.05, 0.1, 8);
    LayerWorkload dense = LayerWorkload.ofStatistics("l", 256, 1024, 1024, 1.0, 1.0, 8);
    EnergyTable e = EnergyTable.HOROWITZ_45NM;
    Workload ws = new Workload("sparse", List.of(sparse));
    Workload wd = new Workload("dense", List.of(dense));
    long gustavson = new SpikedGustavsonAccelerator().evaluate(ws, e).cycles();
    assertThat(gustavson).isLessThan(new DenseArrayAccelerator().evaluate(ws, e).cycles());
    assertThat(gustavson).isLessThan(new OuterProductAccelerator().evaluate(ws, e).cycles());
    assertThat(new DenseArrayAccelerator().evaluate(wd, e).energyPicojoules())
        .isLessThan(new SpikedGustavsonAccelerator().evaluate(wd, e).energyPicojoules());
  }
}
