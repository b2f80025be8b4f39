package org.snncodesign.fpga.firefly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.energy.Operation;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;

class FireFlyEfficiencyTest {
  private static final EnergyTable E = EnergyTable.HOROWITZ_45NM;
  private static final LayerWorkload FIRST =
      LayerWorkload.ofStatistics("fc1", 8, 784, 100, 0.2, 0.15, 4);
  private static final LayerWorkload SECOND =
      LayerWorkload.ofStatistics("fc2", 8, 100, 10, 0.1, 0.15, 4);
  private static final Workload SPIKES = new Workload("spikes", List.of(SECOND));
  private static final Workload FULL = new Workload("full", List.of(FIRST, SECOND));

  @Test
  @DisplayName("a scaled energy model multiplies every operation's energy by its factor")
  void scaledEnergy() {
    ScaledEnergyModel fpga = new ScaledEnergyModel(E, 14);
    for (Operation op : Operation.values()) {
      assertThat(fpga.picojoules(op)).isCloseTo(14 * E.picojoules(op), within(1e-12));
    }
    assertThat(fpga.name()).contains(E.name());
  }

  @Test
  @DisplayName("the steps reproduce the model's own FPS/W and change one assumption at a time")
  void steps() {
    List<FireFlyEfficiency.Step> steps =
        FireFlyEfficiency.steps(SPIKES, FULL, FireFlyConfig.DEFAULT, E, 14, 1.0, 100e6);
    assertThat(steps)
        .extracting(FireFlyEfficiency.Step::key)
        .containsExactly(
            "spike_layers_asic",
            "full_network_asic",
            "dynamic_only_asic",
            "dynamic_only_fpga",
            "fpga_with_static",
            "fpga_with_static_at_clock");
    HardwareReport direct = new FireFlySArray(FireFlyConfig.DEFAULT).evaluate(FULL, E);
    assertThat(steps.get(1).fpsPerWatt())
        .isCloseTo(direct.counters().get("fps_per_watt"), within(1e-6));
    assertThat(steps.get(0).fpsPerWatt()).isGreaterThan(steps.get(1).fpsPerWatt());
    // Static power 0: FPS/W is the inverse of the dynamic energy per inference.
    assertThat(steps.get(2).fpsPerWatt())
        .isCloseTo(direct.counters().get("dynamic_fps_per_watt"), within(1e-3));
    // 14x energy: 14x lower FPS/W when there is no static power.
    assertThat(steps.get(3).fpsPerWatt() * 14).isCloseTo(steps.get(2).fpsPerWatt(), within(1e-3));
    assertThat(steps.get(4).staticWatts()).isEqualTo(1.0);
    assertThat(steps.get(4).fpsPerWatt()).isLessThan(steps.get(3).fpsPerWatt());
    // Half the clock: half the FPS and half the dynamic power, the same static power, so lower
    // FPS/W.
    assertThat(steps.get(5).fps() * 2).isCloseTo(steps.get(4).fps(), within(1e-6));
    assertThat(steps.get(5).dynamicWatts() * 2)
        .isCloseTo(steps.get(4).dynamicWatts(), within(1e-9));
    assertThat(steps.get(5).fpsPerWatt()).isLessThan(steps.get(4).fpsPerWatt());
  }

  @Test
  @DisplayName("at the break-even static power the FPS/W equals the published 10,047")
  void breakEven() {
    FireFlyEfficiency.Step dynamic =
        FireFlyEfficiency.steps(null, FULL, FireFlyConfig.DEFAULT, E, 14, 0.5, 200e6).get(2);
    double watts = FireFlyEfficiency.breakEvenStaticWatts(dynamic);
    FireFlyEfficiency.Step atBreakEven =
        new FireFlyEfficiency.Step("x", "x", dynamic.fps(), dynamic.dynamicWatts(), watts);
    assertThat(atBreakEven.fpsPerWatt())
        .isCloseTo(FireFlyEfficiency.PUBLISHED_FPS_PER_WATT, within(1e-6));
    assertThat(atBreakEven.overPublished()).isCloseTo(1.0, within(1e-12));
    // At the break-even frame rate, 0.5 W of static power brings the same dynamic energy per
    // inference to 10,047.
    double fps = FireFlyEfficiency.breakEvenFps(dynamic, 0.5);
    double joulesPerInference = dynamic.dynamicWatts() / dynamic.fps();
    assertThat(fps / (fps * joulesPerInference + 0.5))
        .isCloseTo(FireFlyEfficiency.PUBLISHED_FPS_PER_WATT, within(1e-6));
    FireFlyEfficiency.Step hungry = new FireFlyEfficiency.Step("h", "h", 1000, 1, 0);
    assertThat(FireFlyEfficiency.breakEvenFps(hungry, 0.5)).isInfinite();
  }

  @Test
  @DisplayName("a comparison states the break-even figures of the FPGA dynamic-only step")
  void comparison() {
    FireFlyEfficiency.Comparison comparison =
        FireFlyEfficiency.compare(
            null, FULL, FireFlyConfig.DEFAULT, E, 14, 0.5, FireFlyConfig.DEFAULT.clockHz());
    assertThat(comparison.steps())
        .extracting(FireFlyEfficiency.Step::key)
        .containsExactly(
            "full_network_asic", "dynamic_only_asic", "dynamic_only_fpga", "fpga_with_static");
    assertThat(comparison.dynamicFpga()).isEqualTo(comparison.steps().get(2));
    assertThat(comparison.breakEvenStaticWatts())
        .isEqualTo(FireFlyEfficiency.breakEvenStaticWatts(comparison.dynamicFpga()));
    assertThat(comparison.breakEvenFps())
        .isEqualTo(FireFlyEfficiency.breakEvenFps(comparison.dynamicFpga(), 0.5));
  }
}
