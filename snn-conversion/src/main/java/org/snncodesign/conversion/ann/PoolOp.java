package org.snncodesign.conversion.ann;

/** Max or average pooling without padding; max remembers the winning input for the backward pass. */
final class PoolOp extends LayerOp {
  private final boolean max;
  private final int size;
  private final int stride;

  PoolOp(boolean max, int size, int stride, TensorShape in, TensorShape out) {
    super(in, out);
    this.max = max;
    this.size = size;
    this.stride = stride;
  }

  boolean isMax() {
    return max;
  }

  @Override
  void forward(AnnWorkspace ws, int i) {
    float[] x = ws.activations[i];
    float[] y = ws.activations[i + 1];
    int[] arg = ws.argmax[i];
    int ih = in.height();
    int iw = in.width();
    int oh = out.height();
    int ow = out.width();
    float inv = 1f / (size * size);
    for (int c = 0; c < out.channels(); c++) {
      for (int oy = 0; oy < oh; oy++) {
        for (int ox = 0; ox < ow; ox++) {
          int base = (c * ih + oy * stride) * iw + ox * stride;
          int yi = (c * oh + oy) * ow + ox;
          if (max) {
            int best = base;
            for (int u = 0; u < size; u++) {
              for (int v = 0; v < size; v++) {
                int k = base + u * iw + v;
                if (x[k] > x[best]) {
                  best = k;
                }
              }
            }
            y[yi] = x[best];
            arg[yi] = best;
          } else {
            float sum = 0f;
            for (int u = 0; u < size; u++) {
              for (int v = 0; v < size; v++) {
                sum += x[base + u * iw + v];
              }
            }
            y[yi] = sum * inv;
          }
        }
      }
    }
  }

  @Override
  void backward(AnnWorkspace ws, int i) {
    float[] g = ws.gradients[i + 1];
    float[] gx = ws.gradients[i];
    if (max) {
      int[] arg = ws.argmax[i];
      for (int k = 0; k < g.length; k++) {
        gx[arg[k]] += g[k];
      }
      return;
    }
    int ih = in.height();
    int iw = in.width();
    int oh = out.height();
    int ow = out.width();
    float inv = 1f / (size * size);
    for (int c = 0; c < out.channels(); c++) {
      for (int oy = 0; oy < oh; oy++) {
        for (int ox = 0; ox < ow; ox++) {
          float go = g[(c * oh + oy) * ow + ox] * inv;
          int base = (c * ih + oy * stride) * iw + ox * stride;
          for (int u = 0; u < size; u++) {
            for (int v = 0; v < size; v++) {
              gx[base + u * iw + v] += go;
            }
          }
        }
      }
    }
  }
}
