package org.snncodesign.learning.surrogate;

import org.snncodesign.api.graph.Shape;

/**
 * Reorders the trainer's channel-last parameters into the graph's channel-first (PyTorch, NIR)
 * layout and back. The trainer stores maps as {@code [(y * W + x) * C + c]} and kernels as {@code
 * [ky][kx][ci][co]} ({@link ConvLayer}) and dense weights pre-major, {@code [i * outputs + j]}
 * ({@link DenseLayer}); the graph stores maps as {@code [(c * H + y) * W + x]}, kernels as {@code
 * [co][ci][ky][kx]} and dense weights as {@code [outputs][inputs]}. Every method moves values
 * without arithmetic, so a round trip is bit-exact.
 */
final class ChannelOrder {
  private ChannelOrder() {}

  /** The trainer's {@code [ky][kx][ci][co]} kernel as {@code [co][ci][ky][kx]}. */
  static float[] kernelToChannelFirst(float[] hwio, int kernel, int inChannels, int outChannels) {
    float[] oihw = new float[hwio.length];
    forEachKernelTap(
        kernel,
        inChannels,
        outChannels,
        (hwioIndex, oihwIndex) -> oihw[oihwIndex] = hwio[hwioIndex]);
    return oihw;
  }

  /** The inverse of {@link #kernelToChannelFirst}. */
  static float[] kernelToChannelLast(float[] oihw, int kernel, int inChannels, int outChannels) {
    float[] hwio = new float[oihw.length];
    forEachKernelTap(
        kernel,
        inChannels,
        outChannels,
        (hwioIndex, oihwIndex) -> hwio[hwioIndex] = oihw[oihwIndex]);
    return hwio;
  }

  /**
   * The trainer's pre-major dense weights as {@code [outputs][inputs]} with the inputs in the
   * graph's order: {@code maps} is the channel-first shape the inputs were flattened from ({@code
   * [inputs]} when they are a vector, in which case only the transpose remains).
   */
  static float[] denseToGraph(float[] preMajor, int outputs, Shape maps) {
    int inputs = maps.size();
    float[] graph = new float[preMajor.length];
    for (int g = 0; g < inputs; g++) {
      int trainerInput = channelLastIndex(g, maps);
      for (int j = 0; j < outputs; j++) {
        graph[j * inputs + g] = preMajor[trainerInput * outputs + j];
      }
    }
    return graph;
  }

  /** The inverse of {@link #denseToGraph}. */
  static float[] denseToTrainer(float[] graph, int outputs, Shape maps) {
    int inputs = maps.size();
    float[] preMajor = new float[graph.length];
    for (int g = 0; g < inputs; g++) {
      int trainerInput = channelLastIndex(g, maps);
      for (int j = 0; j < outputs; j++) {
        preMajor[trainerInput * outputs + j] = graph[j * inputs + g];
      }
    }
    return preMajor;
  }

  /**
   * Where the value at channel-first flat index {@code g} of {@code maps} sits in the trainer's
   * channel-last layout; the identity for a vector or a single channel.
   */
  static int channelLastIndex(int g, Shape maps) {
    if (maps.rank() != 3) {
      return g;
    }
    int channels = maps.dim(0);
    int plane = maps.dim(1) * maps.dim(2);
    return (g % plane) * channels + g / plane;
  }

  private interface TapVisitor {
    void visit(int hwioIndex, int oihwIndex);
  }

  private static void forEachKernelTap(
      int kernel, int inChannels, int outChannels, TapVisitor visitor) {
    for (int ky = 0; ky < kernel; ky++) {
      for (int kx = 0; kx < kernel; kx++) {
        for (int ci = 0; ci < inChannels; ci++) {
          for (int co = 0; co < outChannels; co++) {
            int hwio = ((ky * kernel + kx) * inChannels + ci) * outChannels + co;
            int oihw = ((co * inChannels + ci) * kernel + ky) * kernel + kx;
            visitor.visit(hwio, oihw);
          }
        }
      }
    }
  }
}
