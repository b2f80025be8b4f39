package org.snncodesign.spark.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.DesignParameter;
import org.snncodesign.fpga.resources.FpgaResources;
import org.snncodesign.fpga.search.Baselines;
import org.snncodesign.fpga.search.CandidateEvaluator;
import org.snncodesign.fpga.search.CoSearch;
import org.snncodesign.fpga.search.NetworkSpace;
import org.snncodesign.fpga.search.NetworkVariant;
import org.snncodesign.fpga.search.ReferenceWorkloads;
import org.snncodesign.fpga.search.SearchProblem;
import org.snncodesign.fpga.search.SearchSettings;
import org.snncodesign.fpga.search.SearchSpaces;
import org.snncodesign.fpga.search.SystolicDesignSpace;
import org.snncodesign.spark.SparkSessions;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SparkCandidateEvaluatorTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSessions.open("SparkCandidateEvaluatorTest", "local[2]", Map.of());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  @DisplayName(
      "an accelerator-only search with its candidates as Spark tasks equals the sequential search")
  void acceleratorOnly() {
    assertThat(CoSearchFixtures.acceleratorOnly(new SparkCandidateEvaluator(spark)))
        .isEqualTo(CoSearchFixtures.acceleratorOnly(CandidateEvaluator.inProcess(1)));
  }

  @Test
  @DisplayName(
      "a joint search with fine-tuned variants as Spark tasks equals the sequential search")
  void jointWithFineTuning() throws Exception {
    assertThat(CoSearchFixtures.joint(new SparkCandidateEvaluator(spark)))
        .isEqualTo(CoSearchFixtures.joint(CandidateEvaluator.inProcess(1)));
  }

  /**
   * One network gene whose last value cannot be built: every search that reaches it fails there.
   */
  record BrokenProblem() implements SearchProblem {
    @Override
    public SearchSpaces open() {
      NetworkVariant only = NetworkVariant.of(ReferenceWorkloads.mnistMlp(4, 0.15, 1));
      return new SearchSpaces(
          new SystolicDesignSpace(),
          new NetworkSpace() {
            @Override
            public String name() {
              return "broken";
            }

            @Override
            public List<DesignParameter> parameters() {
              return List.of(new DesignParameter("sparsity", List.of("keep", "0.9", "broken")));
            }

            @Override
            public NetworkVariant variant(int[] genes) {
              if (genes[0] == 2) {
                throw new IllegalArgumentException("sparsity 'broken' is not a number");
              }
              return only;
            }

            @Override
            public NetworkVariant reference() {
              return only;
            }
          },
          EnergyTable.HOROWITZ_45NM);
    }
  }

  @Test
  @DisplayName(
      "a failing candidate stops the search at once with one error naming it, as in process")
  void failingCandidate() {
    CoSearch search =
        new CoSearch(
            new SystolicDesignSpace(),
            FpgaResources.ZYNQ_7020,
            SearchSettings.DEFAULT.withBudget(12, 4, 1).withSeed(1));

    assertThatThrownBy(
            () ->
                search.run(
                    new BrokenProblem(),
                    Double.NEGATIVE_INFINITY,
                    Baselines.systolic(),
                    new SparkCandidateEvaluator(spark),
                    line -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "evaluating network genes [2] failed: java.lang.IllegalArgumentException: sparsity 'broken' is "
                + "not a number");
  }

  @Test
  @DisplayName("a problem that cannot be shipped is one error, not a hang")
  void unshippableProblem() {
    CoSearch search =
        new CoSearch(
            new SystolicDesignSpace(),
            FpgaResources.ZYNQ_7020,
            SearchSettings.DEFAULT.withBudget(4, 4, 0).withSeed(1));

    assertThatThrownBy(
            () ->
                search.run(
                    SearchProblem.inProcess(new BrokenProblem().open()),
                    Double.NEGATIVE_INFINITY,
                    Baselines.systolic(),
                    new SparkCandidateEvaluator(spark),
                    line -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the Spark job of ")
        .hasMessageContaining("not serializable");
  }
}
