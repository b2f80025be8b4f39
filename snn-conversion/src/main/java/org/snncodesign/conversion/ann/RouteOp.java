package org.snncodesign.conversion.ann;

/**
 * Concatenation of earlier activations: channel-major tensors of equal height and width concatenate
 * along the channels by placing their arrays one after another.
 */
final class RouteOp extends LayerOp {
  /** Indices in the activation list (0 = input) of the sources, in order. */
  private final int[] sources;

  private final int[] sizes;

  RouteOp(int[] sources, int[] sizes, TensorShape in, TensorShape out) {
    super(in, out);
    this.sources = sources;
    this.sizes = sizes;
  }

  @Override
  void forward(AnnWorkspace ws, int i) {
    float[] y = ws.activations[i + 1];
    int at = 0;
    for (int k = 0; k < sources.length; k++) {
      System.arraycopy(ws.activations[sources[k]], 0, y, at, sizes[k]);
      at += sizes[k];
    }
  }

  @Override
  void backward(AnnWorkspace ws, int i) {
    float[] g = ws.gradients[i + 1];
    int at = 0;
    for (int k = 0; k < sources.length; k++) {
      float[] gs = ws.gradients[sources[k]];
      for (int j = 0; j < sizes[k]; j++) {
        gs[j] += g[at + j];
      }
      at += sizes[k];
    }
  }
}
