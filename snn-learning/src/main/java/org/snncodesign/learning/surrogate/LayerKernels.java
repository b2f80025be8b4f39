package org.snncodesign.learning.surrogate;

/**
 * The synaptic part of each {@link SpikingLayer} kind for one time step, on primitive arrays and
 * without allocation: input currents from the values below (forward) and, given {@code g_I =
 * dL/dI}, the weight, bias and input gradients (backward). Only non-zero inputs scatter, so spike
 * inputs cost in proportion to the spikes.
 */
final class LayerKernels {
  private LayerKernels() {}

  /** {@code out[outOff ..] = b + W x}, x the layer's inputs at {@code in[inOff ..]}. */
  static void current(SpikingLayer layer, float[] in, int inOff, float[] out, int outOff) {
    if (layer instanceof DenseLayer dense) {
      denseCurrent(dense, in, inOff, out, outOff);
    } else {
      convCurrent((ConvLayer) layer, in, inOff, out, outOff);
    }
  }

  /**
   * Adds {@code dL/dW} and {@code dL/db} for inputs {@code x} and current gradient {@code g_I}, and
   * when {@code gIn != null} writes {@code dL/dx = W^T g_I} to {@code gIn[gInOff ..]}.
   */
  static void backward(
      SpikingLayer layer,
      float[] in,
      int inOff,
      float[] gOut,
      int gOutOff,
      float[] gW,
      float[] gB,
      float[] gIn,
      int gInOff) {
    if (layer instanceof DenseLayer dense) {
      denseBackward(dense, in, inOff, gOut, gOutOff, gW, gB, gIn, gInOff);
    } else {
      convBackward((ConvLayer) layer, in, inOff, gOut, gOutOff, gW, gB, gIn, gInOff);
    }
  }

  private static void denseCurrent(
      DenseLayer layer, float[] in, int inOff, float[] out, int outOff) {
    int n = layer.outputs();
    int m = layer.inputs();
    float[] w = layer.weights();
    System.arraycopy(layer.bias(), 0, out, outOff, n);
    for (int i = 0; i < m; i++) {
      float x = in[inOff + i];
      if (x != 0f) {
        axpy(x, w, i * n, out, outOff, n);
      }
    }
  }

  private static void denseBackward(
      DenseLayer layer,
      float[] in,
      int inOff,
      float[] gOut,
      int gOutOff,
      float[] gW,
      float[] gB,
      float[] gIn,
      int gInOff) {
    int n = layer.outputs();
    int m = layer.inputs();
    float[] w = layer.weights();
    axpy(1f, gOut, gOutOff, gB, 0, n);
    for (int i = 0; i < m; i++) {
      float x = in[inOff + i];
      if (x != 0f) {
        axpy(x, gOut, gOutOff, gW, i * n, n);
      }
      if (gIn != null) {
        gIn[gInOff + i] = dot(w, i * n, gOut, gOutOff, n);
      }
    }
  }

  private static void convCurrent(ConvLayer layer, float[] in, int inOff, float[] out, int outOff) {
    int oc = layer.outChannels();
    float[] b = layer.bias();
    for (int pos = 0; pos < layer.outHeight() * layer.outWidth(); pos++) {
      System.arraycopy(b, 0, out, outOff + pos * oc, oc);
    }
    convScatter(layer, in, inOff, out, outOff, null, null, 0);
  }

  private static void convBackward(
      ConvLayer layer,
      float[] in,
      int inOff,
      float[] gOut,
      int gOutOff,
      float[] gW,
      float[] gB,
      float[] gIn,
      int gInOff) {
    int oc = layer.outChannels();
    for (int pos = 0; pos < layer.outHeight() * layer.outWidth(); pos++) {
      axpy(1f, gOut, gOutOff + pos * oc, gB, 0, oc);
    }
    convScatter(layer, in, inOff, gOut, gOutOff, gW, gIn, gInOff);
  }

  /**
   * Scatter form of the convolution: input {@code (y, x, ci)} reaches output {@code (oy, ox)}
   * through tap {@code (ky, kx)} when {@code y + p - ky = oy s} and {@code x + p - kx = ox s} (taps
   * from {@link #firstTap}). Forward and backward visit the same (input, tap, output) triples, so
   * they share this walk: with {@code gW == null} it adds {@code x W} to the currents {@code a};
   * otherwise {@code a} holds {@code g_I}, and it adds {@code x g_I} to {@code gW} and, when {@code
   * gIn != null}, writes {@code W^T g_I} to {@code gIn}.
   */
  private static void convScatter(
      ConvLayer layer,
      float[] in,
      int inOff,
      float[] a,
      int aOff,
      float[] gW,
      float[] gIn,
      int gInOff) {
    int c = layer.inChannels();
    int h = layer.height();
    int wd = layer.width();
    int k = layer.kernel();
    int s = layer.stride();
    int p = layer.padding();
    int oc = layer.outChannels();
    int oh = layer.outHeight();
    int ow = layer.outWidth();
    float[] w = layer.weights();
    boolean forward = gW == null;
    for (int y = 0; y < h; y++) {
      int ky0 = firstTap(y, p, s, oh);
      int ky1 = Math.min(k - 1, y + p);
      for (int x = 0; x < wd; x++) {
        int kx0 = firstTap(x, p, s, ow);
        int kx1 = Math.min(k - 1, x + p);
        int inIndex = (y * wd + x) * c;
        for (int ci = 0; ci < c; ci++) {
          float v = in[inOff + inIndex + ci];
          // Forward has gIn == null, so zero inputs are skipped there; backward still needs W^T g_I
          // for them.
          if (v == 0f && gIn == null) {
            continue;
          }
          float g = 0f;
          for (int ky = ky0; ky <= ky1; ky += s) {
            int oy = (y + p - ky) / s;
            for (int kx = kx0; kx <= kx1; kx += s) {
              int ox = (x + p - kx) / s;
              int row = ((ky * k + kx) * c + ci) * oc;
              int outBase = aOff + (oy * ow + ox) * oc;
              if (forward) {
                axpy(v, w, row, a, outBase, oc);
                continue;
              }
              if (v != 0f) {
                axpy(v, a, outBase, gW, row, oc);
              }
              if (gIn != null) {
                g += dot(w, row, a, outBase, oc);
              }
            }
          }
          if (gIn != null) {
            gIn[gInOff + inIndex + ci] = g;
          }
        }
      }
    }
  }

  /**
   * Smallest kernel tap {@code t} along one axis through which input coordinate {@code i} reaches
   * an output {@code o = (i + p - t) / s < limit} exactly; the others follow every {@code s} taps
   * up to {@code min(k - 1, i + p)} (the result exceeds that bound when there is none). Scanning
   * taps upwards from here visits the same taps in the same order as testing every {@code t} in
   * {@code [0, k)}.
   */
  private static int firstTap(int i, int p, int s, int limit) {
    int lo = Math.max(0, i + p - s * (limit - 1));
    if (lo > i + p) {
      return lo;
    }
    return lo + (i + p - lo) % s;
  }

  /**
   * Average pooling of one step of a conv layer's spikes, {@code q x q} windows with stride q
   * (neurons beyond the last whole window are dropped); only neurons that spiked are read into the
   * zeroed output.
   */
  static void pool(ConvLayer layer, float[] spikes, int sOff, float[] out, int oOff) {
    int c = layer.outChannels();
    int q = layer.pool();
    int ow = layer.outWidth();
    int pw = layer.pooledWidth();
    int ph = layer.pooledHeight();
    float inv = 1f / (q * q);
    java.util.Arrays.fill(out, oOff, oOff + ph * pw * c, 0f);
    for (int y = 0; y < ph * q; y++) {
      int py = y / q;
      for (int x = 0; x < pw * q; x++) {
        int from = sOff + (y * ow + x) * c;
        int to = oOff + (py * pw + x / q) * c;
        for (int ch = 0; ch < c; ch++) {
          float v = spikes[from + ch];
          if (v != 0f) {
            out[to + ch] += v * inv;
          }
        }
      }
    }
  }

  /**
   * The transpose of {@link #pool}: each neuron receives {@code 1/q^2} of its window's gradient (0
   * outside).
   */
  static void unpool(ConvLayer layer, float[] gOut, int gOff, float[] gSpikes, int sOff) {
    int c = layer.outChannels();
    int q = layer.pool();
    int ow = layer.outWidth();
    int pw = layer.pooledWidth();
    int ph = layer.pooledHeight();
    float inv = 1f / (q * q);
    java.util.Arrays.fill(gSpikes, sOff, sOff + layer.neurons(), 0f);
    for (int y = 0; y < ph * q; y++) {
      int py = y / q;
      for (int x = 0; x < pw * q; x++) {
        int to = sOff + (y * ow + x) * c;
        int from = gOff + (py * pw + x / q) * c;
        for (int ch = 0; ch < c; ch++) {
          gSpikes[to + ch] = gOut[from + ch] * inv;
        }
      }
    }
  }

  /** y[yo ..] += a * x[xo ..] over n entries. */
  static void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
    for (int k = 0; k < n; k++) {
      y[yo + k] += a * x[xo + k];
    }
  }

  /**
   * Dot product with four partial sums (float reductions are not auto-vectorised, this shortens the
   * chain).
   */
  static float dot(float[] a, int ao, float[] b, int bo, int n) {
    float s0 = 0f;
    float s1 = 0f;
    float s2 = 0f;
    float s3 = 0f;
    int k = 0;
    for (; k + 3 < n; k += 4) {
      s0 += a[ao + k] * b[bo + k];
      s1 += a[ao + k + 1] * b[bo + k + 1];
      s2 += a[ao + k + 2] * b[bo + k + 2];
      s3 += a[ao + k + 3] * b[bo + k + 3];
    }
    for (; k < n; k++) {
      s0 += a[ao + k] * b[bo + k];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
