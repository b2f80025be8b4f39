package org.snncodesign.conversion.transformer;

/**
 * The transformer's operations on primitive arrays, token-major ({@code [T][width]}), and their
 * gradients. Public so that the spiking conversion can check each converted operation against the
 * ANN operation.
 */
public final class VitMath {
  /** Layer-norm epsilon inside the square root, as PyTorch's default. */
  public static final float LN_EPS = 1e-5f;

  private VitMath() {}

  /**
   * {@code y[t] = W x[t] + b} for {@code t < tokens}; {@code W} at {@code p[w..]}, {@code b} at
   * {@code p[b..]}.
   */
  public static void linear(
      float[] x, int tokens, int nIn, float[] p, int w, int b, int nOut, float[] y) {
    for (int t = 0; t < tokens; t++) {
      int xo = t * nIn;
      int yo = t * nOut;
      for (int o = 0; o < nOut; o++) {
        float sum = 0f;
        int row = w + o * nIn;
        for (int k = 0; k < nIn; k++) {
          sum += p[row + k] * x[xo + k];
        }
        y[yo + o] = sum + p[b + o];
      }
    }
  }

  /**
   * Adds the gradients of {@link #linear} into {@code grad} (parameters) and {@code gx} (input; may
   * be null).
   */
  static void linearBackward(
      float[] x,
      float[] gy,
      int tokens,
      int nIn,
      float[] p,
      int w,
      int b,
      int nOut,
      float[] grad,
      float[] gx) {
    for (int t = 0; t < tokens; t++) {
      int xo = t * nIn;
      int yo = t * nOut;
      for (int o = 0; o < nOut; o++) {
        float g = gy[yo + o];
        if (g == 0f) {
          continue;
        }
        grad[b + o] += g;
        int row = w + o * nIn;
        for (int k = 0; k < nIn; k++) {
          grad[row + k] += g * x[xo + k];
        }
        if (gx != null) {
          for (int k = 0; k < nIn; k++) {
            gx[xo + k] += g * p[row + k];
          }
        }
      }
    }
  }

  /**
   * Layer norm over each token's {@code d} values: {@code hat = (x - mean) / sqrt(var + eps)},
   * {@code y = g * hat + b}; keeps {@code hat} and {@code 1 / sqrt(var + eps)} for the backward
   * pass.
   */
  public static void layerNorm(
      float[] x, int tokens, int d, float[] p, int g, int b, float[] hat, float[] inv, float[] y) {
    for (int t = 0; t < tokens; t++) {
      int o = t * d;
      double mean = 0;
      for (int k = 0; k < d; k++) {
        mean += x[o + k];
      }
      mean /= d;
      double var = 0;
      for (int k = 0; k < d; k++) {
        double c = x[o + k] - mean;
        var += c * c;
      }
      var /= d;
      float s = (float) (1 / Math.sqrt(var + LN_EPS));
      inv[t] = s;
      for (int k = 0; k < d; k++) {
        float h = (float) ((x[o + k] - mean) * s);
        hat[o + k] = h;
        y[o + k] = p[g + k] * h + p[b + k];
      }
    }
  }

  /** Adds the gradients of {@link #layerNorm} into {@code grad} and {@code gx}. */
  static void layerNormBackward(
      float[] gy,
      float[] hat,
      float[] inv,
      int tokens,
      int d,
      float[] p,
      int g,
      int b,
      float[] grad,
      float[] gx) {
    for (int t = 0; t < tokens; t++) {
      int o = t * d;
      double meanG = 0;
      double meanGh = 0;
      for (int k = 0; k < d; k++) {
        float gh = gy[o + k] * p[g + k];
        grad[g + k] += gy[o + k] * hat[o + k];
        grad[b + k] += gy[o + k];
        meanG += gh;
        meanGh += gh * hat[o + k];
      }
      meanG /= d;
      meanGh /= d;
      for (int k = 0; k < d; k++) {
        float gh = gy[o + k] * p[g + k];
        gx[o + k] += (float) (inv[t] * (gh - meanG - hat[o + k] * meanGh));
      }
    }
  }

  /**
   * Multi-head self-attention without projections: per head {@code h} (columns {@code [h dh, (h+1)
   * dh)}), {@code A = softmax(Q K^T / sqrt(dh))} row-wise into {@code att[h][i][j]} and {@code O =
   * A V}.
   */
  public static void attention(
      float[] q, float[] k, float[] v, int tokens, int d, int heads, float[] att, float[] out) {
    int dh = d / heads;
    float scale = (float) (1 / Math.sqrt(dh));
    java.util.Arrays.fill(out, 0, tokens * d, 0f);
    for (int h = 0; h < heads; h++) {
      int c0 = h * dh;
      for (int i = 0; i < tokens; i++) {
        int row = (h * tokens + i) * tokens;
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < tokens; j++) {
          float s = 0f;
          for (int c = 0; c < dh; c++) {
            s += q[i * d + c0 + c] * k[j * d + c0 + c];
          }
          s *= scale;
          att[row + j] = s;
          max = Math.max(max, s);
        }
        softmaxInPlace(att, row, tokens, max);
        for (int j = 0; j < tokens; j++) {
          float a = att[row + j];
          for (int c = 0; c < dh; c++) {
            out[i * d + c0 + c] += a * v[j * d + c0 + c];
          }
        }
      }
    }
  }

  /** Row softmax of {@code x[from, from + n)} in place, given the row maximum. */
  public static void softmaxInPlace(float[] x, int from, int n, float max) {
    double sum = 0;
    for (int j = 0; j < n; j++) {
      double e = Math.exp(x[from + j] - max);
      x[from + j] = (float) e;
      sum += e;
    }
    float inv = (float) (1 / sum);
    for (int j = 0; j < n; j++) {
      x[from + j] *= inv;
    }
  }

  /**
   * Adds the gradients of {@link #attention} into {@code gq, gk, gv}; {@code ga} is scratch of
   * {@code tokens} values.
   */
  static void attentionBackward(
      float[] go,
      float[] q,
      float[] k,
      float[] v,
      float[] att,
      int tokens,
      int d,
      int heads,
      float[] gq,
      float[] gk,
      float[] gv,
      float[] ga) {
    int dh = d / heads;
    float scale = (float) (1 / Math.sqrt(dh));
    for (int h = 0; h < heads; h++) {
      int c0 = h * dh;
      for (int i = 0; i < tokens; i++) {
        int row = (h * tokens + i) * tokens;
        float dot = 0f;
        for (int j = 0; j < tokens; j++) {
          float g = 0f;
          float a = att[row + j];
          for (int c = 0; c < dh; c++) {
            float goc = go[i * d + c0 + c];
            g += goc * v[j * d + c0 + c];
            gv[j * d + c0 + c] += a * goc;
          }
          ga[j] = g;
          dot += a * g;
        }
        for (int j = 0; j < tokens; j++) {
          // d softmax: gs_j = a_j (ga_j - sum_k a_k ga_k), then the 1/sqrt(dh) scale.
          float gs = att[row + j] * (ga[j] - dot) * scale;
          if (gs == 0f) {
            continue;
          }
          for (int c = 0; c < dh; c++) {
            gq[i * d + c0 + c] += gs * k[j * d + c0 + c];
            gk[j * d + c0 + c] += gs * q[i * d + c0 + c];
          }
        }
      }
    }
  }

  /** Cuts a {@code C x H x W} image into token-major patches {@code [T][C P P]}. */
  public static void patches(float[] image, int offset, VitConfig c, float[] out) {
    int p = c.patch();
    int across = c.width() / p;
    int ps = c.patchSize();
    for (int t = 0; t < c.tokens(); t++) {
      int y0 = (t / across) * p;
      int x0 = (t % across) * p;
      int at = t * ps;
      for (int ch = 0; ch < c.channels(); ch++) {
        int plane = offset + ch * c.height() * c.width();
        for (int dy = 0; dy < p; dy++) {
          System.arraycopy(image, plane + (y0 + dy) * c.width() + x0, out, at, p);
          at += p;
        }
      }
    }
  }
}
