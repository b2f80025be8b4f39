package org.snncodesign.learning.surrogate;

import org.snncodesign.api.Checks;

/**
 * The parameters both {@link SpikingLayer} kinds carry: the live weight and bias arrays a trainer
 * writes in place, and, once quantised, the bit width and step of the weights ({@code w = q *
 * scale}, q a signed {@code bits}-bit integer). The layout of the weights belongs to the subclass.
 * The accessors are not final so that javac gives the public subclasses public bridges to them
 * (reflection from other packages keeps working).
 */
abstract class WeightedLayer {
  final float[] weights;
  final float[] bias;
  int bits;
  float scale;

  /**
   * Wraps the arrays (not copied); the subclass checks their sizes and then calls {@link
   * #setQuantization}.
   */
  WeightedLayer(float[] weights, float[] bias) {
    this.weights = weights;
    this.bias = bias;
  }

  /** Live weights, in the subclass's layout. */
  public float[] weights() {
    return weights;
  }

  /**
   * Live biases, one per output neuron (dense) or output channel (conv): a constant input current.
   */
  public float[] bias() {
    return bias;
  }

  /** Weight bit width, 0 when the weights are full-precision floats. */
  public int bits() {
    return bits;
  }

  /** Quantisation step of the weights, 0 when full precision. */
  public float scale() {
    return scale;
  }

  /** Records that the weights are integers (of {@code bits} bits, signed) times {@code scale}. */
  public void setQuantization(int bits, float scale) {
    Checks.checkArgument(
        bits == 0 || (bits >= 2 && bits <= 16), "bits must be 0 or in [2, 16], got %d", bits);
    Checks.checkArgument(
        bits == 0 ? scale == 0f : scale > 0f && Float.isFinite(scale),
        "scale must be 0 for float weights and finite > 0 for %d-bit weights, got %s",
        bits,
        scale);
    this.bits = bits;
    this.scale = scale;
  }
}
