package org.snncodesign.fpga.firefly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.snncodesign.fpga.TestWorkloads.raster;
import static org.snncodesign.fpga.TestWorkloads.single;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.fpga.TestWorkloads;

class FireFlySArrayTest {
  private static final EnergyTable E = EnergyTable.HOROWITZ_45NM;

  // 8 inputs x 2 outputs: column 0 non-zero at inputs {0, 2}, column 1 at {1, 2, 3}.
  private static CsrMatrix weights(int inputs) {
    float[] dense = new float[inputs * 2];
    dense[0 * 2] = 3;
    dense[2 * 2] = -1;
    dense[1 * 2 + 1] = 2;
    dense[2 * 2 + 1] = 5;
    dense[3 * 2 + 1] = -7;
    return CsrMatrix.fromDense(inputs, 2, dense);
  }

  private static FireFlyConfig tiny(int lanes) {
    return FireFlyConfig.DEFAULT.withArray(2, 2).withDetector(8, lanes).withStaticPower(0);
  }

  @Test
  @DisplayName(
      "2x2 PEs, one 8-bit segment: the slowest PE has 2 matches, so 3 pipeline + 2 = 5 cycles")
  void handCase() {
    HardwareReport report =
        new FireFlySArray(tiny(1))
            .evaluate(single(raster(8, new int[] {0, 1, 2}, new int[] {2}), weights(8), 4), E);
    // Matches: (t0,j0) {0,2}, (t0,j1) {1,2}, (t1,j0) {2}, (t1,j1) {2}.
    assertThat(report.cycles()).isEqualTo(5);
    assertThat(report.counters())
        .containsEntry("synaptic_ops", 6.0)
        .containsEntry("dense_synaptic_ops", 32.0)
        .containsEntry("fps", 200e6 / 5);
  }

  @Test
  @DisplayName("two accumulate lanes halve the slowest PE's work: 3 + 1 = 4 cycles")
  void lanes() {
    HardwareReport report =
        new FireFlySArray(tiny(2))
            .evaluate(single(raster(8, new int[] {0, 1, 2}, new int[] {2}), weights(8), 4), E);
    assertThat(report.cycles()).isEqualTo(4);
  }

  @Test
  @DisplayName("a segment with no spikes costs no cycles")
  void emptySegmentsAreSkipped() {
    HardwareReport report =
        new FireFlySArray(tiny(1))
            .evaluate(single(raster(24, new int[] {0, 1, 2}, new int[] {2}), weights(24), 4), E);
    assertThat(report.cycles()).isEqualTo(5);
  }

  @Test
  @DisplayName("matched pairs equal the brute-force count of (spike, non-zero weight) pairs")
  void pairsMatchBruteForce() {
    Random random = new Random(5);
    SpikeRaster spikes = TestWorkloads.randomRaster(random, 5, 300, 0.15);
    CsrMatrix w = TestWorkloads.randomWeights(random, 300, 90, 0.2, 7);
    long expected = TestWorkloads.synapticPairs(spikes, w);
    for (int width : new int[] {8, 16, 32, 64}) {
      HardwareReport report =
          new FireFlySArray(FireFlyConfig.DEFAULT.withDetector(width, 1).withArray(3, 7))
              .evaluate(single(spikes, w, 4), E);
      assertThat(report.counters().get("synaptic_ops"))
          .as("width %d", width)
          .isEqualTo((double) expected);
    }
  }

  @Test
  @DisplayName("pipelining sets the frame rate by the slowest layer, not the sum")
  void pipelining() {
    Random random = new Random(9);
    Workload net =
        new Workload(
            "two",
            List.of(
                LayerWorkload.measured(
                    "a",
                    TestWorkloads.randomRaster(random, 4, 128, 0.2),
                    TestWorkloads.randomWeights(random, 128, 64, 0.15, 7),
                    4),
                LayerWorkload.measured(
                    "b",
                    TestWorkloads.randomRaster(random, 4, 64, 0.2),
                    TestWorkloads.randomWeights(random, 64, 10, 0.15, 7),
                    4)));
    HardwareReport piped = new FireFlySArray(FireFlyConfig.DEFAULT).evaluate(net, E);
    HardwareReport serial =
        new FireFlySArray(FireFlyConfig.DEFAULT.withPipelining(false)).evaluate(net, E);
    double a = piped.counters().get("layer.a.cycles");
    double b = piped.counters().get("layer.b.cycles");
    assertThat(piped.counters().get("fps")).isEqualTo(200e6 / Math.max(a, b));
    assertThat(serial.counters().get("fps")).isEqualTo(200e6 / (a + b));
    assertThat(piped.cycles()).isEqualTo(serial.cycles());
    assertThat(piped.resources().get("pe")).isEqualTo(2 * serial.resources().get("pe"));
  }

  @Test
  @DisplayName("FPS per watt is FPS over dynamic energy times FPS plus static power")
  void fpsPerWatt() {
    Random random = new Random(2);
    Workload net =
        single(
            TestWorkloads.randomRaster(random, 4, 200, 0.2),
            TestWorkloads.randomWeights(random, 200, 50, 0.15, 7),
            4);
    HardwareReport r = new FireFlySArray().evaluate(net, E);
    double dynamicJ = r.energy().dynamicPicojoules() * 1e-12;
    double fps = r.counters().get("fps");
    assertThat(r.counters().get("fps_per_watt"))
        .isCloseTo(fps / (dynamicJ * fps + 0.5), within(1e-6));
  }

  @Test
  @DisplayName("the statistical estimate of matched pairs is within 5% of the measured count")
  void statisticsAgree() {
    Random random = new Random(21);
    LayerWorkload measured =
        LayerWorkload.measured(
            "l",
            TestWorkloads.randomRaster(random, 8, 784, 0.1),
            TestWorkloads.randomWeights(random, 784, 300, 0.15, 7),
            4);
    LayerWorkload stats =
        LayerWorkload.ofStatistics(
            "l", 8, 784, 300, measured.spikeRate(), measured.weightDensity(), 4);
    FireFlySArray model = new FireFlySArray();
    HardwareReport m = model.evaluate(new Workload("m", List.of(measured)), E);
    HardwareReport s = model.evaluate(new Workload("s", List.of(stats)), E);
    assertThat(s.counters().get("synaptic_ops"))
        .isCloseTo(
            m.counters().get("synaptic_ops"), within(0.05 * m.counters().get("synaptic_ops")));
    // Statistics ignore load imbalance among PEs, so they can only be optimistic about cycles.
    assertThat(s.cycles()).isLessThanOrEqualTo(m.cycles());
  }

  @Test
  @DisplayName("resources: DSP accumulators replace fabric adders, two 16-bit lanes per DSP48")
  void resources() {
    Workload net = single(new SpikeRaster(4, 64), CsrMatrix.fromDense(64, 8, new float[64 * 8]), 4);
    FireFlySArray withDsp = new FireFlySArray(FireFlyConfig.DEFAULT.withArray(4, 8));
    FireFlySArray fabric =
        new FireFlySArray(FireFlyConfig.DEFAULT.withArray(4, 8).withDspAccumulate(false));
    // 32 PEs x 1 lane of 16-bit accumulators, two per DSP48 in SIMD TWO24 mode.
    assertThat(withDsp.resources(net).dsp()).isEqualTo(16);
    assertThat(fabric.resources(net).dsp()).isZero();
    assertThat(fabric.resources(net).lut() - withDsp.resources(net).lut()).isEqualTo(32 * 16);
  }
}
