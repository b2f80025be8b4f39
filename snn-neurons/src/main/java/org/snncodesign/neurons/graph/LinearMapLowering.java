package org.snncodesign.neurons.graph;

import org.snncodesign.api.Checks;
import org.snncodesign.api.graph.AffineNode;
import org.snncodesign.api.graph.Conv1dNode;
import org.snncodesign.api.graph.Conv2dNode;
import org.snncodesign.api.graph.DelayNode;
import org.snncodesign.api.graph.FlattenNode;
import org.snncodesign.api.graph.LinearMapNode;
import org.snncodesign.api.graph.LinearNode;
import org.snncodesign.api.graph.Pool2dNode;
import org.snncodesign.api.graph.ScaleNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Tensor;
import org.snncodesign.api.sparse.CsrMatrix;

/**
 * Lowers one linear graph node to a sparse matrix over flat row-major indices, input-major: {@code
 * y_o = sum_i M[i][o] x_i + b_o}. Convolutions and pooling become the matrix of all their (output,
 * kernel tap) pairs, so the lowering is exact.
 */
final class LinearMapLowering {
  private LinearMapLowering() {}

  /**
   * A lowered node.
   *
   * @param matrix {@code inputs x outputs}
   * @param bias per output, or null when the node has none (or only zeros)
   * @param delaySteps per element (Delay only, else null): {@code round(delay / dt)}
   */
  record LoweredMap(CsrMatrix matrix, float[] bias, int[] delaySteps) {}

  static LoweredMap lower(LinearMapNode node, Shape input, Shape output, double dt) {
    if (node instanceof AffineNode n) {
      return new LoweredMap(transposed(n.weight()), nonZero(n.bias().toFloatArray()), null);
    }
    if (node instanceof LinearNode n) {
      return new LoweredMap(transposed(n.weight()), null, null);
    }
    if (node instanceof ScaleNode n) {
      return new LoweredMap(diagonal(n.scale().toFloatArray()), null, null);
    }
    if (node instanceof FlattenNode) {
      return new LoweredMap(SparseBuilder.identity(input.size()), null, null);
    }
    if (node instanceof DelayNode n) {
      int[] steps = new int[n.delay().size()];
      for (int i = 0; i < steps.length; i++) {
        double s = Math.rint(n.delay().get(i) / dt);
        Checks.checkArgument(
            s <= Short.MAX_VALUE,
            "Delay of %s s at element %d is %s steps of dt = %s s, more" + " than %d",
            n.delay().get(i),
            i,
            s,
            dt,
            Short.MAX_VALUE);
        steps[i] = (int) s;
      }
      return new LoweredMap(SparseBuilder.identity(steps.length), null, steps);
    }
    if (node instanceof Conv2dNode n) {
      Shape in = n.inputShape().orElse(input);
      float[] bias = channelBias(n.bias().toFloatArray(), output.size() / n.outChannels());
      return new LoweredMap(
          new Window(
                  in.dim(0),
                  in.dim(1),
                  in.dim(2),
                  n.outChannels(),
                  n.kernel().height(),
                  n.kernel().width(),
                  n.stride().height(),
                  n.stride().width(),
                  n.padding().height(),
                  n.padding().width(),
                  n.dilation().height(),
                  n.dilation().width(),
                  n.groups())
              .matrix(n.weight().toFloatArray(), 0f),
          bias,
          null);
    }
    if (node instanceof Conv1dNode n) {
      Shape in = n.inputShape().orElse(input);
      float[] bias = channelBias(n.bias().toFloatArray(), output.size() / n.outChannels());
      // A 1-d convolution over [C, N] is the 2-d one over [C, 1, N] with a 1 x k kernel.
      return new LoweredMap(
          new Window(
                  in.dim(0),
                  1,
                  in.dim(1),
                  n.outChannels(),
                  1,
                  n.kernel(),
                  1,
                  n.stride(),
                  0,
                  n.padding(),
                  1,
                  n.dilation(),
                  n.groups())
              .matrix(n.weight().toFloatArray(), 0f),
          bias,
          null);
    }
    Pool2dNode n = (Pool2dNode) node;
    int c = input.dim(0);
    // Pooling is a depthwise convolution with a constant kernel: 1 (sum) or 1 / (k_h k_w) (average,
    // padding's
    // zeros counted as PyTorch's count_include_pad).
    float tap =
        n.pooling() == Pool2dNode.Pooling.SUM
            ? 1f
            : (float) (1.0 / ((double) n.kernel().height() * n.kernel().width()));
    return new LoweredMap(
        new Window(
                c,
                input.dim(1),
                input.dim(2),
                c,
                n.kernel().height(),
                n.kernel().width(),
                n.stride().height(),
                n.stride().width(),
                n.padding().height(),
                n.padding().width(),
                1,
                1,
                c)
            .matrix(null, tap),
        null,
        null);
  }

  /** {@code W [outputs, inputs]} as the input-major {@code inputs x outputs} matrix. */
  private static CsrMatrix transposed(Tensor weight) {
    int outputs = weight.shape().dim(0);
    int inputs = weight.shape().dim(1);
    SparseBuilder out = new SparseBuilder(inputs, outputs);
    for (int o = 0; o < outputs; o++) {
      for (int i = 0; i < inputs; i++) {
        out.add(i, o, (float) weight.get(o * inputs + i));
      }
    }
    return out.build();
  }

  private static CsrMatrix diagonal(float[] values) {
    SparseBuilder out = new SparseBuilder(values.length, values.length);
    for (int i = 0; i < values.length; i++) {
      out.add(i, i, values[i]);
    }
    return out.build();
  }

  private static float[] channelBias(float[] perChannel, int positions) {
    float[] bias = new float[perChannel.length * positions];
    for (int c = 0; c < perChannel.length; c++) {
      java.util.Arrays.fill(bias, c * positions, (c + 1) * positions, perChannel[c]);
    }
    return nonZero(bias);
  }

  private static float[] nonZero(float[] bias) {
    for (float b : bias) {
      if (b != 0f) {
        return bias;
      }
    }
    return null;
  }

  /**
   * A 2-d sliding window over {@code [C_in, H, W]} giving {@code [C_out, H_out, W_out]} (PyTorch's
   * cross-correlation): output {@code (co, oy, ox)} sums input {@code (g C_in/groups + ci, oy s_h -
   * p_h + ky d_h, ox s_w - p_w + kx d_w)} times {@code weight[co, ci, ky, kx]}, {@code g = co /
   * (C_out / groups)}; taps in the padding read zeros and are left out.
   */
  private record Window(
      int cIn,
      int h,
      int w,
      int cOut,
      int kh,
      int kw,
      int sh,
      int sw,
      int ph,
      int pw,
      int dh,
      int dw,
      int groups) {
    int outHeight() {
      return (h + 2 * ph - dh * (kh - 1) - 1) / sh + 1;
    }

    int outWidth() {
      return (w + 2 * pw - dw * (kw - 1) - 1) / sw + 1;
    }

    /** The input-major matrix; {@code weight} null means every tap weighs {@code tap}. */
    CsrMatrix matrix(float[] weight, float tap) {
      int hOut = outHeight();
      int wOut = outWidth();
      int inPerGroup = cIn / groups;
      int outPerGroup = cOut / groups;
      SparseBuilder out = new SparseBuilder(cIn * h * w, cOut * hOut * wOut);
      // Outputs in ascending order, so that each input row receives its columns ascending.
      for (int co = 0; co < cOut; co++) {
        int group = co / outPerGroup;
        for (int oy = 0; oy < hOut; oy++) {
          for (int ox = 0; ox < wOut; ox++) {
            int o = (co * hOut + oy) * wOut + ox;
            for (int ci = 0; ci < inPerGroup; ci++) {
              int channel = group * inPerGroup + ci;
              for (int ky = 0; ky < kh; ky++) {
                int y = oy * sh - ph + ky * dh;
                if (y < 0 || y >= h) {
                  continue;
                }
                for (int kx = 0; kx < kw; kx++) {
                  int x = ox * sw - pw + kx * dw;
                  if (x < 0 || x >= w) {
                    continue;
                  }
                  float value =
                      weight == null ? tap : weight[((co * inPerGroup + ci) * kh + ky) * kw + kx];
                  out.add((channel * h + y) * w + x, o, value);
                }
              }
            }
          }
        }
      }
      return out.build();
    }
  }
}
