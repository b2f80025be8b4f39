package org.snncodesign.conversion.ann;

/**
 * Per-thread buffers of one {@link AnnNetwork}: activations and their gradients for one sample, and
 * the parameter gradients summed over the samples passed backward since the last {@link
 * #clearParameterGradients}. Reused across samples so the hot loops allocate nothing. Not
 * thread-safe: one per thread.
 */
public final class AnnWorkspace {
  final float[][] activations;
  final float[][] gradients;
  final int[][] argmax;
  final float[][] weightGradients;
  final float[][] biasGradients;

  AnnWorkspace(AnnNetwork network) {
    LayerOp[] ops = network.ops;
    activations = new float[ops.length + 1][];
    gradients = new float[ops.length + 1][];
    argmax = new int[ops.length][];
    weightGradients = new float[ops.length][];
    biasGradients = new float[ops.length][];
    activations[0] = new float[network.shapes[0].size()];
    gradients[0] = new float[network.shapes[0].size()];
    for (int i = 0; i < ops.length; i++) {
      int n = network.shapes[i + 1].size();
      activations[i + 1] = new float[n];
      gradients[i + 1] = new float[n];
      if (ops[i] instanceof PoolOp pool && pool.isMax()) {
        argmax[i] = new int[n];
      }
      float[] w = ops[i].weights();
      if (w != null) {
        weightGradients[i] = new float[w.length];
        biasGradients[i] = new float[ops[i].bias().length];
      }
    }
  }

  /**
   * Gradient of the summed loss with respect to the weights of layer {@code i} (null if it has
   * none).
   */
  public float[] weightGradients(int i) {
    return weightGradients[i];
  }

  /**
   * Gradient of the summed loss with respect to the biases of layer {@code i} (null if it has
   * none).
   */
  public float[] biasGradients(int i) {
    return biasGradients[i];
  }

  /** Output of layer {@code i} for the last sample passed forward (index -1: the input). */
  public float[] activation(int i) {
    return activations[i + 1];
  }

  /** Sets every parameter gradient to zero. */
  public void clearParameterGradients() {
    for (int i = 0; i < weightGradients.length; i++) {
      if (weightGradients[i] != null) {
        java.util.Arrays.fill(weightGradients[i], 0f);
        java.util.Arrays.fill(biasGradients[i], 0f);
      }
    }
  }
}
