package org.snncodesign.learning.surrogate;

import java.util.Arrays;

/**
 * Weight and bias gradient accumulators for every layer of one network, shaped like its parameters.
 */
final class GradientBuffer {
  private final float[][] weights;
  private final float[][] biases;

  GradientBuffer(SpikingNetwork network) {
    int depth = network.layers().size();
    this.weights = new float[depth][];
    this.biases = new float[depth][];
    for (int l = 0; l < depth; l++) {
      weights[l] = new float[network.layer(l).weights().length];
      biases[l] = new float[network.layer(l).bias().length];
    }
  }

  /** dL/dW of layer {@code l}, live. */
  float[] weights(int l) {
    return weights[l];
  }

  /** dL/db of layer {@code l}, live. */
  float[] biases(int l) {
    return biases[l];
  }

  int depth() {
    return weights.length;
  }

  void zero() {
    for (int l = 0; l < weights.length; l++) {
      Arrays.fill(weights[l], 0f);
      Arrays.fill(biases[l], 0f);
    }
  }
}
