package org.snncodesign.flow.search;

import java.util.Arrays;
import org.snncodesign.api.Checks;
import org.snncodesign.learning.quantization.LsqQuantizer;
import org.snncodesign.learning.surrogate.DenseLayer;

/**
 * Post-training compression of one trained layer, in place: magnitude pruning to a target sparsity
 * and re-quantisation of the surviving weights to a narrower (or wider) signed integer grid. No
 * retraining: the co-search measures what each compressed network still gets right.
 *
 * <p>Pruning keeps the {@code round((1 - s) N)} weights of largest magnitude (ties broken by
 * position, so the result does not depend on the sort), the usual magnitude criterion (Han et al.,
 * "Learning both weights and connections for efficient neural networks", NeurIPS 2015); a layer
 * already at least that sparse is left alone. Quantisation uses the LSQ grid {@code q =
 * clip(round(w / s), -2^(b-1), 2^(b-1) - 1)} of {@link LsqQuantizer#quantize} with the step {@code
 * s} that minimises the squared error over the non-zero weights (a grid search, since no training
 * follows to learn it); zero weights stay zero, and weights that round to level 0 are pruned by the
 * quantiser.
 */
public final class LayerCompression {
  /**
   * Step candidates per quantisation: {@code s = k / STEPS * max|w| / Q_P} for {@code k =
   * 1..STEPS}.
   */
  static final int STEPS = 200;

  private LayerCompression() {}

  /**
   * Zeroes the smallest-magnitude weights of {@code layer} until its sparsity is at least {@code
   * sparsity}.
   */
  public static void prune(DenseLayer layer, double sparsity) {
    Checks.checkArgument(
        sparsity >= 0 && sparsity < 1, "sparsity must be in [0, 1), got %s", sparsity);
    float[] w = layer.weights();
    int keep = (int) Math.round((1 - sparsity) * w.length);
    int nonZero = w.length - layer.zeroWeights();
    if (nonZero <= keep) {
      return;
    }
    Integer[] order = new Integer[w.length];
    for (int i = 0; i < w.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int byMagnitude = Float.compare(Math.abs(w[b]), Math.abs(w[a]));
          return byMagnitude != 0 ? byMagnitude : Integer.compare(a, b);
        });
    for (int r = keep; r < order.length; r++) {
      w[order[r]] = 0f;
    }
  }

  /**
   * Re-quantises {@code layer}'s weights to signed {@code bits}-bit levels times the least-squares
   * step and records the new width and step in the layer. A layer already at {@code bits} is left
   * alone (its trained step kept).
   *
   * @param bits 2..8, the widths {@link LsqQuantizer} trains
   */
  public static void quantize(DenseLayer layer, int bits) {
    Checks.checkArgument(bits >= 2 && bits <= 8, "bits must be in [2, 8], got %d", bits);
    if (layer.bits() == bits) {
      return;
    }
    float[] w = layer.weights();
    float max = 0f;
    for (float v : w) {
      max = Math.max(max, Math.abs(v));
    }
    if (max == 0f) {
      layer.setQuantization(bits, 1f);
      return;
    }
    float step = bestStep(w, max, bits);
    LsqQuantizer.quantize(w, step, bits, w);
    layer.setQuantization(bits, step);
  }

  /** The step of least squared quantisation error over the non-zero weights. */
  static float bestStep(float[] w, float max, int bits) {
    int low = -(1 << (bits - 1));
    int high = (1 << (bits - 1)) - 1;
    float best = max / high;
    double bestError = Double.POSITIVE_INFINITY;
    for (int k = 1; k <= STEPS; k++) {
      float step = (float) k / STEPS * max / high;
      double error = 0;
      for (float v : w) {
        if (v != 0f) {
          // Rounded half away from zero, as LsqQuantizer.quantize does.
          float x = v / step;
          int level = (int) Math.signum(x) * (int) (Math.abs(x) + 0.5f);
          double q = Math.max(low, Math.min(high, level)) * (double) step;
          error += (v - q) * (v - q);
        }
      }
      if (error < bestError) {
        bestError = error;
        best = step;
      }
    }
    return best;
  }
}
