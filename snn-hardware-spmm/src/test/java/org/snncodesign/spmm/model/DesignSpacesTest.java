package org.snncodesign.spmm.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.DesignSpace;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;

@DisplayName("The SpMM models' design spaces")
class DesignSpacesTest {
  private static final Workload LAYER =
      new Workload("fc", List.of(LayerWorkload.ofStatistics("fc", 8, 128, 64, 0.1, 0.2, 8)));

  // Every genome of a one- or two-gene space, in order.
  private static List<int[]> genomes(DesignSpace space) {
    int first = space.parameters().get(0).size();
    int second = space.parameters().size() > 1 ? space.parameters().get(1).size() : 1;
    List<int[]> all = new java.util.ArrayList<>();
    for (int a = 0; a < first; a++) {
      for (int b = 0; b < second; b++) {
        all.add(space.parameters().size() > 1 ? new int[] {a, b} : new int[] {a});
      }
    }
    return all;
  }

  private static long resource(DesignSpace space, int[] genes, String name) {
    HardwareReport report = space.build(genes).evaluate(LAYER, EnergyTable.HOROWITZ_45NM);
    return report.resources().get(name);
  }

  @Test
  @DisplayName("every design of each space keeps its default's adder (or lane) budget")
  void budgetHeld() {
    Map<DesignSpace, String> spaces =
        Map.of(
            new SpikedGustavsonAccelerator().designSpace().orElseThrow(), "adders",
            new DenseArrayAccelerator().designSpace().orElseThrow(), "adders",
            new OuterProductAccelerator().designSpace().orElseThrow(), "lanes");
    spaces.forEach(
        (space, budget) -> {
          for (int[] genes : genomes(space)) {
            assertThat(resource(space, genes, budget))
                .as("%s %s", space.name(), java.util.Arrays.toString(genes))
                .isEqualTo(64);
          }
        });
  }

  @Test
  @DisplayName("the spiked-gustavson space also keeps the default's 128 weight-fetch lanes")
  void fetchLanesHeld() {
    DesignSpace space = new SpikedGustavsonAccelerator().designSpace().orElseThrow();
    for (int[] genes : genomes(space)) {
      SpikedGustavsonConfig c = ((SpikedGustavsonAccelerator) space.build(genes)).config();
      assertThat(c.processingElements() * c.fetchUnitsPerPe() * c.fetchWidth()).isEqualTo(128);
    }
  }
}
