package org.snncodesign.fpga.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.DesignSpace;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.fpga.resources.FpgaResources;

class CoSearchTest {
  private static final EnergyTable E = EnergyTable.HOROWITZ_45NM;
  private static final Workload NET = ReferenceWorkloads.mnistMlp(4, 0.15, 3);
  private static final SearchSettings SMALL =
      SearchSettings.DEFAULT.withBudget(16, 8, 3).withSeed(5);

  private static SearchResult search(DesignSpace space, SearchSettings settings) {
    return new CoSearch(space, FpgaResources.ZYNQ_7020, settings)
        .run(NET, E, Baselines.systolic(), s -> {});
  }

  @Test
  @DisplayName("the same seed gives the same search on 1 thread and on 4")
  void deterministic() {
    SearchResult one = search(new SystolicDesignSpace(), SMALL.withThreads(1));
    SearchResult four = search(new SystolicDesignSpace(), SMALL.withThreads(4));
    assertThat(four.best().genes()).containsExactly(one.best().genes());
    assertThat(four.evaluated()).hasSameSizeAs(one.evaluated());
    assertThat(four.paretoFront()).isEqualTo(one.paretoFront());
  }

  @Test
  @DisplayName(
      "the best design fits the budget and has the least EDP of every feasible design evaluated")
  void bestIsFeasibleMinimum() {
    SearchResult result = search(new SystolicDesignSpace(), SMALL);
    assertThat(result.best().feasible()).isTrue();
    assertThat(
            FpgaResources.fromMap(result.best().report().resources())
                .fitsIn(FpgaResources.ZYNQ_7020))
        .isTrue();
    for (Candidate c : result.evaluated()) {
      if (c.feasible()) {
        assertThat(result.best().edp()).isLessThanOrEqualTo(c.edp());
      }
    }
  }

  @Test
  @DisplayName(
      "no design on the Pareto front is dominated by any feasible design, and the best EDP is on it")
  void paretoFront() {
    SearchResult result = search(new FireFlyDesignSpace(), SMALL);
    List<Candidate> front = result.paretoFront();
    assertThat(front).isNotEmpty();
    for (Candidate f : front) {
      assertThat(result.evaluated()).noneMatch(c -> c.feasible() && c.dominates(f));
    }
    assertThat(front).contains(result.best());
  }

  @Test
  @DisplayName("evolution never does worse than its own random phase")
  void evolutionHelps() {
    SearchResult randomOnly = search(new SystolicDesignSpace(), SMALL.withBudget(16, 8, 0));
    SearchResult evolved = search(new SystolicDesignSpace(), SMALL);
    assertThat(evolved.best().edp()).isLessThanOrEqualTo(randomOnly.best().edp());
    assertThat(evolved.edpReduction()).isGreaterThan(1);
  }

  @Test
  @DisplayName("a budget nothing fits is reported, not silently ignored")
  void impossibleBudget() {
    CoSearch search =
        new CoSearch(new SystolicDesignSpace(), new FpgaResources(10, 10, 0, 0), SMALL);
    assertThatThrownBy(() -> search.run(NET, E, Baselines.systolic(), s -> {}))
        .hasMessageContaining("fits the budget");
  }
}
