package org.snncodesign.conversion.ann;

/**
 * Max or average pooling with optional padding: max takes the largest value inside the input
 * (padding is minus infinity) and remembers it for the backward pass; average divides the sum
 * inside the input by the full window (padding counts as zeros).
 */
final class PoolOp extends LayerOp {
  private final boolean max;
  private final int size;
  private final int stride;
  private final int padding;

  PoolOp(boolean max, int size, int stride, int padding, TensorShape in, TensorShape out) {
    super(in, out);
    this.max = max;
    this.size = size;
    this.stride = stride;
    this.padding = padding;
  }

  boolean isMax() {
    return max;
  }

  @Override
  void forward(AnnWorkspace ws, int i) {
    float[] x = ws.activations[i];
    float[] y = ws.activations[i + 1];
    int[] arg = ws.argmax[i];
    float inv = 1f / (size * size);
    for (int c = 0; c < out.channels(); c++) {
      for (int oy = 0; oy < out.height(); oy++) {
        int y0 = Math.max(0, oy * stride - padding);
        int y1 = Math.min(in.height(), oy * stride - padding + size);
        for (int ox = 0; ox < out.width(); ox++) {
          int x0 = Math.max(0, ox * stride - padding);
          int x1 = Math.min(in.width(), ox * stride - padding + size);
          int yi = (c * out.height() + oy) * out.width() + ox;
          int best = -1;
          float sum = 0f;
          for (int u = y0; u < y1; u++) {
            for (int v = x0; v < x1; v++) {
              int k = (c * in.height() + u) * in.width() + v;
              if (best < 0 || x[k] > x[best]) {
                best = k;
              }
              sum += x[k];
            }
          }
          if (max) {
            y[yi] = x[best];
            arg[yi] = best;
          } else {
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
    float inv = 1f / (size * size);
    for (int c = 0; c < out.channels(); c++) {
      for (int oy = 0; oy < out.height(); oy++) {
        int y0 = Math.max(0, oy * stride - padding);
        int y1 = Math.min(in.height(), oy * stride - padding + size);
        for (int ox = 0; ox < out.width(); ox++) {
          int x0 = Math.max(0, ox * stride - padding);
          int x1 = Math.min(in.width(), ox * stride - padding + size);
          float go = g[(c * out.height() + oy) * out.width() + ox] * inv;
          for (int u = y0; u < y1; u++) {
            for (int v = x0; v < x1; v++) {
              gx[(c * in.height() + u) * in.width() + v] += go;
            }
          }
        }
      }
    }
  }
}
