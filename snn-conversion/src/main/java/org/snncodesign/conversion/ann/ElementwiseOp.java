package org.snncodesign.conversion.ann;

import org.snncodesign.api.InvalidInputException;

/**
 * ReLU (with an optional ceiling), flatten (a copy), inference batch norm and residual addition.
 */
final class ElementwiseOp extends LayerOp {
  enum Kind {
    RELU,
    COPY,
    BATCH_NORM,
    RESIDUAL
  }

  private final Kind kind;
  private final String name;
  private final float[] scale;
  private final float[] shift;
  private final int source;
  private final float ceiling;

  /**
   * @param source for a residual, the index in the activation list of the skip tensor (0 = input)
   */
  ElementwiseOp(
      Kind kind, String name, TensorShape in, TensorShape out, BatchNormLayer bn, int source) {
    this(kind, name, in, out, bn, source, Float.POSITIVE_INFINITY);
  }

  /** A ReLU clipped at {@code ceiling} (infinity for none). */
  static ElementwiseOp relu(ReluLayer relu, TensorShape shape) {
    return new ElementwiseOp(Kind.RELU, relu.name(), shape, shape, null, -1, relu.upperBound());
  }

  private ElementwiseOp(
      Kind kind,
      String name,
      TensorShape in,
      TensorShape out,
      BatchNormLayer bn,
      int source,
      float ceiling) {
    super(in, out);
    this.kind = kind;
    this.name = name;
    this.source = source;
    this.ceiling = ceiling;
    if (bn != null) {
      scale = new float[bn.channels()];
      shift = new float[bn.channels()];
      for (int c = 0; c < bn.channels(); c++) {
        scale[c] = (float) bn.scale(c);
        shift[c] = (float) bn.shift(c);
      }
    } else {
      scale = null;
      shift = null;
    }
  }

  @Override
  void forward(AnnWorkspace ws, int i) {
    float[] x = ws.activations[i];
    float[] y = ws.activations[i + 1];
    switch (kind) {
      case RELU -> {
        for (int k = 0; k < y.length; k++) {
          y[k] = Math.min(ceiling, Math.max(0f, x[k]));
        }
      }
      case COPY -> System.arraycopy(x, 0, y, 0, y.length);
      case RESIDUAL -> {
        float[] skip = ws.activations[source];
        for (int k = 0; k < y.length; k++) {
          y[k] = x[k] + skip[k];
        }
      }
      case BATCH_NORM -> {
        int plane = in.height() * in.width();
        for (int c = 0; c < in.channels(); c++) {
          float a = scale[c];
          float b = shift[c];
          for (int k = c * plane, end = k + plane; k < end; k++) {
            y[k] = a * x[k] + b;
          }
        }
      }
      default -> throw new AssertionError(kind);
    }
  }

  @Override
  void backward(AnnWorkspace ws, int i) {
    float[] g = ws.gradients[i + 1];
    float[] gx = ws.gradients[i];
    switch (kind) {
      case RELU -> {
        float[] y = ws.activations[i + 1];
        for (int k = 0; k < g.length; k++) {
          if (y[k] > 0f && y[k] < ceiling) {
            gx[k] += g[k];
          }
        }
      }
      case COPY -> {
        for (int k = 0; k < g.length; k++) {
          gx[k] += g[k];
        }
      }
      case RESIDUAL -> {
        float[] gs = ws.gradients[source];
        for (int k = 0; k < g.length; k++) {
          gx[k] += g[k];
          gs[k] += g[k];
        }
      }
      case BATCH_NORM ->
          throw new InvalidInputException(
              "batch norm '"
                  + name
                  + "' cannot be trained here:"
                  + " fold it into the preceding layer first (BatchNormFolding) or train without it");
      default -> throw new AssertionError(kind);
    }
  }
}
