package org.snncodesign.fpga.systolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.snncodesign.fpga.TestWorkloads.raster;
import static org.snncodesign.fpga.TestWorkloads.single;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.energy.EnergyCategory;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.fpga.TestWorkloads;

class SpikeXSystolicArrayTest {
  private static final EnergyTable E = EnergyTable.HOROWITZ_45NM;
  // [[1, 2], [0, 3]]: three non-zeros.
  private static final CsrMatrix W = CsrMatrix.fromDense(2, 2, new float[] {1, 2, 0, 3});

  private static SystolicConfig tiny(Dataflow dataflow, int timeBatch) {
    return SystolicConfig.DEFAULT
        .withArray(2, 2)
        .withDataflow(dataflow)
        .withTimeBatch(timeBatch)
        .withStaticPower(0);
  }

  @Test
  @DisplayName(
      "weight-stationary 2x2 with one spike costs load 2 + fill 2 + 1 streamed step + 2 neuron cycles")
  void weightStationaryHandCase() {
    HardwareReport report =
        new SpikeXSystolicArray(tiny(Dataflow.WEIGHT_STATIONARY, 2))
            .evaluate(single(raster(2, new int[] {0}, new int[] {}), W, 8), E);
    assertThat(report.cycles()).isEqualTo(7);
    assertThat(report.counters())
        .containsEntry("synaptic_ops", 2.0)
        .containsEntry("streamed_vectors", 1.0)
        .containsEntry("weight_tile_loads", 1.0)
        .containsEntry("dense_synaptic_ops", 8.0);
    // compute (2 accumulates + 2 x 4 neuron adds) x 0.05 pJ; weights 28 bits -> one 1 MB-tier word
    // (100 pJ);
    // spikes 4 + partial sums 64 + neuron reads 64 = 132 bits -> three 32 KB-tier words (60 pJ);
    // DRAM: 28 weight + 4 input + 4 output spike bits -> one word (1300 pJ).
    assertThat(report.energy().picojoules(EnergyCategory.COMPUTE)).isEqualTo(10 * 0.05);
    assertThat(report.energy().picojoules(EnergyCategory.ON_CHIP_MEMORY))
        .isCloseTo(160.0, within(1e-9));
    assertThat(report.energy().picojoules(EnergyCategory.OFF_CHIP_MEMORY))
        .isCloseTo(1300.0, within(1e-9));
    assertThat(report.energyPicojoules()).isCloseTo(1460.5, within(1e-9));
    assertThat(report.bottleneck()).isEqualTo("compute");
  }

  @Test
  @DisplayName(
      "time batching shares one weight load across steps: 2 steps batched cost 8 cycles, unbatched 12")
  void timeBatchingSharesWeightLoads() {
    Workload w = single(raster(2, new int[] {0}, new int[] {1}), W, 8);
    HardwareReport batched =
        new SpikeXSystolicArray(tiny(Dataflow.WEIGHT_STATIONARY, 2)).evaluate(w, E);
    HardwareReport unbatched =
        new SpikeXSystolicArray(tiny(Dataflow.WEIGHT_STATIONARY, 1)).evaluate(w, E);
    assertThat(batched.cycles()).isEqualTo(2 + 2 + 2 + 2);
    assertThat(unbatched.cycles()).isEqualTo(2 * (2 + 2 + 1) + 2);
    assertThat(batched.counters())
        .containsEntry("weight_tile_loads", 1.0)
        .containsEntry("synaptic_ops", 3.0);
    assertThat(unbatched.counters())
        .containsEntry("weight_tile_loads", 2.0)
        .containsEntry("synaptic_ops", 3.0);
  }

  @Test
  @DisplayName(
      "output-stationary 2x2 streams the two spiking inputs once: 2 + fill 2 + 2 neuron cycles")
  void outputStationaryHandCase() {
    HardwareReport report =
        new SpikeXSystolicArray(tiny(Dataflow.OUTPUT_STATIONARY, 1))
            .evaluate(single(raster(2, new int[] {0}, new int[] {1}), W, 8), E);
    assertThat(report.cycles()).isEqualTo(6);
    assertThat(report.counters())
        .containsEntry("streamed_vectors", 2.0)
        .containsEntry("synaptic_ops", 3.0);
  }

  @Test
  @DisplayName("an input whose weights in the tile are all zero is skipped by output-stationary")
  void outputStationarySkipsZeroWeightRows() {
    CsrMatrix onlyFirstRow = CsrMatrix.fromDense(2, 2, new float[] {1, 2, 0, 0});
    HardwareReport report =
        new SpikeXSystolicArray(tiny(Dataflow.OUTPUT_STATIONARY, 1))
            .evaluate(single(raster(2, new int[] {0}, new int[] {1}), onlyFirstRow, 8), E);
    assertThat(report.counters())
        .containsEntry("streamed_vectors", 1.0)
        .containsEntry("synaptic_ops", 2.0);
    assertThat(report.cycles()).isEqualTo(1 + 2 + 2);
  }

  @Test
  @DisplayName("a silent layer costs only the neuron updates")
  void silentLayer() {
    HardwareReport report =
        new SpikeXSystolicArray(tiny(Dataflow.WEIGHT_STATIONARY, 2))
            .evaluate(single(new SpikeRaster(2, 2), W, 8), E);
    assertThat(report.cycles()).isEqualTo(2);
    assertThat(report.counters())
        .containsEntry("synaptic_ops", 0.0)
        .containsEntry("weight_tile_loads", 0.0);
  }

  @Test
  @DisplayName(
      "synaptic ops equal the brute-force count of (spike, non-zero weight) pairs in both dataflows")
  void pairsMatchBruteForce() {
    Random random = new Random(7);
    SpikeRaster spikes = TestWorkloads.randomRaster(random, 6, 150, 0.2);
    CsrMatrix weights = TestWorkloads.randomWeights(random, 150, 70, 0.3, 7);
    long expected = TestWorkloads.synapticPairs(spikes, weights);
    for (Dataflow d : Dataflow.values()) {
      HardwareReport report =
          new SpikeXSystolicArray(SystolicConfig.DEFAULT.withArray(8, 16).withDataflow(d))
              .evaluate(single(spikes, weights, 4), E);
      assertThat(report.counters().get("synaptic_ops")).as(d.name()).isEqualTo((double) expected);
    }
  }

  @Test
  @DisplayName(
      "the statistical estimate of a layer lands within 10% of the measured one for random spikes")
  void statisticsAgreeWithMeasurement() {
    Random random = new Random(11);
    SpikeRaster spikes = TestWorkloads.randomRaster(random, 8, 400, 0.1);
    CsrMatrix weights = TestWorkloads.randomWeights(random, 400, 200, 0.2, 7);
    LayerWorkload measured = LayerWorkload.measured("l", spikes, weights, 4);
    LayerWorkload stats =
        LayerWorkload.ofStatistics(
            "l", 8, 400, 200, measured.spikeRate(), measured.weightDensity(), 4);
    for (Dataflow d : Dataflow.values()) {
      SpikeXSystolicArray model = new SpikeXSystolicArray(SystolicConfig.DEFAULT.withDataflow(d));
      HardwareReport m = model.evaluate(new Workload("m", List.of(measured)), E);
      HardwareReport s = model.evaluate(new Workload("s", List.of(stats)), E);
      assertThat((double) s.cycles()).as(d.name()).isCloseTo(m.cycles(), within(0.1 * m.cycles()));
      assertThat(s.energyPicojoules())
          .as(d.name())
          .isCloseTo(m.energyPicojoules(), within(0.1 * m.energyPicojoules()));
    }
  }

  @Test
  @DisplayName(
      "weights that do not fit the weight buffer are fetched from DRAM for every tile load")
  void smallWeightBufferRefetches() {
    Random random = new Random(3);
    Workload w =
        single(
            TestWorkloads.randomRaster(random, 8, 256, 0.2),
            TestWorkloads.randomWeights(random, 256, 256, 0.5, 7),
            8);
    SystolicConfig base = SystolicConfig.DEFAULT.withTimeBatch(1);
    HardwareReport big =
        new SpikeXSystolicArray(base.withBuffers(1 << 20, 16384, 16384)).evaluate(w, E);
    HardwareReport small =
        new SpikeXSystolicArray(base.withBuffers(1024, 16384, 16384)).evaluate(w, E);
    assertThat(small.counters().get("dram_bits"))
        .isGreaterThan(4 * big.counters().get("dram_bits"));
    assertThat(small.energyPicojoules()).isGreaterThan(big.energyPicojoules());
  }

  @Test
  @DisplayName("resources grow with the array and report LUT, FF, BRAM and DSP")
  void resources() {
    SpikeXSystolicArray small = new SpikeXSystolicArray(SystolicConfig.DEFAULT.withArray(8, 8));
    SpikeXSystolicArray large = new SpikeXSystolicArray(SystolicConfig.DEFAULT.withArray(32, 32));
    // 8-bit weights: 16-bit accumulator (16 LUT) + gate (4 LUT); registers 16 + 8 + 1 FF.
    assertThat(small.resources(8).lut()).isEqualTo(64 * 20 + 8 * 32 + 1500);
    assertThat(small.resources(8).ff()).isEqualTo(64 * 25 + 8 * 16 + 2000);
    // 64 KB + 16 KB + 16 KB = 15 + 4 + 4 RAMB36.
    assertThat(small.resources(8).bram36()).isEqualTo(15 + 4 + 4);
    assertThat(large.resources(8).lut()).isGreaterThan(small.resources(8).lut());
  }

  @Test
  @DisplayName("a bad configuration is refused with a message naming the value")
  void badConfig() {
    assertThatThrownBy(() -> SystolicConfig.DEFAULT.withArray(0, 4))
        .hasMessageContaining("rows must be > 0, got 0");
  }
}
