package org.snncodesign.conversion.ann;

/**
 * Executable form of one layer. {@code forward} reads {@code ws.activations[i]} and writes {@code
 * ws.activations[i + 1]}; {@code backward} reads {@code ws.gradients[i + 1]}, adds into {@code
 * ws.gradients[i]} (and, for a residual, into the skip source's gradient) and adds parameter
 * gradients.
 */
abstract class LayerOp {
  final TensorShape in;
  final TensorShape out;

  LayerOp(TensorShape in, TensorShape out) {
    this.in = in;
    this.out = out;
  }

  abstract void forward(AnnWorkspace ws, int i);

  abstract void backward(AnnWorkspace ws, int i);

  float[] weights() {
    return null;
  }

  float[] bias() {
    return null;
  }
}
