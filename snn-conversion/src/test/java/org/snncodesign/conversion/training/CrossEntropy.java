package org.snncodesign.conversion.training;

/**
 * Reference softmax cross-entropy for the finite-difference gradient checks of the trainable
 * networks.
 */
public final class CrossEntropy {
  private CrossEntropy() {}

  /**
   * {@code -log softmax(logits)[label]}, computed in double with the maximum subtracted for
   * stability.
   */
  public static double of(float[] logits, int label) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : logits) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (float v : logits) {
      sum += Math.exp(v - max);
    }
    return -(logits[label] - max - Math.log(sum));
  }
}
