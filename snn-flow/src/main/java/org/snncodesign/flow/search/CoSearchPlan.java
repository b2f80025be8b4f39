package org.snncodesign.flow.search;

import org.snncodesign.api.Checks;
import org.snncodesign.flow.measure.NetworkSource;

/**
 * A whole co-design search as data: its settings, whether the network is searched too, and the
 * network it prices. {@code snn hw search --save-search FILE} writes one ({@link
 * CoSearchPlanJson}), {@code snn-spark.jar hw-search --search FILE} runs it ({@link CoSearchRun}),
 * with the same report as {@code snn hw search} with the same options.
 *
 * @param settings the search's settings
 * @param networkGenes whether per-layer weight sparsity and width are searched with the accelerator
 *     ({@link CoDesignSearch#joint}); then {@code network} must be {@link NetworkSource.Trained}
 * @param network the network priced (and, with network genes, compressed)
 */
public record CoSearchPlan(
    CoDesignSearch.Settings settings, boolean networkGenes, NetworkSource network) {
  /** Checks that a joint search has a trained network. */
  public CoSearchPlan {
    Checks.checkArgument(settings != null && network != null, "settings and network must be given");
    Checks.checkArgument(
        !networkGenes || network instanceof NetworkSource.Trained,
        "network genes need a trained network to prune and quantise, got %s",
        network);
  }
}
