package org.snncodesign.fpga.lsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.energy.EnergyCategory;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.UnsupportedWorkloadException;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.fpga.TestWorkloads;

@DisplayName("What the LUT-LSM array can map")
class LutLsmMappingTest {
  private static final EnergyTable E = EnergyTable.HOROWITZ_45NM;
  private static final Workload MLP =
      new Workload(
          "mlp",
          List.of(
              LayerWorkload.ofStatistics("fc1", 8, 64, 32, 0.1, 0.5, 8),
              LayerWorkload.ofStatistics("fc2", 8, 32, 10, 0.1, 0.5, 8)));

  private static Workload liquidWithInput() {
    LayerWorkload liquid =
        LayerWorkload.measured(
            "liquid",
            TestWorkloads.randomRaster(new Random(1), 5, 16, 0.1),
            LutLsmAcceleratorTest.recurrent(16, 0.2, 4),
            8);
    return new Workload(
        "lsm", List.of(liquid, LayerWorkload.ofStatistics("input", 5, 4, 16, 0.2, 0.5, 8)));
  }

  @Test
  @DisplayName(
      "declines a feed-forward network, saying it has no recurrent layer to run as the liquid")
  void declinesFeedForward() {
    assertThat(new LutLsmAccelerator().mapping(MLP).supported()).isFalse();
    assertThatThrownBy(() -> new LutLsmAccelerator().evaluate(MLP, E))
        .isInstanceOf(UnsupportedWorkloadException.class)
        .hasMessageContaining("lut-lsm")
        .hasMessageContaining("'mlp'")
        .hasMessageContaining("no recurrent layer");
  }

  @Test
  @DisplayName("states which layer it took as the liquid and which as input projections")
  void statesTheLiquid() {
    HardwareReport report = new LutLsmAccelerator().evaluate(liquidWithInput(), E);
    assertThat(report.basis().mapping())
        .contains("'liquid' (16 neurons) as the recurrent liquid")
        .contains("1 layer(s) as its input projections");
  }

  @Test
  @DisplayName(
      "charges the sample's input spikes and the liquid's spike counts for the read-out to off-chip memory")
  void spikeTrafficOffChip() {
    HardwareReport report = new LutLsmAccelerator().evaluate(liquidWithInput(), E);
    // 16 liquid neurons x 16-bit counts out + 5 steps x 4 input channels in = 276 bits = 5 words of
    // 1300 pJ.
    assertThat(report.counters().get("spike_io_bits")).isEqualTo(276.0);
    assertThat(report.energy().picojoules(EnergyCategory.OFF_CHIP_MEMORY))
        .isCloseTo(5 * 1300.0, within(1e-9));
    assertThat(report.energy().picojoules(EnergyCategory.STATIC)).isZero();
    assertThat(report.basis().staticPowerWatts()).isEmpty();
  }
}
