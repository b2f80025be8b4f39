package org.snncodesign.api.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;

@DisplayName("Energy tables and hardware reports")
class EnergyTableTest {
  @Test
  @DisplayName("the 45 nm table gives the literature's E_MAC = 4.6 pJ and E_AC = 0.9 pJ for fp32")
  void horowitzMacAndAccumulate() {
    EnergyTable table = EnergyTable.HOROWITZ_45NM;
    double mac = table.picojoules(Operation.MULT_FP32) + table.picojoules(Operation.ADD_FP32);
    assertThat(mac).isCloseTo(4.6, within(1e-12));
    assertThat(table.picojoules(Operation.ADD_FP32)).isEqualTo(0.9);
  }

  @Test
  @DisplayName("energy of counts is the sum of count x price, and the breakdown adds up to it")
  void energyOfCounts() {
    OperationCounts counts = new OperationCounts();
    counts.add(Operation.ADD_FP32, 1000);
    counts.add(Operation.DRAM_ACCESS, 2);
    double total = EnergyTable.HOROWITZ_45NM.picojoules(counts);
    assertThat(total).isCloseTo(1000 * 0.9 + 2 * 1300, within(1e-9));
    assertThat(
            EnergyTable.HOROWITZ_45NM.breakdown(counts).values().stream()
                .mapToDouble(Double::doubleValue)
                .sum())
        .isCloseTo(total, within(1e-9));
  }

  @Test
  @DisplayName("a table missing an operation is refused naming it")
  void incompleteTable() {
    Map<Operation, Double> partial = new HashMap<>(EnergyTable.HOROWITZ_45NM.picojoules());
    partial.remove(Operation.DRAM_ACCESS);
    assertThatThrownBy(() -> new EnergyTable("partial", "test", partial))
        .hasMessageContaining("DRAM_ACCESS");
  }

  @Test
  @DisplayName("latency is cycles over clock and EDP is energy times latency")
  void latencyAndEdp() {
    HardwareReport report =
        HardwareReport.builder("test")
            .cycles(2_000)
            .clockHz(200e6)
            .energy(EnergyBreakdown.builder().charge(EnergyCategory.COMPUTE, "adders", 5e6).build())
            .build();
    assertThat(report.latencySeconds()).isCloseTo(1e-5, within(1e-18));
    assertThat(report.energyDelayProduct()).isCloseTo(5e-6 * 1e-5, within(1e-20));
  }

  @Test
  @DisplayName("layer workloads refuse rates outside [0, 1] naming the layer")
  void workloadValidation() {
    assertThatThrownBy(() -> LayerWorkload.ofStatistics("conv1", 4, 10, 10, 1.5, 1, 8))
        .hasMessageContaining("conv1")
        .hasMessageContaining("1.5");
    assertThatThrownBy(() -> new Workload("empty", List.of())).hasMessageContaining("no layers");
  }
}
