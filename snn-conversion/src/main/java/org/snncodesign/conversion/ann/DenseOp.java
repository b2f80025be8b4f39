package org.snncodesign.conversion.ann;

/** {@code y = W x + b} and its gradients. */
final class DenseOp extends LayerOp {
  private final float[] w;
  private final float[] b;
  private final int nIn;
  private final int nOut;

  DenseOp(DenseLayer layer, TensorShape in, TensorShape out) {
    super(in, out);
    this.w = layer.weights();
    this.b = layer.bias();
    this.nIn = layer.inputs();
    this.nOut = layer.outputs();
  }

  @Override
  void forward(AnnWorkspace ws, int i) {
    float[] x = ws.activations[i];
    float[] y = ws.activations[i + 1];
    for (int o = 0; o < nOut; o++) {
      float sum = 0f;
      int row = o * nIn;
      for (int k = 0; k < nIn; k++) {
        sum += w[row + k] * x[k];
      }
      y[o] = sum + b[o];
    }
  }

  @Override
  void backward(AnnWorkspace ws, int i) {
    float[] x = ws.activations[i];
    float[] g = ws.gradients[i + 1];
    float[] gx = ws.gradients[i];
    float[] gw = ws.weightGradients[i];
    float[] gb = ws.biasGradients[i];
    for (int o = 0; o < nOut; o++) {
      float go = g[o];
      if (go == 0f) {
        continue;
      }
      gb[o] += go;
      int row = o * nIn;
      for (int k = 0; k < nIn; k++) {
        gw[row + k] += go * x[k];
        gx[k] += go * w[row + k];
      }
    }
  }

  @Override
  float[] weights() {
    return w;
  }

  @Override
  float[] bias() {
    return b;
  }
}
