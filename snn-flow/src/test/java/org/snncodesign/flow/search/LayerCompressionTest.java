package org.snncodesign.flow.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.learning.surrogate.DenseLayer;

class LayerCompressionTest {

  private static DenseLayer layer(float... weights) {
    return new DenseLayer(weights.length, 1, weights, new float[1], 0, 0f);
  }

  @Test
  @DisplayName("pruning to 50 % keeps the two largest magnitudes of four and zeroes the rest")
  void prunesSmallest() {
    DenseLayer l = layer(1f, -4f, 2f, -3f);
    LayerCompression.prune(l, 0.5);
    assertThat(l.weights()).containsExactly(0f, -4f, 0f, -3f);
  }

  @Test
  @DisplayName("a layer already sparser than the target is left alone")
  void alreadySparse() {
    DenseLayer l = layer(0f, 0f, 0f, 5f);
    LayerCompression.prune(l, 0.5);
    assertThat(l.weights()).containsExactly(0f, 0f, 0f, 5f);
    assertThatThrownBy(() -> LayerCompression.prune(l, 1.0)).hasMessageContaining("got 1.0");
  }

  @Test
  @DisplayName("equal magnitudes are pruned by position, the later ones first")
  void tiesByPosition() {
    DenseLayer l = layer(2f, -2f, 2f, -2f);
    LayerCompression.prune(l, 0.75);
    assertThat(l.weights()).containsExactly(2f, 0f, 0f, 0f);
  }

  @Test
  @DisplayName(
      "weights already on a 3-bit grid of step 0.5 are quantised to exactly that step, error zero")
  void exactGrid() {
    DenseLayer l = layer(0.5f, -1f, 1.5f, -2f, 0f);
    LayerCompression.quantize(l, 3);
    assertThat(l.bits()).isEqualTo(3);
    assertThat(l.scale()).isEqualTo(0.5f);
    assertThat(l.weights()).containsExactly(0.5f, -1f, 1.5f, -2f, 0f);
  }

  @Test
  @DisplayName(
      "2-bit quantisation leaves levels -2..1 times the step, keeps zeros zero and records width and step")
  void twoBits() {
    DenseLayer l = layer(0.9f, -2.1f, 1.1f, 0f, -0.05f, 0.4f);
    LayerCompression.quantize(l, 2);
    float s = l.scale();
    assertThat(l.bits()).isEqualTo(2);
    assertThat(s).isPositive();
    assertThat(l.weights()[3]).isZero();
    for (float w : l.weights()) {
      float level = w / s;
      assertThat(level).isEqualTo((float) Math.round(level));
      assertThat(level).isBetween(-2f, 1f);
    }
  }

  @Test
  @DisplayName("quantising to the width a layer already has keeps its trained step and weights")
  void sameWidth() {
    DenseLayer l = new DenseLayer(3, 1, new float[] {0.3f, -0.6f, 0f}, new float[1], 4, 0.3f);
    LayerCompression.quantize(l, 4);
    assertThat(l.scale()).isEqualTo(0.3f);
    assertThat(l.weights()).containsExactly(0.3f, -0.6f, 0f);
  }

  @Test
  @DisplayName(
      "on 200 seeded random layers, pruning keeps round((1-s) N) weights unchanged and prunes none larger "
          + "than one it keeps")
  void pruningLaw() {
    java.util.Random random = new java.util.Random(17);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(60);
      float[] w = new float[n];
      for (int i = 0; i < n; i++) {
        w[i] = random.nextInt(4) == 0 ? 0f : (float) random.nextGaussian();
      }
      float[] before = w.clone();
      double s = random.nextDouble() * 0.99;
      DenseLayer l = layer(w.clone());
      int nonZeroBefore = n - l.zeroWeights();
      LayerCompression.prune(l, s);
      float[] after = l.weights();
      int kept = n - l.zeroWeights();
      assertThat(kept).isEqualTo(Math.min(nonZeroBefore, (int) Math.round((1 - s) * n)));
      float smallestKept = Float.POSITIVE_INFINITY;
      float largestPruned = 0f;
      for (int i = 0; i < n; i++) {
        if (after[i] != 0f) {
          assertThat(after[i]).isEqualTo(before[i]);
          smallestKept = Math.min(smallestKept, Math.abs(after[i]));
        } else {
          largestPruned = Math.max(largestPruned, Math.abs(before[i]));
        }
      }
      assertThat(largestPruned).isLessThanOrEqualTo(smallestKept);
    }
  }

  @Test
  @DisplayName(
      "on 100 seeded random layers, the least-squares step quantises no worse than the full-range step "
          + "max|w| / Q_P")
  void leastSquaresStep() {
    java.util.Random random = new java.util.Random(23);
    for (int trial = 0; trial < 100; trial++) {
      int bits = 2 + random.nextInt(4);
      float[] w = new float[20 + random.nextInt(40)];
      float max = 0f;
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) random.nextGaussian();
        max = Math.max(max, Math.abs(w[i]));
      }
      float fullRange = max / ((1 << (bits - 1)) - 1);
      float best = LayerCompression.bestStep(w, max, bits);
      assertThat(error(w, best, bits)).isLessThanOrEqualTo(error(w, fullRange, bits) + 1e-9);
    }
  }

  private static double error(float[] w, float step, int bits) {
    float[] q = new float[w.length];
    org.snncodesign.learning.quantization.LsqQuantizer.quantize(w, step, bits, q);
    double e = 0;
    for (int i = 0; i < w.length; i++) {
      e += (w[i] - q[i]) * (double) (w[i] - q[i]);
    }
    return e;
  }
}
