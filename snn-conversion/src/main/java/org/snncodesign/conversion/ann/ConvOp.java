package org.snncodesign.conversion.ann;

/**
 * Direct convolution, grouped or not. The innermost loop runs along an output row with a fixed
 * weight, so for stride 1 it reads and writes contiguous memory and the JIT vectorises it.
 */
final class ConvOp extends LayerOp {
  private final float[] w;
  private final float[] b;

  /** Input channels per group, the second weight dimension. */
  private final int cin;

  private final int cout;

  /** Output channels per group. */
  private final int coutPerGroup;

  private final int kh;
  private final int kw;
  private final int s;
  private final int p;

  ConvOp(Conv2dLayer layer, TensorShape in, TensorShape out) {
    super(in, out);
    this.w = layer.weights();
    this.b = layer.bias();
    this.cin = layer.inChannels() / layer.groups();
    this.cout = layer.outChannels();
    this.coutPerGroup = layer.outChannels() / layer.groups();
    this.kh = layer.kernelHeight();
    this.kw = layer.kernelWidth();
    this.s = layer.stride();
    this.p = layer.padding();
  }

  /** First output column whose input column {@code ox * s - p + kx} is >= 0. */
  private int firstColumn(int kx) {
    int need = p - kx;
    return need <= 0 ? 0 : (need + s - 1) / s;
  }

  /** One past the last output column whose input column is < width. */
  private int endColumn(int kx) {
    int last = in.width() - 1 + p - kx;
    return last < 0 ? 0 : Math.min(out.width(), last / s + 1);
  }

  @Override
  void forward(AnnWorkspace ws, int i) {
    float[] x = ws.activations[i];
    float[] y = ws.activations[i + 1];
    int ih = in.height();
    int iw = in.width();
    int oh = out.height();
    int ow = out.width();
    for (int o = 0; o < cout; o++) {
      java.util.Arrays.fill(y, o * oh * ow, (o + 1) * oh * ow, b[o]);
      int firstChannel = o / coutPerGroup * cin;
      for (int c = 0; c < cin; c++) {
        for (int ky = 0; ky < kh; ky++) {
          for (int kx = 0; kx < kw; kx++) {
            float wv = w[((o * cin + c) * kh + ky) * kw + kx];
            int x0 = firstColumn(kx);
            int x1 = endColumn(kx);
            for (int oy = 0; oy < oh; oy++) {
              int iy = oy * s - p + ky;
              if (iy < 0 || iy >= ih) {
                continue;
              }
              int yRow = (o * oh + oy) * ow;
              int xRow = ((firstChannel + c) * ih + iy) * iw - p + kx;
              if (s == 1) {
                for (int ox = x0; ox < x1; ox++) {
                  y[yRow + ox] += wv * x[xRow + ox];
                }
              } else {
                for (int ox = x0; ox < x1; ox++) {
                  y[yRow + ox] += wv * x[xRow + ox * s];
                }
              }
            }
          }
        }
      }
    }
  }

  @Override
  void backward(AnnWorkspace ws, int i) {
    float[] x = ws.activations[i];
    float[] g = ws.gradients[i + 1];
    float[] gx = ws.gradients[i];
    float[] gw = ws.weightGradients[i];
    float[] gb = ws.biasGradients[i];
    int ih = in.height();
    int iw = in.width();
    int oh = out.height();
    int ow = out.width();
    for (int o = 0; o < cout; o++) {
      float sum = 0f;
      for (int k = o * oh * ow, end = k + oh * ow; k < end; k++) {
        sum += g[k];
      }
      gb[o] += sum;
      int firstChannel = o / coutPerGroup * cin;
      for (int c = 0; c < cin; c++) {
        for (int ky = 0; ky < kh; ky++) {
          for (int kx = 0; kx < kw; kx++) {
            int wi = ((o * cin + c) * kh + ky) * kw + kx;
            float wv = w[wi];
            float dw = 0f;
            int x0 = firstColumn(kx);
            int x1 = endColumn(kx);
            for (int oy = 0; oy < oh; oy++) {
              int iy = oy * s - p + ky;
              if (iy < 0 || iy >= ih) {
                continue;
              }
              int gRow = (o * oh + oy) * ow;
              int xRow = ((firstChannel + c) * ih + iy) * iw - p + kx;
              if (s == 1) {
                for (int ox = x0; ox < x1; ox++) {
                  float go = g[gRow + ox];
                  dw += go * x[xRow + ox];
                  gx[xRow + ox] += go * wv;
                }
              } else {
                for (int ox = x0; ox < x1; ox++) {
                  float go = g[gRow + ox];
                  dw += go * x[xRow + ox * s];
                  gx[xRow + ox * s] += go * wv;
                }
              }
            }
            gw[wi] += dw;
          }
        }
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
