package org.snncodesign.flow.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.energy.StaticPower;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.hardware.WorkloadMapping;
import org.snncodesign.fpga.firefly.FireFlyConfig;
import org.snncodesign.fpga.firefly.FireFlySArray;
import org.snncodesign.fpga.resources.FpgaResources;
import org.snncodesign.fpga.search.ComparedDesign;
import org.snncodesign.fpga.search.DesignPointComparison;
import org.snncodesign.fpga.search.ReferenceWorkloads;
import org.snncodesign.fpga.search.SearchSettings;

class PricedDesignTest {
  private static final Workload WORKLOAD = ReferenceWorkloads.mnistMlp(2, 0.15, 1);

  /** A model without a design space that throws, or declines, as told. */
  private record Fixture(String name, boolean declines) implements Accelerator {
    @Override
    public String description() {
      return "test fixture";
    }

    @Override
    public WorkloadMapping mapping(Workload workload) {
      return declines
          ? WorkloadMapping.declines("no recurrent layer")
          : WorkloadMapping.runs("whole design");
    }

    @Override
    public HardwareReport evaluate(Workload workload, EnergyModel energy) {
      throw new IllegalStateException("cannot price " + workload.name());
    }
  }

  @Test
  @DisplayName(
      "a model that throws gets its message, one that declines gets neither, the others their reports, "
          + "in order")
  void oneFailureHidesNothing() {
    List<ComparedDesign> designs =
        new DesignPointComparison(
                EnergyTable.HOROWITZ_45NM,
                FpgaResources.device("zynq-7020"),
                "zynq-7020",
                SearchSettings.QUICK.withSeed(1).withThreads(1))
            .compare(
                List.of(
                    new Fixture("broken", false),
                    new Fixture("liquid-only", true),
                    new FireFlySArray(FireFlyConfig.DEFAULT)),
                WORKLOAD);
    List<PricedDesign> rows =
        PricedDesign.priceAll(
            designs, List.of(WORKLOAD), EnergyTable.HOROWITZ_45NM, StaticPower.EXCLUDED);
    assertThat(rows).hasSize(designs.size());
    assertThat(rows.get(0).failure()).contains("cannot price " + WORKLOAD.name());
    assertThat(rows.get(0).report()).isEmpty();
    assertThat(rows.get(1).declined()).isTrue();
    assertThat(rows.get(1).report()).isEmpty();
    assertThat(rows.get(1).failure()).isEmpty();
    assertThat(rows.subList(2, rows.size()))
        .allSatisfy(
            row -> {
              assertThat(row.design().accelerator()).isEqualTo(FireFlySArray.NAME);
              assertThat(row.report()).get().satisfies(r -> assertThat(r.cycles()).isPositive());
            });
  }
}
