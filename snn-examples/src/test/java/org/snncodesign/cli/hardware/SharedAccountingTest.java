package org.snncodesign.cli.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.energy.EnergyCategory;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.energy.StaticPower;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.plugin.PluginRegistry;

/** Every accelerator model found on the class path prices one workload in the shared accounting. */
@DisplayName("Every accelerator model uses the shared energy accounting")
class SharedAccountingTest {
  private static final EnergyCategory C = EnergyCategory.COMPUTE;
  private static final EnergyCategory ON = EnergyCategory.ON_CHIP_MEMORY;
  private static final EnergyCategory OFF = EnergyCategory.OFF_CHIP_MEMORY;
  private static final EnergyCategory S = EnergyCategory.STATIC;

  /** The categories each model documents that it charges. */
  private static final Map<String, Set<EnergyCategory>> CHARGED =
      Map.of(
          "cpu-gustavson", Set.of(C, ON, OFF),
          "spiked-gustavson", Set.of(C, ON, OFF),
          "dense-array", Set.of(C, ON, OFF),
          "outer-product", Set.of(C, ON, OFF),
          "spikex-systolic", Set.of(C, ON, OFF, S),
          "firefly-s", Set.of(C, ON, OFF, S),
          "lut-lsm", Set.of(C, ON, OFF));

  // A liquid (recurrent 64 x 64) with an input projection: a workload every model can run.
  private static final Workload WORKLOAD =
      new Workload(
          "liquid with input",
          List.of(
              LayerWorkload.ofStatistics("liquid", 8, 64, 64, 0.1, 0.2, 8),
              LayerWorkload.ofStatistics("input", 8, 32, 64, 0.2, 0.5, 8)));

  private static List<Accelerator> models() {
    List<Accelerator> models =
        PluginRegistry.discover().providers(Accelerator.class).stream()
            .filter(a -> CHARGED.containsKey(a.name()))
            .toList();
    assertThat(models)
        .extracting(Accelerator::name)
        .containsExactlyInAnyOrderElementsOf(CHARGED.keySet());
    return models;
  }

  @Test
  @DisplayName(
      "each model charges exactly the categories it documents, and states energy model, node and mapping")
  void categories() {
    for (Accelerator model : models()) {
      HardwareReport r = model.evaluate(WORKLOAD, EnergyTable.HOROWITZ_45NM);
      assertThat(r.energy().chargedCategories())
          .as(model.name())
          .containsExactlyInAnyOrderElementsOf(CHARGED.get(model.name()));
      assertThat(r.basis().technologyNode()).as(model.name()).isEqualTo("45 nm CMOS, 0.9 V");
      assertThat(r.basis().mapping()).as(model.name()).isNotBlank();
      assertThat(r.basis().staticPowerWatts().isPresent())
          .as(model.name())
          .isEqualTo(CHARGED.get(model.name()).contains(S));
    }
  }

  @Test
  @DisplayName(
      "with static power off the total is the sum of the dynamic categories; on, static energy is added")
  void totals() {
    for (Accelerator model : models()) {
      HardwareReport off = model.evaluate(WORKLOAD, EnergyTable.HOROWITZ_45NM);
      HardwareReport on = off.withStaticPower(StaticPower.INCLUDED);
      double dynamic =
          off.energy().picojoules(C)
              + off.energy().picojoules(ON)
              + off.energy().picojoules(OFF)
              + off.energy().picojoules(EnergyCategory.OTHER);
      assertThat(off.staticPower()).as(model.name()).isEqualTo(StaticPower.EXCLUDED);
      assertThat(off.energyPicojoules())
          .as(model.name())
          .isCloseTo(dynamic, within(1e-9 * dynamic));
      assertThat(on.energyPicojoules())
          .as(model.name())
          .isCloseTo(dynamic + off.energy().picojoules(S), within(1e-9 * on.energyPicojoules()));
      assertThat(on.energyDelayProduct() >= off.energyDelayProduct()).as(model.name()).isTrue();
    }
  }

  @Test
  @DisplayName(
      "the models that state a static power charge it as power times busy time, so it is not zero")
  void staticCharged() {
    for (Accelerator model : models()) {
      HardwareReport r = model.evaluate(WORKLOAD, EnergyTable.HOROWITZ_45NM);
      if (r.basis().staticPowerWatts().isPresent()) {
        assertThat(r.energy().staticPicojoules()).as(model.name()).isPositive();
      }
    }
  }
}
