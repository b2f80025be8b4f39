package org.snncodesign.learning.surrogate;

import java.util.HashMap;
import java.util.Map;
import org.snncodesign.api.graph.AffineNode;
import org.snncodesign.api.graph.Conv2dNode;
import org.snncodesign.api.graph.FlattenNode;
import org.snncodesign.api.graph.GraphAnnotations;
import org.snncodesign.api.graph.GraphNode;
import org.snncodesign.api.graph.IfNode;
import org.snncodesign.api.graph.IntegratorNode;
import org.snncodesign.api.graph.LiNode;
import org.snncodesign.api.graph.LifNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.OutputNode;
import org.snncodesign.api.graph.Pool2dNode;
import org.snncodesign.api.graph.Shape;

/**
 * A test-only reference reading of a chain graph, in double precision, by the semantics the engine
 * implements: forward Euler at the graph's dt, the Input held at every step, feed-forward edges
 * delivering in the same step, {@code v += dt / tau (v_leak - v + r I)} (LIF, LI) or {@code v += dt
 * r I} (IF, I), a spike when {@code v > v_threshold}, then {@code v = v_reset} or, with the reset
 * annotation, {@code v -= v_threshold}.
 */
final class EulerChainSimulator {
  private final NetworkGraph graph;
  private final double dt;

  EulerChainSimulator(NetworkGraph graph) {
    this.graph = graph;
    this.dt = GraphAnnotations.timeStep(graph).orElseThrow();
  }

  /** The Output's values after each of {@code steps} steps, {@code [t][k]}. */
  double[][] run(float[] input, int steps) {
    Map<String, double[]> membranes = new HashMap<>();
    double[][] outputs = new double[steps][];
    for (int t = 0; t < steps; t++) {
      String name = graph.inputNames().get(0);
      double[] x = new double[input.length];
      for (int i = 0; i < x.length; i++) {
        x[i] = input[i];
      }
      while (!(graph.node(name) instanceof OutputNode)) {
        Shape in = graph.outputShape(name);
        name = graph.successors(name).get(0);
        x = apply(name, graph.node(name), x, in, membranes);
      }
      outputs[t] = x;
    }
    return outputs;
  }

  private double[] apply(
      String name, GraphNode node, double[] x, Shape in, Map<String, double[]> membranes) {
    if (node instanceof AffineNode affine) {
      return affine(affine, x);
    } else if (node instanceof Conv2dNode conv) {
      return convolution(conv, x, in);
    } else if (node instanceof Pool2dNode pool) {
      return average(pool, x, in);
    } else if (node instanceof FlattenNode || node instanceof OutputNode) {
      return x;
    }
    double[] v = membranes.computeIfAbsent(name, k -> new double[x.length]);
    boolean subtract = GraphAnnotations.resetsBySubtraction(graph, name);
    double[] out = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      if (node instanceof LifNode lif) {
        v[j] += dt / lif.tau().get(j) * (lif.vLeak().get(j) - v[j] + lif.r().get(j) * x[j]);
        out[j] = fire(v, j, lif.vThreshold().get(j), lif.vReset().get(j), subtract);
      } else if (node instanceof IfNode ifNode) {
        v[j] += dt * ifNode.r().get(j) * x[j];
        out[j] = fire(v, j, ifNode.vThreshold().get(j), ifNode.vReset().get(j), subtract);
      } else if (node instanceof LiNode li) {
        v[j] += dt / li.tau().get(j) * (li.vLeak().get(j) - v[j] + li.r().get(j) * x[j]);
        out[j] = v[j];
      } else {
        v[j] += dt * ((IntegratorNode) node).r().get(j) * x[j];
        out[j] = v[j];
      }
    }
    return out;
  }

  private static double fire(double[] v, int j, double threshold, double reset, boolean subtract) {
    if (v[j] <= threshold) {
      return 0;
    }
    v[j] = subtract ? v[j] - threshold : reset;
    return 1;
  }

  private static double[] affine(AffineNode affine, double[] x) {
    double[] y = new double[affine.outputs()];
    for (int o = 0; o < y.length; o++) {
      double sum = affine.bias().get(o);
      for (int i = 0; i < x.length; i++) {
        sum += affine.weight().get(o * x.length + i) * x[i];
      }
      y[o] = sum;
    }
    return y;
  }

  private static double[] convolution(Conv2dNode conv, double[] x, Shape in) {
    Shape out = conv.outputShape(in);
    int k = conv.kernel().height();
    int stride = conv.stride().height();
    int pad = conv.padding().height();
    int channels = conv.inChannels();
    double[] y = new double[out.size()];
    for (int co = 0; co < out.dim(0); co++) {
      for (int oy = 0; oy < out.dim(1); oy++) {
        for (int ox = 0; ox < out.dim(2); ox++) {
          double sum = conv.bias().get(co);
          for (int ci = 0; ci < channels; ci++) {
            for (int ky = 0; ky < k; ky++) {
              for (int kx = 0; kx < k; kx++) {
                int iy = oy * stride - pad + ky;
                int ix = ox * stride - pad + kx;
                if (iy >= 0 && iy < in.dim(1) && ix >= 0 && ix < in.dim(2)) {
                  sum +=
                      conv.weight().get(((co * channels + ci) * k + ky) * k + kx)
                          * x[(ci * in.dim(1) + iy) * in.dim(2) + ix];
                }
              }
            }
          }
          y[(co * out.dim(1) + oy) * out.dim(2) + ox] = sum;
        }
      }
    }
    return y;
  }

  private static double[] average(Pool2dNode pool, double[] x, Shape in) {
    Shape out = pool.outputShape(in);
    int q = pool.kernel().height();
    double[] y = new double[out.size()];
    for (int c = 0; c < out.dim(0); c++) {
      for (int oy = 0; oy < out.dim(1); oy++) {
        for (int ox = 0; ox < out.dim(2); ox++) {
          double sum = 0;
          for (int dy = 0; dy < q; dy++) {
            for (int dx = 0; dx < q; dx++) {
              sum += x[(c * in.dim(1) + oy * q + dy) * in.dim(2) + ox * q + dx];
            }
          }
          y[(c * out.dim(1) + oy) * out.dim(2) + ox] = sum / (q * q);
        }
      }
    }
    return y;
  }
}
