package org.snncodesign.api.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.snncodesign.api.JavaSerialization.roundTrip;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.energy.EnergyBreakdown;
import org.snncodesign.api.energy.EnergyCategory;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;

@DisplayName(
    "Workloads and reports cross Java serialization (how a search ships them to other machines)")
class SerializationTest {

  @Test
  @DisplayName("a workload with measured spikes and weights comes back equal")
  void workload() {
    SpikeRaster spikes = new SpikeRaster(2, 3);
    spikes.set(1, 2);
    LayerWorkload measured =
        LayerWorkload.measured(
            "fc1", spikes, CsrMatrix.fromDense(3, 2, new float[] {0, 1.5f, -0f, 0, 2, 0}), 4);
    Workload workload =
        new Workload(
            "w", List.of(measured, LayerWorkload.ofStatistics("fc2", 2, 2, 10, 0.1, 0.5, 8)));

    assertThat(roundTrip(workload)).isEqualTo(workload);
  }

  @Test
  @DisplayName("a report with and without a static power comes back equal")
  void report() {
    HardwareReport withStatic =
        HardwareReport.builder("array")
            .cycles(1_000)
            .clockHz(1e9)
            .energyModel(EnergyTable.HOROWITZ_45NM)
            .staticPowerWatts(0.5)
            .configuration(Map.of("rows", "16"))
            .resources(Map.of("lut", 5L))
            .energy(
                EnergyBreakdown.builder()
                    .charge(EnergyCategory.COMPUTE, "adders", 100)
                    .chargeStatic("device", 0.5, 1e-6)
                    .build())
            .build();
    HardwareReport dynamicOnly =
        HardwareReport.builder("array")
            .cycles(10)
            .clockHz(1e8)
            .energyModel(EnergyTable.HOROWITZ_45NM)
            .energy(
                EnergyBreakdown.builder().charge(EnergyCategory.ON_CHIP_MEMORY, "sram", 3).build())
            .build();

    assertThat(roundTrip(withStatic)).isEqualTo(withStatic);
    assertThat(roundTrip(dynamicOnly)).isEqualTo(dynamicOnly);
  }
}
