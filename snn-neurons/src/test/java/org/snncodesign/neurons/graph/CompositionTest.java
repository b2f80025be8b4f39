package org.snncodesign.neurons.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.graph.AffineNode;
import org.snncodesign.api.graph.Conv1dNode;
import org.snncodesign.api.graph.Conv2dNode;
import org.snncodesign.api.graph.FlattenNode;
import org.snncodesign.api.graph.InputNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.OutputNode;
import org.snncodesign.api.graph.Pool2dNode;
import org.snncodesign.api.graph.ScaleNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Size2d;
import org.snncodesign.api.graph.Tensor;
import org.snncodesign.api.neuron.Discretization;

/**
 * Composed convolution, pooling, flatten and affine maps against a direct dense computation of the
 * same layers.
 */
class CompositionTest {
  private final SplittableRandom random = new SplittableRandom(3);

  private float[] values(int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return v;
  }

  /** PyTorch's Conv2d on [C, H, W] maps, written out directly. */
  private static float[] conv2d(
      float[] x,
      int c,
      int h,
      int w,
      float[] weight,
      float[] bias,
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
    int hOut = (h + 2 * ph - dh * (kh - 1) - 1) / sh + 1;
    int wOut = (w + 2 * pw - dw * (kw - 1) - 1) / sw + 1;
    int inPerGroup = c / groups;
    float[] y = new float[cOut * hOut * wOut];
    for (int co = 0; co < cOut; co++) {
      int g = co / (cOut / groups);
      for (int oy = 0; oy < hOut; oy++) {
        for (int ox = 0; ox < wOut; ox++) {
          double sum = bias == null ? 0 : bias[co];
          for (int ci = 0; ci < inPerGroup; ci++) {
            for (int ky = 0; ky < kh; ky++) {
              for (int kx = 0; kx < kw; kx++) {
                int iy = oy * sh - ph + ky * dh;
                int ix = ox * sw - pw + kx * dw;
                double pixel =
                    iy < 0 || iy >= h || ix < 0 || ix >= w
                        ? 0
                        : x[((g * inPerGroup + ci) * h + iy) * w + ix];
                double k =
                    weight == null
                        ? 1.0 / (kh * kw)
                        : weight[((co * inPerGroup + ci) * kh + ky) * kw + kx];
                sum += k * pixel;
              }
            }
          }
          y[(co * hOut + oy) * wOut + ox] = (float) sum;
        }
      }
    }
    return y;
  }

  @Test
  @DisplayName(
      "Conv2d (stride, padding, dilation, groups) -> AvgPool2d -> Flatten -> Affine equals the dense layers")
  void convPoolFlattenAffineEqualsDenseLayers() {
    float[] convWeight = values(4 * 1 * 3 * 2);
    float[] convBias = values(4);
    // [2, 7, 6] -> conv (k 3x2, stride (1, 2), padding (1, 1), dilation (2, 1), groups 2) -> [4, 5,
    // 4]
    // -> average pool (k 2, stride 2, padding 1) -> [4, 3, 3] -> flatten [36] -> affine [5]
    float[] affineWeight = values(5 * 36);
    float[] affineBias = values(5);
    NetworkGraph graph =
        NetworkGraph.builder()
            .node("input", new InputNode(Shape.of(2, 7, 6)))
            .node(
                "conv",
                new Conv2dNode(
                    Optional.empty(),
                    Tensor.ofFloats(Shape.of(4, 1, 3, 2), convWeight),
                    new Size2d(1, 2),
                    new Size2d(1, 1),
                    new Size2d(2, 1),
                    2,
                    Tensor.vector(convBias)))
            .node(
                "pool",
                new Pool2dNode(
                    Pool2dNode.Pooling.AVERAGE,
                    Size2d.square(2),
                    Size2d.square(2),
                    Size2d.square(1)))
            .node("flatten", FlattenNode.all())
            .node(
                "fc",
                new AffineNode(
                    Tensor.ofFloats(Shape.of(5, 36), affineWeight), Tensor.vector(affineBias)))
            .node("output", new OutputNode(Shape.of(5)))
            .chain("input", "conv", "pool", "flatten", "fc", "output")
            .build();
    float[] x = values(2 * 7 * 6);

    float[] y =
        GraphSimulator.builder(graph, Discretization.forwardEuler(1e-3))
            .build()
            .run(Stimulus.constant(x, 1))
            .output()[0];

    float[] conv = conv2d(x, 2, 7, 6, convWeight, convBias, 4, 3, 2, 1, 2, 1, 1, 2, 1, 2);
    float[] pooled = conv2d(conv, 4, 5, 4, null, null, 4, 2, 2, 2, 2, 1, 1, 1, 1, 4);
    for (int o = 0; o < 5; o++) {
      double expected = affineBias[o];
      for (int i = 0; i < 36; i++) {
        expected += affineWeight[o * 36 + i] * pooled[i];
      }
      assertThat(y[o]).as("output %d", o).isCloseTo((float) expected, within(1e-4f));
    }
  }

  @Test
  @DisplayName(
      "Conv1d (stride 2, padding 1) -> Scale equals the dense 1-d convolution times the scale")
  void conv1dAndScaleEqualDenseLayers() {
    float[] weight = values(3 * 2 * 3);
    float[] bias = values(3);
    float[] scale = values(3 * 4);
    // [2, 8] -> conv1d (k 3, stride 2, padding 1) -> [3, (8 + 2 - 3) / 2 + 1 = 4]
    NetworkGraph graph =
        NetworkGraph.builder()
            .node("input", new InputNode(Shape.of(2, 8)))
            .node(
                "conv",
                new Conv1dNode(
                    OptionalInt.empty(),
                    Tensor.ofFloats(Shape.of(3, 2, 3), weight),
                    2,
                    1,
                    1,
                    1,
                    Tensor.vector(bias)))
            .node("scale", new ScaleNode(Tensor.ofFloats(Shape.of(3, 4), scale)))
            .node("output", new OutputNode(Shape.of(3, 4)))
            .chain("input", "conv", "scale", "output")
            .build();
    float[] x = values(2 * 8);

    float[] y =
        GraphSimulator.builder(graph, Discretization.forwardEuler(1e-3))
            .build()
            .run(Stimulus.constant(x, 1))
            .output()[0];

    float[] conv = conv2d(x, 2, 1, 8, weight, bias, 3, 1, 3, 1, 2, 0, 1, 1, 1, 1);
    for (int o = 0; o < 12; o++) {
      assertThat(y[o]).as("output %d", o).isCloseTo(conv[o] * scale[o], within(1e-5f));
    }
  }

  @Test
  @DisplayName("Two branches from one source to one target are summed into one projection")
  void branchesAreSummed() {
    NetworkGraph graph =
        NetworkGraph.builder()
            .node("input", new InputNode(Shape.of(2)))
            .node("a", new ScaleNode(Tensor.vector(2f, 3f)))
            .node("b", new ScaleNode(Tensor.vector(5f, 7f)))
            .node("output", new OutputNode(Shape.of(2)))
            .chain("input", "a", "output")
            .chain("input", "b", "output")
            .build();

    GraphSimulator simulator =
        GraphSimulator.builder(graph, Discretization.forwardEuler(1e-3)).build();

    assertThat(simulator.projections()).hasSize(1);
    assertThat(simulator.projections().get(0).weights().toDense()).containsExactly(7f, 0f, 0f, 10f);
    assertThat(simulator.run(Stimulus.constant(new float[] {1f, 2f}, 1)).output()[0])
        .containsExactly(7f, 20f);
  }
}
