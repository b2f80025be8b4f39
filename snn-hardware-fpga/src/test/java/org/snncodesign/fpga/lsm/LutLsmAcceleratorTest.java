package org.snncodesign.fpga.lsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;

class LutLsmAcceleratorTest {

  /**
   * A random liquid: 80 % excitatory rows (positive), the rest inhibitory (negative), density p.
   */
  static CsrMatrix recurrent(int n, double p, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] dense = new float[n * n];
    for (int a = 0; a < n; a++) {
      boolean excitatory = a < 0.8 * n;
      for (int b = 0; b < n; b++) {
        if (a != b && r.nextDouble() < p) {
          double w = 0.5 + r.nextDouble();
          dense[a * n + b] = (float) (excitatory ? w * 0.5 : -w * 1.5);
        }
      }
    }
    return CsrMatrix.fromDense(n, n, dense);
  }

  static CsrMatrix input(int channels, int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] dense = new float[channels * n];
    for (int i = 0; i < dense.length; i++) {
      dense[i] = r.nextDouble() < 0.3 ? (float) (1.5 * (0.5 + r.nextDouble())) : 0f;
    }
    return CsrMatrix.fromDense(channels, n, dense);
  }

  static SpikeRaster spikes(int steps, int channels, double p, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    SpikeRaster s = new SpikeRaster(steps, channels);
    for (int t = 0; t < steps; t++) {
      for (int c = 0; c < channels; c++) {
        if (r.nextDouble() < p) {
          s.set(t, c);
        }
      }
    }
    return s;
  }

  @ParameterizedTest(name = "seed {0}, {1} units, {2} lanes, {3}-bit weights")
  @CsvSource({"1, 1, 1, 8", "2, 8, 4, 8", "3, 5, 3, 6", "4, 16, 8, 4", "5, 3, 2, 12"})
  @DisplayName(
      "the cycle-level datapath fires exactly the spikes of the reference fixed-point simulation")
  void bitExact(long seed, int units, int lanes, int weightBits) {
    LutLsmConfig config =
        new LutLsmConfig(weightBits, 18, 7, 30, 3, 6, 8, 7, 2, units, lanes, 100e6);
    FixedPointLiquid liquid =
        new FixedPointLiquid(recurrent(120, 0.08, seed), input(8, 120, seed), config);
    SpikeRaster in = spikes(100, 8, 0.3, seed + 10);
    SpikeRaster reference = liquid.simulate(in, 120);
    LutLsmRun run = new LutLsmAccelerator(config).run(liquid, in, 120);
    assertThat(reference.count()).isPositive();
    assertThat(run.spikes()).isEqualTo(reference);
    assertThat(run.neuronUpdates()).isEqualTo(120L * 120);
  }

  @Test
  @DisplayName(
      "cycles of a hand-computed sample: one input spike onto a 3-synapse row and 2 neuron units")
  void handComputedCycles() {
    // 4 neurons, no recurrent synapses; channel 0 reaches neurons 0, 1, 2 with weights too small to
    // fire.
    CsrMatrix rec = new CsrMatrix(4, 4, new int[5], new int[0], new float[0]);
    CsrMatrix in = CsrMatrix.fromDense(1, 4, new float[] {0.01f, 0.01f, 1f, 0f});
    LutLsmConfig config = LutLsmConfig.DEFAULT.withParallelism(2, 2);
    FixedPointLiquid liquid = new FixedPointLiquid(rec, in, config);
    SpikeRaster s = new SpikeRaster(3, 1);
    s.set(0, 0);
    LutLsmRun run = new LutLsmAccelerator(config).run(liquid, s, 3);
    // Neuron phase: 3 steps x (ceil(4 / 2) + 3) = 15; synapse phase at step 1: 1 + ceil(3 / 2) = 3.
    assertThat(run.cycles()).isEqualTo(18);
    assertThat(run.synapticEvents()).isEqualTo(3);
    assertThat(run.spikes().count()).isZero();
  }

  @Test
  @DisplayName(
      "LUT decay follows the exponential: a lone potential relaxes like e^{-t/tau} within 3 % while above 1 theta")
  void lutDecayTracksExponential() {
    FixedPointLiquid liquid =
        new FixedPointLiquid(
            recurrent(4, 0, 1),
            CsrMatrix.fromDense(1, 4, new float[] {1.5f, 0, 0, 0}),
            LutLsmConfig.DEFAULT);
    assertThat(liquid.threshold()).isEqualTo(Math.round(127 / 1.5));
    long start = 6L * liquid.threshold();
    long x = start;
    for (int t = 1; t <= 50; t++) {
      x = x - liquid.leak(liquid.lutM, x);
      double expected = start * Math.exp(-t / 30.0);
      assertThat((double) x).isBetween(expected * 0.97, expected * 1.03);
    }
    long negative = -3L * liquid.threshold();
    assertThat(negative - liquid.leak(liquid.lutM, negative)).isGreaterThan(negative).isNegative();
  }

  @Test
  @DisplayName(
      "evaluate maps the measured liquid: events are the row lengths of spiking neurons, no DSPs")
  void evaluateMeasured() {
    CsrMatrix rec = recurrent(64, 0.1, 7);
    SpikeRaster liquidSpikes = spikes(50, 64, 0.05, 8);
    long expectedEvents = 0;
    for (int t = 0; t < 50; t++) {
      for (int i = 0; i < 64; i++) {
        if (liquidSpikes.get(t, i)) {
          expectedEvents += rec.rowPointers()[i + 1] - rec.rowPointers()[i];
        }
      }
    }
    Workload w =
        new Workload("liquid", List.of(LayerWorkload.measured("liquid", liquidSpikes, rec, 8)));
    HardwareReport report = new LutLsmAccelerator().evaluate(w, EnergyTable.HOROWITZ_45NM);
    assertThat(report.counters().get("synaptic_events")).isEqualTo((double) expectedEvents);
    assertThat(report.cycles()).isGreaterThan(50L * (64 / 8 + 3));
    assertThat(report.resources().get("dsp")).isZero();
    assertThat(report.resources().get("lut")).isPositive();
    assertThat(report.energyPicojoules()).isPositive();
    assertThat(report.latencySeconds()).isEqualTo(report.cycles() / 100e6);
  }

  @Test
  @DisplayName("the accelerator is found as 'lut-lsm', and mixed-sign rows are refused")
  void pluginAndChecks() {
    List<String> names = new ArrayList<>();
    ServiceLoader.load(Accelerator.class).forEach(a -> names.add(a.name()));
    assertThat(names).contains("lut-lsm");
    CsrMatrix mixed = CsrMatrix.fromDense(2, 2, new float[] {0, 1, 0, 0});
    CsrMatrix bad =
        new CsrMatrix(2, 2, new int[] {0, 2, 2}, new int[] {0, 1}, new float[] {1f, -1f});
    assertThatThrownBy(() -> new FixedPointLiquid(bad, input(1, 2, 1), LutLsmConfig.DEFAULT))
        .hasMessageContaining("Dale");
    assertThat(new FixedPointLiquid(mixed, input(1, 2, 1), LutLsmConfig.DEFAULT).synapses())
        .isEqualTo(1);
  }
}
