package org.snncodesign.conversion.snn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.graph.AffineNode;
import org.snncodesign.api.graph.Conv2dNode;
import org.snncodesign.api.graph.FlattenNode;
import org.snncodesign.api.graph.GraphAnnotations;
import org.snncodesign.api.graph.GraphNode;
import org.snncodesign.api.graph.IfNode;
import org.snncodesign.api.graph.IntegratorNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.Pool2dNode;
import org.snncodesign.api.graph.ScaleNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.conversion.ann.AnnLayer;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AvgPoolLayer;
import org.snncodesign.conversion.ann.Conv2dLayer;
import org.snncodesign.conversion.ann.DenseLayer;
import org.snncodesign.conversion.ann.FlattenLayer;
import org.snncodesign.conversion.ann.ReluLayer;
import org.snncodesign.conversion.ann.ResidualAddLayer;
import org.snncodesign.conversion.ann.TensorShape;
import org.snncodesign.conversion.ann.TestModels;

class ConvertedNetworkGraphsTest {
  private static final double DT = 1e-3;

  /**
   * input 1x6x6 - conv 3x3 p1 (3) - relu1 - avg 2 - flatten - dense 27 -> 8 - relu2 - dense 8 -> 4.
   */
  private static AnnModel smallCnn() {
    SplittableRandom random = new SplittableRandom(21);
    Conv2dLayer conv = Conv2dLayer.zeros("conv1", 1, 3, 3, 1, 1);
    TestModels.fill(conv.weights(), random, 0.6);
    TestModels.fill(conv.bias(), random, 0.1);
    DenseLayer fc1 = DenseLayer.zeros("fc1", 27, 8);
    TestModels.fill(fc1.weights(), random, 0.6);
    TestModels.fill(fc1.bias(), random, 0.1);
    DenseLayer fc2 = DenseLayer.zeros("fc2", 8, 4);
    TestModels.fill(fc2.weights(), random, 0.6);
    TestModels.fill(fc2.bias(), random, 0.1);
    List<AnnLayer> layers =
        List.of(
            conv,
            new ReluLayer("relu1"),
            new AvgPoolLayer("avg", 2, 2),
            new FlattenLayer("flat"),
            fc1,
            new ReluLayer("relu2"),
            fc2);
    return AnnModel.of("small-cnn", new TensorShape(1, 6, 6), layers);
  }

  /** input 1x5x5 - conv (2) - relu1 - conv (2) - add relu1 - relu2 - flatten - dense 50 -> 3. */
  private static AnnModel residualCnn() {
    SplittableRandom random = new SplittableRandom(22);
    Conv2dLayer conv1 = Conv2dLayer.zeros("conv1", 1, 2, 3, 1, 1);
    TestModels.fill(conv1.weights(), random, 0.6);
    TestModels.fill(conv1.bias(), random, 0.1);
    Conv2dLayer conv2 = Conv2dLayer.zeros("conv2", 2, 2, 3, 1, 1);
    TestModels.fill(conv2.weights(), random, 0.6);
    TestModels.fill(conv2.bias(), random, 0.1);
    DenseLayer fc = DenseLayer.zeros("fc", 50, 3);
    TestModels.fill(fc.weights(), random, 0.6);
    List<AnnLayer> layers =
        List.of(
            conv1,
            new ReluLayer("relu1"),
            conv2,
            new ResidualAddLayer("add", "relu1"),
            new ReluLayer("relu2"),
            new FlattenLayer("flat"),
            fc);
    return AnnModel.of("residual-cnn", new TensorShape(1, 5, 5), layers);
  }

  private static ConvertedNetwork convert(AnnModel model) {
    return new AnnToSnnConverter(99).convert(model, TestModels.selfLabelled(model, 40, 3));
  }

  /** The graph node holding stage {@code s}'s neurons. */
  private static String node(ConvertedNetwork network, int s) {
    return switch (network.kind(s)) {
      case INPUT -> "input_if";
      case OUTPUT -> "readout";
      default -> network.stageName(s);
    };
  }

  @Test
  @DisplayName(
      "the linear nodes between two stages compose to the converter's normalised fan-out matrix")
  void composedWeightsEqualTheFanouts() {
    ConvertedNetwork network = convert(smallCnn());
    NetworkGraph graph = ConvertedNetworkGraphs.rateCoded(network, DT);
    for (int s = 1; s < network.stageCount(); s++) {
      CsrMatrix fanout = network.fanouts(s).get(0);
      double[][] composed =
          LinearPaths.matrix(graph, node(network, network.sources(s)[0]), node(network, s));
      float[] expected = fanout.toDense();
      for (int j = 0; j < fanout.rows(); j++) {
        for (int c = 0; c < fanout.cols(); c++) {
          assertThat(composed[j][c])
              .as("stage %d, source %d, neuron %d", s, j, c)
              .isCloseTo(expected[j * fanout.cols() + c], within(1e-6));
        }
      }
    }
  }

  @Test
  @DisplayName(
      "where one weighted layer lies between two stages its weights are the fan-out bit for bit")
  void singleLayerFanoutIsBitExact() {
    ConvertedNetwork network = convert(smallCnn());
    NetworkGraph graph = ConvertedNetworkGraphs.rateCoded(network, DT);
    CsrMatrix fanout = network.fanouts(1).get(0);
    double[][] composed = LinearPaths.matrix(graph, "input_if", "relu1");
    float[] expected = fanout.toDense();
    for (int j = 0; j < fanout.rows(); j++) {
      for (int c = 0; c < fanout.cols(); c++) {
        assertThat((float) composed[j][c]).isEqualTo(expected[j * fanout.cols() + c]);
      }
    }
  }

  @Test
  @DisplayName("each stage's constant current is the converter's normalised bias")
  void biasesEqualTheStageBiases() {
    ConvertedNetwork network = convert(smallCnn());
    NetworkGraph graph = ConvertedNetworkGraphs.rateCoded(network, DT);
    for (int s = 1; s < network.stageCount(); s++) {
      double[] bias =
          LinearPaths.bias(graph, node(network, network.sources(s)[0]), node(network, s));
      float[] expected = network.stageList().get(s).bias();
      for (int c = 0; c < expected.length; c++) {
        assertThat(bias[c]).as("stage %d, neuron %d", s, c).isCloseTo(expected[c], within(1e-6));
      }
    }
  }

  @Test
  @DisplayName(
      "the ANN's layers become Conv2d, AvgPool2d, Flatten and Affine nodes between IF nodes")
  void layersBecomeNirNodes() {
    NetworkGraph graph = ConvertedNetworkGraphs.rateCoded(convert(smallCnn()), DT);
    assertThat(graph.node("conv1")).isInstanceOf(Conv2dNode.class);
    assertThat(graph.node("relu1")).isInstanceOf(IfNode.class);
    assertThat(((Pool2dNode) graph.node("avg")).pooling()).isEqualTo(Pool2dNode.Pooling.AVERAGE);
    assertThat(graph.node("flat")).isInstanceOf(FlattenNode.class);
    assertThat(graph.node("fc1")).isInstanceOf(AffineNode.class);
    assertThat(graph.node("readout")).isInstanceOf(IntegratorNode.class);
    assertThat(graph.outputShape("relu1")).isEqualTo(Shape.of(3, 6, 6));
  }

  @Test
  @DisplayName(
      "every IF node fires at 1, resets by subtraction and adds its input once per step (r = 1 / dt)")
  void neuronsAreNormalisedIntegrateAndFire() {
    NetworkGraph graph = ConvertedNetworkGraphs.rateCoded(convert(smallCnn()), DT);
    for (String name : List.of("input_if", "relu1", "relu2")) {
      IfNode neurons = (IfNode) graph.node(name);
      assertThat(neurons.vThreshold().isUniform(1)).as(name).isTrue();
      assertThat(neurons.vReset().isUniform(0)).as(name).isTrue();
      assertThat(neurons.r().isUniform(1 / DT)).as(name).isTrue();
      assertThat(GraphAnnotations.resetsBySubtraction(graph, name)).as(name).isTrue();
    }
    assertThat(((IntegratorNode) graph.node("readout")).r().isUniform(1 / DT)).isTrue();
  }

  @Test
  @DisplayName("the input neurons are driven by the pixels divided by the input's activation scale")
  void inputDriveIsNormalised() {
    ConvertedNetwork network = convert(smallCnn());
    ScaleNode drive =
        (ScaleNode) ConvertedNetworkGraphs.rateCoded(network, DT).node("input_if_drive");
    assertThat(drive.scale().isUniform((float) (1 / network.scale(0)))).isTrue();
  }

  @Test
  @DisplayName("the rate-coded graph states its coding, time step and read-out")
  void rateMetadata() {
    NetworkGraph graph = ConvertedNetworkGraphs.rateCoded(convert(smallCnn()), DT);
    assertThat(graph.metadata())
        .containsEntry(GraphAnnotations.CODING, GraphAnnotations.CODING_RATE)
        .containsEntry(GraphAnnotations.READOUT, GraphAnnotations.READOUT_LAST_MEMBRANE);
    assertThat(GraphAnnotations.timeStep(graph)).hasValue(DT);
  }

  @Test
  @DisplayName("the phase-coded graph has the rate graph's nodes and edges and names its coding")
  void phaseCodedGraph() {
    ConvertedNetwork network = convert(smallCnn());
    PhaseCoding coding = PhaseCoding.rootOfTwo(2, 4);
    NetworkGraph phase = ConvertedNetworkGraphs.phaseCoded(network, coding, DT);
    NetworkGraph rate = ConvertedNetworkGraphs.rateCoded(network, DT);
    assertThat(phase.nodes()).isEqualTo(rate.nodes());
    assertThat(phase.edges()).isEqualTo(rate.edges());
    assertThat(phase.metadata())
        .containsEntry(GraphAnnotations.CODING, GraphAnnotations.CODING_PHASE)
        .containsEntry(ConvertedNetworkGraphs.PHASE_COUNT, "8")
        .containsEntry(ConvertedNetworkGraphs.PHASE_BASE, Double.toString(coding.base()))
        .containsEntry(ConvertedNetworkGraphs.PHASE_ROUNDING, Double.toString(coding.rounding()));
  }

  @Test
  @DisplayName(
      "a residual addition gives the next neurons two incoming edges, composing to the fan-out")
  void residualBecomesTwoEdges() {
    ConvertedNetwork network = convert(residualCnn());
    NetworkGraph graph = ConvertedNetworkGraphs.rateCoded(network, DT);
    assertThat(graph.predecessors("relu2")).hasSize(2).contains("conv2");
    CsrMatrix fanout = network.fanouts(2).get(0);
    double[][] composed = LinearPaths.matrix(graph, "relu1", "relu2");
    float[] expected = fanout.toDense();
    for (int j = 0; j < fanout.rows(); j++) {
      for (int c = 0; c < fanout.cols(); c++) {
        assertThat(composed[j][c]).isCloseTo(expected[j * fanout.cols() + c], within(1e-6));
      }
    }
  }

  @Test
  @DisplayName("a network with max pooling is refused, naming the pool")
  void maxPoolingIsRefused() {
    ConvertedNetwork network = convert(TestModels.convertible(3));
    assertThatThrownBy(() -> ConvertedNetworkGraphs.rateCoded(network, DT))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("max pool 'max'");
  }

  @Test
  @DisplayName("a network not made by the converter is refused: its ANN layers are unknown")
  void networkWithoutAnnIsRefused() {
    ConvertedNetwork.Stage input =
        new ConvertedNetwork.Stage(
            StageKind.INPUT, "input", TensorShape.vector(2), null, null, null, null, 1);
    ConvertedNetwork network = new ConvertedNetwork("hand-made", List.of(input), 0, 100);
    assertThatThrownBy(() -> ConvertedNetworkGraphs.rateCoded(network, DT))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'hand-made'");
  }

  /**
   * The linear map between two nodes of a graph, by pushing vectors through the nodes between them.
   */
  private static final class LinearPaths {
    /** {@code [source neuron][target neuron]}, without biases. */
    static double[][] matrix(NetworkGraph graph, String from, String to) {
      int n = graph.outputShape(from).size();
      double[][] rows = new double[n][];
      for (int j = 0; j < n; j++) {
        double[] unit = new double[n];
        unit[j] = 1;
        rows[j] = push(graph, from, to, unit, false);
      }
      return rows;
    }

    /** What the target receives when the source is silent: the biases carried through. */
    static double[] bias(NetworkGraph graph, String from, String to) {
      return push(graph, from, to, new double[graph.outputShape(from).size()], true);
    }

    /**
     * Evaluates the nodes after {@code from} in graph order (the writer adds them topologically).
     */
    private static double[] push(
        NetworkGraph graph, String from, String to, double[] x, boolean withBias) {
      Map<String, double[]> values = new HashMap<>();
      values.put(from, x);
      boolean after = false;
      for (String name : graph.nodes().keySet()) {
        if (name.equals(from)) {
          after = true;
          continue;
        }
        if (!after) {
          continue;
        }
        double[] in = null;
        for (String p : graph.predecessors(name)) {
          double[] v = values.get(p);
          if (v != null) {
            in = in == null ? v.clone() : add(in, v);
          }
        }
        if (in == null) {
          continue;
        }
        if (name.equals(to)) {
          return in;
        }
        values.put(name, apply(graph.node(name), in, graph.inputShape(name), withBias));
      }
      throw new AssertionError("no path from " + from + " to " + to);
    }

    private static double[] add(double[] a, double[] b) {
      for (int i = 0; i < a.length; i++) {
        a[i] += b[i];
      }
      return a;
    }

    private static double[] apply(GraphNode node, double[] x, Shape in, boolean withBias) {
      if (node instanceof AffineNode affine) {
        double[] y = new double[affine.outputs()];
        for (int o = 0; o < y.length; o++) {
          y[o] = withBias ? affine.bias().get(o) : 0;
          for (int i = 0; i < x.length; i++) {
            y[o] += affine.weight().get(o * x.length + i) * x[i];
          }
        }
        return y;
      }
      if (node instanceof ScaleNode scale) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
          y[i] *= scale.scale().get(i);
        }
        return y;
      }
      if (node instanceof Conv2dNode conv) {
        return convolution(conv, x, in, withBias);
      }
      if (node instanceof Pool2dNode pool) {
        return average(pool, x, in);
      }
      if (node instanceof FlattenNode) {
        return x;
      }
      throw new AssertionError("unexpected node between stages: " + node.nirType());
    }

    private static double[] convolution(Conv2dNode conv, double[] x, Shape in, boolean withBias) {
      Shape out = conv.outputShape(in);
      int k = conv.kernel().height();
      int s = conv.stride().height();
      int p = conv.padding().height();
      double[] y = new double[out.size()];
      for (int co = 0; co < out.dim(0); co++) {
        for (int oy = 0; oy < out.dim(1); oy++) {
          for (int ox = 0; ox < out.dim(2); ox++) {
            double sum = withBias ? conv.bias().get(co) : 0;
            for (int ci = 0; ci < conv.inChannels(); ci++) {
              for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                  int iy = oy * s - p + ky;
                  int ix = ox * s - p + kx;
                  if (iy >= 0 && iy < in.dim(1) && ix >= 0 && ix < in.dim(2)) {
                    sum +=
                        conv.weight().get(((co * conv.inChannels() + ci) * k + ky) * k + kx)
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
      int s = pool.stride().height();
      double[] y = new double[out.size()];
      for (int c = 0; c < out.dim(0); c++) {
        for (int oy = 0; oy < out.dim(1); oy++) {
          for (int ox = 0; ox < out.dim(2); ox++) {
            double sum = 0;
            for (int dy = 0; dy < q; dy++) {
              for (int dx = 0; dx < q; dx++) {
                sum += x[(c * in.dim(1) + oy * s + dy) * in.dim(2) + ox * s + dx];
              }
            }
            y[(c * out.dim(1) + oy) * out.dim(2) + ox] = sum / (q * q);
          }
        }
      }
      return y;
    }
  }
}
