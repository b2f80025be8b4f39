package org.snncodesign.learning.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.graph.AffineNode;
import org.snncodesign.api.graph.Conv2dNode;
import org.snncodesign.api.graph.GraphAnnotations;
import org.snncodesign.api.graph.IfNode;
import org.snncodesign.api.graph.IntegratorNode;
import org.snncodesign.api.graph.LiNode;
import org.snncodesign.api.graph.LifNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.Pool2dNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Size2d;

class SpikingNetworkGraphsTest {
  private static final double DT = 1e-3;
  private static final String CONV = "2x10x10-c3k3p1a2-c4k3s2-6-3";

  private static SpikingNetwork network(
      String architecture, float beta, ResetMode reset, Readout readout) {
    return SpikingNetwork.initialise(architecture, 6, beta, 0.5f, reset, readout, 7);
  }

  private static SpikingNetwork roundTrip(SpikingNetwork network) {
    return SpikingNetworkGraphs.fromGraph(SpikingNetworkGraphs.toGraph(network, DT));
  }

  @Test
  @DisplayName(
      "a dense network with reset by subtraction and spike-count read-out comes back equal")
  void denseRoundTrip() {
    SpikingNetwork network = network("12-8-3", 0.9f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT);
    assertThat(roundTrip(network)).isEqualTo(network);
  }

  @Test
  @DisplayName(
      "a network with reset to zero comes back equal and its graph carries no subtraction annotation")
  void zeroResetRoundTrip() {
    SpikingNetwork network = network("12-8-3", 0.8f, ResetMode.ZERO, Readout.SPIKE_COUNT);
    NetworkGraph graph = SpikingNetworkGraphs.toGraph(network, DT);
    assertThat(graph.metadata()).doesNotContainKey(GraphAnnotations.resetKey("lif0"));
    assertThat(SpikingNetworkGraphs.fromGraph(graph)).isEqualTo(network);
  }

  @Test
  @DisplayName("a membrane read-out becomes an LI node and comes back equal")
  void membraneRoundTrip() {
    SpikingNetwork network = network("12-8-3", 0.95f, ResetMode.SUBTRACT, Readout.MEMBRANE);
    NetworkGraph graph = SpikingNetworkGraphs.toGraph(network, DT);
    assertThat(graph.node("li1")).isInstanceOf(LiNode.class);
    assertThat(graph.metadata())
        .containsEntry(GraphAnnotations.READOUT, GraphAnnotations.READOUT_MEAN_MEMBRANE);
    assertThat(SpikingNetworkGraphs.fromGraph(graph)).isEqualTo(network);
  }

  @Test
  @DisplayName(
      "an integrate-and-fire network with membrane read-out becomes IF and I nodes and comes back equal")
  void integrateAndFireRoundTrip() {
    SpikingNetwork network = network("12-8-3", 1f, ResetMode.ZERO, Readout.MEMBRANE);
    NetworkGraph graph = SpikingNetworkGraphs.toGraph(network, DT);
    assertThat(graph.node("if0")).isInstanceOf(IfNode.class);
    assertThat(graph.node("i1")).isInstanceOf(IntegratorNode.class);
    assertThat(SpikingNetworkGraphs.fromGraph(graph)).isEqualTo(network);
  }

  @Test
  @DisplayName(
      "a network whose only layer is the membrane read-out keeps its unused threshold and reset")
  void readoutOnlyRoundTrip() {
    SpikingNetwork network = network("12-3", 0.9f, ResetMode.ZERO, Readout.MEMBRANE);
    assertThat(roundTrip(network)).isEqualTo(network);
  }

  @Test
  @DisplayName(
      "a two-channel convolutional network with stride, padding and average pooling comes back equal")
  void convolutionalRoundTrip() {
    SpikingNetwork network = network(CONV, 0.9f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT);
    assertThat(roundTrip(network)).isEqualTo(network);
  }

  @Test
  @DisplayName(
      "a quantised network comes back with its bit widths, steps and de-quantised weights bit for bit")
  void quantisedRoundTrip() {
    SpikingNetwork network = network(CONV, 0.9f, ResetMode.SUBTRACT, Readout.MEMBRANE);
    SplittableRandom random = new SplittableRandom(3);
    float scale = 0.037f;
    for (SpikingLayer layer : network.layers()) {
      float[] w = layer.weights();
      for (int i = 0; i < w.length; i++) {
        w[i] = random.nextInt(-7, 8) * scale;
      }
      layer.setQuantization(4, scale);
    }
    NetworkGraph graph = SpikingNetworkGraphs.toGraph(network, DT);
    assertThat(graph.metadata())
        .containsEntry(SpikingNetworkGraphs.weightBitsKey("conv0"), "4")
        .containsEntry(SpikingNetworkGraphs.weightScaleKey("fc3"), "0.037");
    assertThat(SpikingNetworkGraphs.fromGraph(graph)).isEqualTo(network);
  }

  @Test
  @DisplayName(
      "LIF nodes get tau = dt / (1 - beta), r = tau / dt, v_leak = v_reset = 0 and the threshold")
  void lifParametersFollowTheMapping() {
    SpikingNetwork network = network("12-8-3", 0.9f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT);
    LifNode lif = (LifNode) SpikingNetworkGraphs.toGraph(network, DT).node("lif0");
    double tau = DT / (1 - (double) 0.9f);
    assertThat(lif.tau().isUniform(tau)).isTrue();
    assertThat(lif.r().isUniform(tau / DT)).isTrue();
    assertThat(lif.vLeak().isUniform(0)).isTrue();
    assertThat(lif.vReset().isUniform(0)).isTrue();
    assertThat(lif.vThreshold().isUniform(0.5)).isTrue();
  }

  @Test
  @DisplayName("IF nodes get r = 1 / dt, so that one Euler step adds the input current once")
  void ifResistanceIsOneOverDt() {
    SpikingNetwork network = network("12-8-3", 1f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT);
    IfNode neurons = (IfNode) SpikingNetworkGraphs.toGraph(network, DT).node("if0");
    assertThat(neurons.r().isUniform(1 / DT)).isTrue();
  }

  @Test
  @DisplayName(
      "the graph states dt, T, the read-out and reset by subtraction for every spiking node")
  void metadataStatesTheRun() {
    SpikingNetwork network = network("12-8-3", 0.9f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT);
    NetworkGraph graph = SpikingNetworkGraphs.toGraph(network, DT);
    assertThat(GraphAnnotations.timeStep(graph)).hasValue(DT);
    assertThat(graph.metadata())
        .containsEntry(GraphAnnotations.TIME_STEPS, "6")
        .containsEntry(GraphAnnotations.READOUT, GraphAnnotations.READOUT_SPIKE_COUNT);
    assertThat(GraphAnnotations.resetsBySubtraction(graph, "lif0")).isTrue();
    assertThat(GraphAnnotations.resetsBySubtraction(graph, "lif1")).isTrue();
  }

  @Test
  @DisplayName("an Affine weight [j][i] is the dense layer's synapse from input i to neuron j")
  void affineIsTheTransposedDenseLayer() {
    SpikingNetwork network = network("12-8-3", 0.9f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT);
    AffineNode affine = (AffineNode) SpikingNetworkGraphs.toGraph(network, DT).node("fc0");
    float[] w = network.layer(0).weights();
    assertThat(affine.weight().get(5 * 12 + 11)).isEqualTo(w[11 * 8 + 5]);
  }

  @Test
  @DisplayName(
      "a Conv2d weight [co][ci][ky][kx] is the layer's kernel tap (ky, kx, ci) to channel co")
  void convolutionIsChannelFirst() {
    SpikingNetwork network = network(CONV, 0.9f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT);
    NetworkGraph graph = SpikingNetworkGraphs.toGraph(network, DT);
    Conv2dNode conv = (Conv2dNode) graph.node("conv0");
    float[] hwio = network.layer(0).weights();
    int co = 2;
    int ci = 1;
    int ky = 0;
    int kx = 2;
    assertThat(conv.weight().get(((co * 2 + ci) * 3 + ky) * 3 + kx))
        .isEqualTo(hwio[((ky * 3 + kx) * 2 + ci) * 3 + co]);
    assertThat(conv.stride()).isEqualTo(Size2d.square(1));
    assertThat(conv.padding()).isEqualTo(Size2d.square(1));
    assertThat(graph.node("pool0"))
        .isEqualTo(
            new Pool2dNode(
                Pool2dNode.Pooling.AVERAGE, Size2d.square(2), Size2d.square(2), Size2d.square(0)));
  }

  @Test
  @DisplayName("beta survives tau = dt / (1 - beta) and back for any float beta and time step")
  void betaRoundTripIsExact() {
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 20_000; trial++) {
      float beta = Math.max(Float.MIN_NORMAL, (float) random.nextDouble(1e-6, 1));
      double dt = Math.pow(10, random.nextDouble(-6, 0));
      LifNode lif = (LifNode) SnnTorchNeuronMapping.spiking(Shape.of(1), beta, 1f, dt);
      assertThat(SnnTorchNeuronMapping.beta("lif", lif, dt))
          .as("beta %s at dt %s", beta, dt)
          .isEqualTo(beta);
    }
  }

  @Test
  @DisplayName("the graph run by forward Euler gives the trainer's spike counts (dense network)")
  void denseGraphRunsLikeTheTrainer() {
    assertRunsLikeTheTrainer(network("12-8-3", 0.9f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT), 0);
  }

  @Test
  @DisplayName(
      "the graph run by forward Euler gives the trainer's mean membrane (convolutional network)")
  void convolutionalGraphRunsLikeTheTrainer() {
    assertRunsLikeTheTrainer(network(CONV, 0.9f, ResetMode.ZERO, Readout.MEMBRANE), 1e-4);
  }

  /**
   * Compares the trainer's logits with the graph's, fed the sample channel-first, on a few random
   * samples.
   */
  private static void assertRunsLikeTheTrainer(SpikingNetwork network, double tolerance) {
    for (SpikingLayer layer : network.layers()) {
      float[] w = layer.weights();
      for (int i = 0; i < w.length; i++) {
        w[i] *= 3; // enough drive that every layer spikes
      }
    }
    NetworkGraph graph = SpikingNetworkGraphs.toGraph(network, DT);
    EulerChainSimulator simulator = new EulerChainSimulator(graph);
    Shape inputShape = graph.outputShape("input");
    SplittableRandom random = new SplittableRandom(5);
    BpttWorkspace trainer =
        new BpttWorkspace(
            network, SurrogateFunction.of(SurrogateKind.FAST_SIGMOID), false, true, false);
    double activity = 0;
    for (int sample = 0; sample < 5; sample++) {
      float[] channelLast = new float[network.inputs()];
      for (int i = 0; i < channelLast.length; i++) {
        channelLast[i] = (float) random.nextDouble();
      }
      float[] channelFirst = new float[channelLast.length];
      for (int g = 0; g < channelFirst.length; g++) {
        channelFirst[g] = channelLast[ChannelOrder.channelLastIndex(g, inputShape)];
      }
      trainer.forward(channelLast, 0);
      double[][] steps = simulator.run(channelFirst, network.timesteps());
      for (int k = 0; k < network.outputs(); k++) {
        double logit = 0;
        for (double[] step : steps) {
          logit += step[k];
        }
        if (network.readout() == Readout.MEMBRANE) {
          logit /= network.timesteps();
        }
        assertThat(logit)
            .as("sample %d, output %d", sample, k)
            .isCloseTo(trainer.logits()[k], within(tolerance));
        activity += Math.abs(logit);
      }
    }
    assertThat(activity).isPositive();
  }

  @Test
  @DisplayName("a graph with sum pooling is refused, naming the node")
  void sumPoolingIsRefused() {
    NetworkGraph graph =
        SpikingNetworkGraphs.toGraph(
            network(CONV, 0.9f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT), DT);
    NetworkGraph summed =
        graph.toBuilder()
            .replace(
                "pool0",
                new Pool2dNode(
                    Pool2dNode.Pooling.SUM, Size2d.square(2), Size2d.square(2), Size2d.square(0)))
            .build();
    assertThatThrownBy(() -> SpikingNetworkGraphs.fromGraph(summed))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'pool0'")
        .hasMessageContaining("SumPool2d");
  }

  @Test
  @DisplayName("a graph without the number of time steps is refused, naming the metadata key")
  void missingTimestepsIsRefused() {
    NetworkGraph graph =
        SpikingNetworkGraphs.toGraph(
            network("12-8-3", 0.9f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT), DT);
    NetworkGraph.Builder builder = NetworkGraph.builder();
    graph.nodes().forEach(builder::node);
    graph.edges().forEach(e -> builder.edge(e.source(), e.target()));
    builder.metadata(GraphAnnotations.TIME_STEP, Double.toString(DT));
    assertThatThrownBy(() -> SpikingNetworkGraphs.fromGraph(builder.build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(GraphAnnotations.TIME_STEPS);
  }

  @Test
  @DisplayName("layers with different thresholds are refused: the trainer's network has one")
  void differentThresholdsAreRefused() {
    NetworkGraph graph =
        SpikingNetworkGraphs.toGraph(
            network("12-8-3", 0.9f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT), DT);
    LifNode lif = (LifNode) graph.node("lif1");
    NetworkGraph changed =
        graph.toBuilder()
            .replace(
                "lif1", new LifNode(lif.tau(), lif.r(), lif.vLeak(), lif.vReset(), lif.vReset()))
            .build();
    assertThatThrownBy(() -> SpikingNetworkGraphs.fromGraph(changed))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'lif1'")
        .hasMessageContaining("one threshold");
  }

  @Test
  @DisplayName("a non-positive time step is refused at export")
  void badTimeStepIsRefused() {
    SpikingNetwork network = network("12-8-3", 0.9f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT);
    assertThatThrownBy(() -> SpikingNetworkGraphs.toGraph(network, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dt");
  }

  @Test
  @DisplayName("the Input of a convolutional network has the first layer's [C, H, W] shape")
  void convolutionalInputShape() {
    NetworkGraph graph =
        SpikingNetworkGraphs.toGraph(
            network(CONV, 0.9f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT), DT);
    assertThat(graph.outputShape("input")).isEqualTo(Shape.of(2, 10, 10));
    assertThat(((Conv2dNode) graph.node("conv0")).inputSize())
        .isEqualTo(Optional.of(new Size2d(10, 10)));
  }
}
