package org.snncodesign.learning.surrogate;

/**
 * Accuracy and loss of a network on a labelled set.
 *
 * @param samples number of samples
 * @param correct samples whose largest logit is the label
 * @param loss mean cross-entropy (nats)
 */
public record Evaluation(int samples, int correct, double loss) {
  /** Fraction correct, 0 for an empty set. */
  public double accuracy() {
    return samples == 0 ? 0 : (double) correct / samples;
  }
}
