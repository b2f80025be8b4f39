package org.snncodesign.fpga.search;

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
import org.snncodesign.fpga.lsm.LutLsmAccelerator;
import org.snncodesign.fpga.resources.FpgaResources;
import org.snncodesign.fpga.systolic.SpikeXSystolicArray;

@DisplayName("Default and co-searched designs side by side")
class DesignPointComparisonTest {
  private static final EnergyTable E = EnergyTable.HOROWITZ_45NM;
  private static final Workload MLP = ReferenceWorkloads.mnistMlp(4, 0.15, 1);

  /** A model with nothing to search. */
  private static final Accelerator FIXED =
      new Accelerator() {
        @Override
        public String name() {
          return "fixed";
        }

        @Override
        public String description() {
          return "a design without parameters";
        }

        @Override
        public HardwareReport evaluate(Workload workload, EnergyModel energy) {
          return HardwareReport.builder(name()).cycles(1).clockHz(1e6).build();
        }
      };

  private static List<ComparedDesign> rows() {
    return new DesignPointComparison(
            E,
            FpgaResources.ZYNQ_7020,
            "zynq-7020",
            SearchSettings.QUICK.withSeed(3).withThreads(1))
        .compare(List.of(new LutLsmAccelerator(), new SpikeXSystolicArray(), FIXED), MLP);
  }

  @Test
  @DisplayName("a model that cannot run the workload gets one declined row carrying its reason")
  void declinedRow() {
    ComparedDesign lsm = rows().get(0);
    assertThat(lsm.declined()).isTrue();
    assertThat(lsm.assumption()).startsWith("declined: ").contains("no recurrent layer");
  }

  @Test
  @DisplayName(
      "a model with a design space gets its default row, then a searched row no worse in EDP")
  void searchedRow() {
    List<ComparedDesign> rows = rows();
    assertThat(rows)
        .extracting(r -> r.accelerator() + " " + r.point().label())
        .containsExactly(
            "lut-lsm default",
            "spikex-systolic default",
            "spikex-systolic co-searched",
            "fixed default");
    double defaultEdp =
        rows.get(1).price(List.of(MLP), E, StaticPower.EXCLUDED).energyDelayProduct();
    double searchedEdp =
        rows.get(2).price(List.of(MLP), E, StaticPower.EXCLUDED).energyDelayProduct();
    assertThat(searchedEdp).isLessThanOrEqualTo(defaultEdp);
    assertThat(rows.get(2).assumption())
        .contains("quick co-search (seed 3, zynq-7020, static excluded)");
  }

  @Test
  @DisplayName("a model without a design space says there was nothing to search")
  void noSpace() {
    assertThat(rows().get(3).assumption()).contains("no design space to search");
  }
}
