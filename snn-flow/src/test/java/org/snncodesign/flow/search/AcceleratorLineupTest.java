package org.snncodesign.flow.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.SnnException;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.fpga.firefly.FireFlyConfig;
import org.snncodesign.fpga.firefly.FireFlySArray;
import org.snncodesign.fpga.search.ReferenceWorkloads;

class AcceleratorLineupTest {
  private static final PluginRegistry REGISTRY = PluginRegistry.discover();

  @Test
  @DisplayName(
      "names resolve in order, short names included, and firefly-s is priced at the lineup's design")
  void namedModels() {
    FireFlyConfig design = FireFlyConfig.DEFAULT.withStaticPower(1.5).withClock(100e6);
    AcceleratorLineup.Lineup lineup =
        new AcceleratorLineup(List.of("spikex", "firefly-s"), design, false).resolve(REGISTRY);
    assertThat(lineup.accelerators())
        .extracting(Accelerator::name)
        .containsExactly("spikex-systolic", FireFlySArray.NAME);
    assertThat(lineup.fireFly()).contains(design);
    Workload workload = ReferenceWorkloads.mnistMlp(2, 0.15, 1);
    assertThat(
            lineup
                .accelerators()
                .get(1)
                .evaluate(workload, EnergyTable.HOROWITZ_45NM)
                .configuration())
        .isEqualTo(
            new FireFlySArray(design)
                .evaluate(workload, EnergyTable.HOROWITZ_45NM)
                .configuration());
  }

  @Test
  @DisplayName(
      "no names means every accelerator plugin; without firefly-s there is no design to compare")
  void everyModelOrNone() {
    assertThat(
            new AcceleratorLineup(List.of(), FireFlyConfig.DEFAULT, false)
                .resolve(REGISTRY)
                .accelerators())
        .hasSameSizeAs(REGISTRY.providers(Accelerator.class));
    assertThat(
            new AcceleratorLineup(List.of("spikex"), FireFlyConfig.DEFAULT, false)
                .resolve(REGISTRY)
                .fireFly())
        .isEmpty();
  }

  @Test
  @DisplayName("an unknown name fails, naming it")
  void unknownName() {
    assertThatThrownBy(
            () ->
                new AcceleratorLineup(List.of("no-such-model"), FireFlyConfig.DEFAULT, false)
                    .resolve(REGISTRY))
        .isInstanceOf(SnnException.class)
        .hasMessageContaining("no-such-model");
  }
}
