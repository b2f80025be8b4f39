package org.snncodesign.api.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.energy.EnergyBreakdown;
import org.snncodesign.api.energy.EnergyCategory;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.energy.StaticPower;

@DisplayName("Hardware reports")
class HardwareReportTest {
  private static HardwareReport.Builder report() {
    return HardwareReport.builder("array")
        .cycles(1_000)
        .clockHz(1e9)
        .energyModel(EnergyTable.HOROWITZ_45NM)
        .staticPowerWatts(0.5)
        .energy(
            EnergyBreakdown.builder()
                .charge(EnergyCategory.COMPUTE, "adders", 100)
                .chargeStatic("device", 0.5, 1e-6)
                .build());
  }

  @Test
  @DisplayName("energy and EDP leave static energy out by default and count it once it is included")
  void staticPolicy() {
    HardwareReport dynamic = report().build();
    HardwareReport withStatic = dynamic.withStaticPower(StaticPower.INCLUDED);
    assertThat(dynamic.energyPicojoules()).isEqualTo(100);
    assertThat(withStatic.energyPicojoules()).isCloseTo(100 + 5e5, within(1e-6));
    assertThat(withStatic.energyDelayProduct())
        .isCloseTo((100 + 5e5) * 1e-12 * 1e-6, within(1e-24));
  }

  @Test
  @DisplayName(
      "maps iterate in key order whatever map the model passed, so reports print the same every run")
  void keyOrder() {
    HardwareReport r =
        report()
            .configuration(Map.of("rows", "16", "cols", "8", "dataflow", "ws"))
            .resources(Map.of("lut", 5L, "bram36", 1L, "dsp", 0L))
            .build();
    assertThat(r.configuration().keySet()).containsExactly("cols", "dataflow", "rows");
    assertThat(r.resources().keySet()).containsExactly("bram36", "dsp", "lut");
  }

  @Test
  @DisplayName("the basis states the energy model's technology node and the static power")
  void basis() {
    ReportBasis basis = report().build().basis();
    assertThat(basis.technologyNode()).isEqualTo("45 nm CMOS, 0.9 V");
    assertThat(basis.staticPowerText()).isEqualTo("0.5 W");
  }

  @Test
  @DisplayName("static energy without a stated static power is refused")
  void staticNeedsPower() {
    assertThatThrownBy(
            () ->
                HardwareReport.builder("array")
                    .cycles(1)
                    .clockHz(1)
                    .energy(EnergyBreakdown.builder().chargeStatic("device", 1, 1).build())
                    .build())
        .hasMessageContaining("states no static power");
  }

  @Test
  @DisplayName(
      "a wall-clock figure must be named measured_*, so timing is never read as a model figure")
  void measurementsAreMarked() {
    assertThatThrownBy(() -> report().measurement("seconds", 1.0).build())
        .hasMessageContaining("measured_");
  }

  @Test
  @DisplayName(
      "an API 1.0 report's free-form breakdown becomes 'other' components with the rest unattributed")
  void legacyReport() {
    @SuppressWarnings("deprecation")
    HardwareReport legacy =
        new HardwareReport(
            "old", Map.of(), 10, 1e6, 50, Map.of("dram", 20.0), Map.of(), "compute", Map.of());
    assertThat(legacy.energy().picojoules(EnergyCategory.OTHER)).isEqualTo(50);
    assertThat(legacy.energy().components())
        .extracting(c -> c.name())
        .containsExactly("dram", "unattributed");
    assertThat(legacy.basis().mapping()).contains("API 1.0");
  }

  @Test
  @DisplayName("workloads run one after another add their cycles, energy components and counters")
  void sequenceAdds() {
    HardwareReport one = report().counters(Map.of("adds", 3.0)).bottleneck("memory").build();
    HardwareReport two = report().counters(Map.of("adds", 4.0)).bottleneck("compute").build();
    HardwareReport both = HardwareReport.ofSequence(java.util.List.of(one, two, two));
    assertThat(both.cycles()).isEqualTo(3_000);
    assertThat(both.energy().picojoules(EnergyCategory.COMPUTE)).isEqualTo(300);
    assertThat(both.counters()).containsEntry("adds", 11.0);
    assertThat(both.bottleneck()).isEqualTo("compute");
  }
}
