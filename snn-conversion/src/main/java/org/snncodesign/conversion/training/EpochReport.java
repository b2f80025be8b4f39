package org.snncodesign.conversion.training;

/**
 * What one training epoch achieved.
 *
 * @param epoch 1-based epoch number
 * @param meanLoss mean cross-entropy over the epoch's samples
 * @param trainAccuracy fraction of training samples classified correctly during the epoch (before
 *     each update)
 * @param testAccuracy accuracy on the held-out set after the epoch, NaN when none was given
 * @param seconds wall-clock time of the epoch (training only)
 */
public record EpochReport(
    int epoch, double meanLoss, double trainAccuracy, double testAccuracy, double seconds) {}
