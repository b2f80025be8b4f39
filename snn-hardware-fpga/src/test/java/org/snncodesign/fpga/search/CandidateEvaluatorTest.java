package org.snncodesign.fpga.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.snncodesign.api.JavaSerialization.roundTrip;

import java.io.NotSerializableException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.DesignParameter;
import org.snncodesign.fpga.resources.FpgaResources;

class CandidateEvaluatorTest {
  private static final SearchSettings SMALL =
      SearchSettings.DEFAULT.withBudget(16, 8, 3).withSeed(7).withThreads(2);

  /** The toy joint problem, rebuilt from nothing wherever it is opened. */
  record ToyProblem() implements SearchProblem {
    @Override
    public SearchSpaces open() {
      return new SearchSpaces(
          new JointSearchTest.TinySystolic(),
          new JointSearchTest.ToyNetwork(),
          EnergyTable.HOROWITZ_45NM);
    }
  }

  /**
   * Evaluates each task as a remote machine would: problem and task shipped in, the result shipped
   * back.
   */
  static final class ShippingEvaluator implements CandidateEvaluator {
    @Override
    public <R extends Serializable> List<R> evaluate(
        SearchProblem problem, List<? extends SearchTask<R>> tasks) {
      List<R> results = new ArrayList<>();
      for (SearchTask<R> task : tasks) {
        SearchProblem there = roundTrip(problem);
        results.add(roundTrip(roundTrip(task).run(there.open())));
      }
      return results;
    }
  }

  private static SearchResult search(CandidateEvaluator evaluator) {
    return new CoSearch(new JointSearchTest.TinySystolic(), FpgaResources.ZYNQ_7020, SMALL)
        .run(new ToyProblem(), 0.93, Baselines.systolic(), evaluator, s -> {});
  }

  @Test
  @DisplayName(
      "a search whose every task and result crosses serialization finds what the sequential loop and the "
          + "thread pool find, candidate for candidate")
  void sameSearchWhateverTheEvaluator() {
    SearchResult sequential = search(CandidateEvaluator.inProcess(1));
    SearchResult pooled = search(CandidateEvaluator.inProcess(3));
    SearchResult shipped = search(new ShippingEvaluator());

    assertThat(pooled).isEqualTo(sequential);
    assertThat(shipped).isEqualTo(sequential);
  }

  @Test
  @DisplayName("a failing candidate stops the search with one error naming it")
  void failingCandidate() {
    JointSearchTest.ToyNetwork toy = new JointSearchTest.ToyNetwork();
    NetworkSpace broken =
        new NetworkSpace() {
          @Override
          public String name() {
            return toy.name();
          }

          @Override
          public List<DesignParameter> parameters() {
            return toy.parameters();
          }

          @Override
          public NetworkVariant variant(int[] genes) {
            if (genes[0] == 3) {
              throw new IllegalArgumentException("sparsity 0.95 is broken");
            }
            return toy.variant(genes);
          }

          @Override
          public NetworkVariant reference() {
            return toy.reference();
          }
        };

    assertThatThrownBy(
            () ->
                new CoSearch(new JointSearchTest.TinySystolic(), FpgaResources.ZYNQ_7020, SMALL)
                    .run(broken, 0.9, EnergyTable.HOROWITZ_45NM, Baselines.systolic(), s -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("evaluating network genes [3, ")
        .hasMessageEndingWith(
            "failed: java.lang.IllegalArgumentException: sparsity 0.95 is broken");
  }

  @Test
  @DisplayName("a problem that lives only in this JVM says so when an evaluator tries to ship it")
  void inProcessProblemIsNotShipped() {
    SearchProblem local = SearchProblem.inProcess(new ToyProblem().open());

    assertThatThrownBy(() -> roundTrip(local))
        .hasCauseInstanceOf(NotSerializableException.class)
        .hasMessageContaining("exist only in this JVM");
  }
}
