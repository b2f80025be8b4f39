package org.snncodesign.learning.lsm.pruning;

/**
 * One point of an accuracy-versus-size curve.
 *
 * @param keepFraction fraction of the original neurons kept
 * @param ranking how neurons were ranked
 * @param rewired whether removed neurons' synapses were re-wired ({@link AdaptiveReconnection})
 * @param size the pruned machine's size
 * @param cvAccuracy cross-validated accuracy on the training set (used to choose lambda and the
 *     operating point)
 * @param testAccuracy accuracy on the held-out set
 * @param lambda the readout's regularisation
 * @param meanRateHz mean firing rate of the pruned liquid on the training set
 * @param rounds prune-retrain-rank rounds that led to this liquid (0 for the full liquid, 1 for one
 *     shot)
 * @param bins time bins of the liquid state the readout uses
 */
public record PruningPoint(
    double keepFraction,
    NeuronRanking ranking,
    boolean rewired,
    LiquidSize size,
    double cvAccuracy,
    double testAccuracy,
    double lambda,
    double meanRateHz,
    int rounds,
    int bins) {}
