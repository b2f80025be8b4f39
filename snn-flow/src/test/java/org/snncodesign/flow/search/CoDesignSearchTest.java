package org.snncodesign.flow.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.snncodesign.api.JavaSerialization.roundTrip;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.flow.measure.MeasuredRun;
import org.snncodesign.flow.training.DigitsDemoNetwork;
import org.snncodesign.fpga.search.CandidateEvaluator;
import org.snncodesign.fpga.search.ReferenceWorkloads;
import org.snncodesign.fpga.search.SearchProblem;
import org.snncodesign.fpga.search.SearchResult;
import org.snncodesign.fpga.search.SearchSettings;
import org.snncodesign.fpga.search.SearchSpaces;
import org.snncodesign.fpga.search.SearchTask;

class CoDesignSearchTest {
  static final long SEED = 3;
  static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  /** The demo's digits network after two epochs: quick, and well above chance. */
  static CoDesignSearch.TrainedNetwork digits;

  @BeforeAll
  static void train() {
    DigitsDemoNetwork demo =
        DigitsDemoNetwork.train(new DigitsDemoNetwork.Recipe(0.8, 4, 2, 2), SEED, QUIET);
    digits = new CoDesignSearch.TrainedNetwork(demo.network(), "digits", null);
  }

  static CoDesignSearch.Settings.Builder small() {
    return CoDesignSearch.Settings.builder()
        .search(SearchSettings.DEFAULT.withBudget(12, 6, 2).withSeed(SEED).withThreads(2));
  }

  @Test
  @DisplayName(
      "the joint search keeps the best variant within the accuracy floor, reports the accelerator-only "
          + "search beside it and measures both networks on the test half it never searched on")
  void joint() throws Exception {
    CoDesignSearch.JointResult found =
        new CoDesignSearch(small().build(), PluginRegistry.discover(), QUIET).joint(digits);

    assertThat(found.joint().minAccuracy())
        .isCloseTo(found.reference().accuracy() - 0.01, within(1e-12));
    assertThat(found.best().accuracy()).isGreaterThanOrEqualTo(found.joint().minAccuracy() - 1e-9);
    assertThat(found.best().network().configuration())
        .containsKeys("fc1_sparsity", "fc2_bits", "fc3_bits");
    assertThat(found.network()).isEqualTo("digits 64-128-64-10");
    assertThat(found.reference().workload().name()).contains("digits-validation");
    assertThat(found.validationSamples() + found.testSamples())
        .isEqualTo(org.snncodesign.flow.data.TrainingData.digits(SEED).testLabels().length);
    assertThat(found.baselineTestAccuracy()).isBetween(0.5, 1.0);
    assertThat(found.acceleratorOnly().searchedNetwork()).isFalse();
    assertThat(found.networkGenesGain())
        .isEqualTo(found.acceleratorOnly().best().edp() / found.best().edp());
    assertThat(found.networkVariants()).isGreaterThan(1);
  }

  @Test
  @DisplayName(
      "with no accuracy drop allowed the best network classifies the validation half as well as the "
          + "unmodified one, and an excluded first layer has no genes")
  void zeroDrop() throws Exception {
    CoDesignSearch.JointResult found =
        new CoDesignSearch(
                small()
                    .accelerator("firefly-s")
                    .maxAccuracyDrop(0)
                    .firstLayer(MeasuredRun.FirstLayer.EXCLUDED)
                    .build(),
                PluginRegistry.discover(),
                QUIET)
            .joint(digits);

    assertThat(found.best().accuracy()).isGreaterThanOrEqualTo(found.reference().accuracy() - 1e-9);
    assertThat(found.joint().space()).isEqualTo("firefly-s");
    assertThat(found.best().network().configuration()).doesNotContainKey("fc1_sparsity");
  }

  @Test
  @DisplayName("fine-tuned variants still meet the floor")
  void fineTune() throws Exception {
    CoDesignSearch.JointResult found =
        new CoDesignSearch(
                small()
                    .fineTuneEpochs(1)
                    .search(SearchSettings.DEFAULT.withBudget(6, 4, 1).withSeed(SEED))
                    .build(),
                PluginRegistry.discover(),
                QUIET)
            .joint(digits);

    assertThat(found.best().accuracy()).isGreaterThanOrEqualTo(found.joint().minAccuracy() - 1e-9);
  }

  @Test
  @DisplayName("the same settings give the same accelerator-only search, whatever the thread count")
  void acceleratorOnlyIsSeeded() {
    var workload = ReferenceWorkloads.mnistMlp(4, 0.15, SEED);
    SearchResult one =
        new CoDesignSearch(
                small()
                    .search(
                        SearchSettings.DEFAULT.withBudget(12, 6, 2).withSeed(SEED).withThreads(1))
                    .build(),
                PluginRegistry.discover(),
                QUIET)
            .acceleratorOnly(workload);
    SearchResult two =
        new CoDesignSearch(small().build(), PluginRegistry.discover(), QUIET)
            .acceleratorOnly(workload);

    assertThat(two.best().report()).isEqualTo(one.best().report());
    assertThat(two.paretoFront()).isEqualTo(one.paretoFront());
  }

  @Test
  @DisplayName("an accelerator without a design space is refused, naming those that have one")
  void noDesignSpace() {
    assertThatThrownBy(
            () ->
                new CoDesignSearch(
                    small().accelerator("cpu-gustavson").build(), PluginRegistry.discover(), QUIET))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("declares no design space")
        .hasMessageContaining("spikex-systolic");
  }

  /**
   * Evaluates as other JVMs would: the problem, each task and each result cross Java serialization,
   * and the tasks run on spaces rebuilt from the shipped problem (once per problem), not on the
   * ones the search built.
   */
  static final class RebuildingEvaluator implements CandidateEvaluator {
    final Map<SearchProblem, SearchSpaces> rebuilt = new HashMap<>();

    @Override
    public <R extends Serializable> List<R> evaluate(
        SearchProblem problem, List<? extends SearchTask<R>> tasks) {
      SearchSpaces spaces =
          rebuilt.computeIfAbsent(roundTrip(problem), p -> ((CoDesignProblem) p).build());
      List<R> results = new ArrayList<>();
      for (SearchTask<R> task : tasks) {
        results.add(roundTrip(roundTrip(task).run(spaces)));
      }
      return results;
    }
  }

  @Test
  @DisplayName(
      "a joint search with fine-tuning evaluated on spaces rebuilt from the shipped problem equals the "
          + "in-process search, and so does the accelerator-only search")
  void sameSearchOnRebuiltSpaces() throws Exception {
    CoDesignSearch.Settings settings =
        small()
            .fineTuneEpochs(1)
            .search(SearchSettings.DEFAULT.withBudget(6, 4, 1).withSeed(SEED).withThreads(1))
            .build();
    RebuildingEvaluator elsewhere = new RebuildingEvaluator();

    CoDesignSearch.JointResult here =
        new CoDesignSearch(settings, PluginRegistry.discover(), QUIET).joint(digits);
    CoDesignSearch.JointResult there =
        new CoDesignSearch(settings, PluginRegistry.discover(), elsewhere, QUIET).joint(digits);

    assertThat(there).isEqualTo(here);
    assertThat(elsewhere.rebuilt).hasSize(2);
    assertThat(here.networkVariants()).isGreaterThan(1);
  }
}
