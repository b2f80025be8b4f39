package org.snncodesign.spark.search;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.flow.search.CoDesignSearch;
import org.snncodesign.flow.training.DigitsDemoNetwork;
import org.snncodesign.fpga.search.CandidateEvaluator;
import org.snncodesign.fpga.search.ReferenceWorkloads;
import org.snncodesign.fpga.search.SearchResult;
import org.snncodesign.fpga.search.SearchSettings;

/**
 * Small co-design searches (seconds each) for comparing evaluators: the same search whatever
 * evaluates it.
 */
public final class CoSearchFixtures {
  static final long SEED = 3;
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
  private static CoDesignSearch.TrainedNetwork digits;

  private CoSearchFixtures() {}

  /** The demo's digits network after two epochs: quick, and well above chance. */
  private static synchronized CoDesignSearch.TrainedNetwork digits() {
    if (digits == null) {
      digits =
          new CoDesignSearch.TrainedNetwork(
              DigitsDemoNetwork.train(new DigitsDemoNetwork.Recipe(0.8, 4, 2, 2), SEED, QUIET)
                  .network(),
              "digits",
              null);
    }
    return digits;
  }

  /** 12 random designs and 2 generations of 6 of spikex-systolic on a 4-step MNIST MLP workload. */
  public static SearchResult acceleratorOnly(CandidateEvaluator evaluator) {
    CoDesignSearch.Settings settings =
        CoDesignSearch.Settings.builder()
            .search(SearchSettings.DEFAULT.withBudget(12, 6, 2).withSeed(SEED).withThreads(1))
            .build();
    return new CoDesignSearch(settings, PluginRegistry.discover(), evaluator, QUIET)
        .acceleratorOnly(ReferenceWorkloads.mnistMlp(4, 0.15, SEED));
  }

  /**
   * Network genes and spikex-systolic on the digits network, every compressed variant fine-tuned
   * one epoch.
   */
  public static CoDesignSearch.JointResult joint(CandidateEvaluator evaluator) throws IOException {
    CoDesignSearch.Settings settings =
        CoDesignSearch.Settings.builder()
            .fineTuneEpochs(1)
            .search(SearchSettings.DEFAULT.withBudget(6, 4, 1).withSeed(SEED).withThreads(1))
            .build();
    return new CoDesignSearch(settings, PluginRegistry.discover(), evaluator, QUIET)
        .joint(digits());
  }
}
