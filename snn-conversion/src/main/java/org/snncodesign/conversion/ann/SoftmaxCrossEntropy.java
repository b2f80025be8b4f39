package org.snncodesign.conversion.ann;

/**
 * Softmax cross-entropy at the logits, the loss both trainable networks back-propagate: {@code L =
 * -log softmax(z)[label]} and {@code dL/dz_k = softmax(z)_k - [k == label]}, with the maximum logit
 * subtracted before exponentiating so that large logits do not overflow.
 */
public final class SoftmaxCrossEntropy {
  private SoftmaxCrossEntropy() {}

  /**
   * Writes {@code dL/dz} to {@code g[0 .. z.length)} and returns the loss.
   *
   * @param z logits
   * @param label index of the true class, already checked to lie in {@code [0, z.length)}
   */
  public static double lossAndGradient(float[] z, int label, float[] g) {
    float max = Float.NEGATIVE_INFINITY;
    for (float v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (float v : z) {
      sum += Math.exp(v - max);
    }
    for (int k = 0; k < z.length; k++) {
      // d(-log softmax_label)/dz_k = softmax_k - [k == label]
      g[k] = (float) (Math.exp(z[k] - max) / sum) - (k == label ? 1f : 0f);
    }
    return -(z[label] - max - Math.log(sum));
  }
}
