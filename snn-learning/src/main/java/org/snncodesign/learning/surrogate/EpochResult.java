package org.snncodesign.learning.surrogate;

/**
 * What one training epoch did.
 *
 * @param epoch index from 0
 * @param loss mean cross-entropy over the epoch's samples (nats)
 * @param trainAccuracy fraction of training samples classified correctly during the epoch
 * @param learningRate the rate used in this epoch
 * @param weightSparsity fraction of zero weights at the end of the epoch
 * @param seconds wall time
 */
public record EpochResult(
    int epoch,
    double loss,
    double trainAccuracy,
    double learningRate,
    double weightSparsity,
    double seconds) {}
