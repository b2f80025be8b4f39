package org.snncodesign.conversion.onnx;

/**
 * Naive single-sample implementations of ONNX operators, written from the operator specification in
 * double precision, as the reference the importer's output is checked against.
 */
final class OnnxReference {
  private OnnxReference() {}

  /**
   * ONNX Conv, NCHW with N = 1, square kernel {@code k}, weights {@code [out][in][k][k]}, symmetric
   * pads.
   */
  static double[] conv(
      double[] x,
      int c,
      int h,
      int w,
      float[] weights,
      float[] bias,
      int out,
      int k,
      int stride,
      int pad) {
    int oh = (h + 2 * pad - k) / stride + 1;
    int ow = (w + 2 * pad - k) / stride + 1;
    double[] y = new double[out * oh * ow];
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < oh; i++) {
        for (int j = 0; j < ow; j++) {
          double s = bias == null ? 0 : bias[o];
          for (int ci = 0; ci < c; ci++) {
            for (int u = 0; u < k; u++) {
              for (int v = 0; v < k; v++) {
                int r = i * stride - pad + u;
                int q = j * stride - pad + v;
                if (r >= 0 && r < h && q >= 0 && q < w) {
                  s += weights[((o * c + ci) * k + u) * k + v] * x[(ci * h + r) * w + q];
                }
              }
            }
          }
          y[(o * oh + i) * ow + j] = s;
        }
      }
    }
    return y;
  }

  static void relu(double[] x) {
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.max(0, x[i]);
    }
  }

  /** ONNX MaxPool without padding, floor mode. */
  static double[] maxPool(double[] x, int c, int h, int w, int k, int stride) {
    int oh = (h - k) / stride + 1;
    int ow = (w - k) / stride + 1;
    double[] y = new double[c * oh * ow];
    for (int ch = 0; ch < c; ch++) {
      for (int i = 0; i < oh; i++) {
        for (int j = 0; j < ow; j++) {
          double m = Double.NEGATIVE_INFINITY;
          for (int u = 0; u < k; u++) {
            for (int v = 0; v < k; v++) {
              m = Math.max(m, x[(ch * h + i * stride + u) * w + j * stride + v]);
            }
          }
          y[(ch * oh + i) * ow + j] = m;
        }
      }
    }
    return y;
  }

  /** ONNX GlobalAveragePool. */
  static double[] globalAverage(double[] x, int c, int hw) {
    double[] y = new double[c];
    for (int ch = 0; ch < c; ch++) {
      for (int i = 0; i < hw; i++) {
        y[ch] += x[ch * hw + i];
      }
      y[ch] /= hw;
    }
    return y;
  }

  /**
   * ONNX Gemm {@code alpha * A B' + beta * C} for one row {@code A}; {@code B} is {@code [out][in]}
   * when {@code transB}, else {@code [in][out]}.
   */
  static double[] gemm(
      double[] a,
      float[] b,
      float[] c,
      int in,
      int out,
      boolean transB,
      double alpha,
      double beta) {
    double[] y = new double[out];
    for (int o = 0; o < out; o++) {
      double s = 0;
      for (int i = 0; i < in; i++) {
        s += a[i] * (transB ? b[o * in + i] : b[i * out + o]);
      }
      y[o] = alpha * s + (c == null ? 0 : beta * c[o]);
    }
    return y;
  }
}
