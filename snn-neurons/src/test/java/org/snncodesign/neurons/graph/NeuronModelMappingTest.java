package org.snncodesign.neurons.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.graph.AffineNode;
import org.snncodesign.api.graph.ElementType;
import org.snncodesign.api.graph.GraphAnnotations;
import org.snncodesign.api.graph.IfNode;
import org.snncodesign.api.graph.InputNode;
import org.snncodesign.api.graph.LifNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.NeuronNode;
import org.snncodesign.api.graph.OutputNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Tensor;
import org.snncodesign.api.neuron.Discretization;
import org.snncodesign.api.neuron.NeuronModel;
import org.snncodesign.api.neuron.NeuronParameters;
import org.snncodesign.api.neuron.NeuronPopulation;
import org.snncodesign.api.spike.SpikeRaster;

/** Which neuron model runs a node, and what the built-in ones compute. */
class NeuronModelMappingTest {
  private static final double DT = 1e-4;
  private static final Shape ONE = Shape.of(1);

  private static NetworkGraph lif(double tau, double r, double threshold) {
    return NetworkGraph.builder()
        .node("input", new InputNode(ONE))
        .node("fc", new AffineNode(Tensor.ofFloats(Shape.of(1, 1), 1f), Tensor.vector(0f)))
        .node(
            "lif",
            new LifNode(
                Tensor.ofDoubles(ONE, tau),
                Tensor.ofDoubles(ONE, r),
                Tensor.ofDoubles(ONE, 0),
                Tensor.ofDoubles(ONE, threshold),
                Tensor.ofDoubles(ONE, 0)))
        .node("output", new OutputNode(ONE))
        .chain("input", "fc", "lif", "output")
        .build();
  }

  private static SpikeRaster regularSpikes(int steps, int every) {
    SpikeRaster raster = new SpikeRaster(steps, 1);
    for (int t = 0; t < steps; t += every) {
      raster.set(t, 0);
    }
    return raster;
  }

  /**
   * A third-party LIF, not a built-in: forward Euler written out, one neuron array per parameter.
   */
  static final class ThirdPartyLif implements NeuronModel {
    @Override
    public String name() {
      return "third-party-lif";
    }

    @Override
    public String description() {
      return "test-only LIF";
    }

    @Override
    public ApiVersion apiVersion() {
      return ApiVersion.CURRENT;
    }

    @Override
    public Map<String, Double> defaultParameters() {
      return Map.of();
    }

    @Override
    public NeuronPopulation create(int size, NeuronParameters parameters) {
      throw new UnsupportedOperationException("graph nodes only");
    }

    @Override
    public Set<String> graphNodeTypes() {
      return Set.of("LIF");
    }

    @Override
    public NeuronPopulation create(
        NeuronNode node, Discretization discretization, boolean resetBySubtraction) {
      LifNode lif = (LifNode) node;
      double[] tau = lif.tau().toDoubleArray();
      double[] r = lif.r().toDoubleArray();
      double[] threshold = lif.vThreshold().toDoubleArray();
      double dt = discretization.dt();
      return new NeuronPopulation() {
        private final float[] v = new float[tau.length];

        @Override
        public int size() {
          return v.length;
        }

        @Override
        public double dt() {
          return dt;
        }

        @Override
        public int step(float[] input, long[] spikes) {
          Arrays.fill(spikes, 0L);
          int count = 0;
          for (int i = 0; i < v.length; i++) {
            v[i] += (float) (dt / tau[i] * (-v[i] + r[i] * input[i]));
            if (v[i] > threshold[i]) {
              v[i] = 0;
              spikes[i >>> 6] |= 1L << i;
              count++;
            }
          }
          return count;
        }

        @Override
        public float[] membranePotential() {
          return v;
        }

        @Override
        public void reset() {
          Arrays.fill(v, 0f);
        }
      };
    }
  }

  @Test
  @DisplayName("A third-party NeuronModel runs a graph's LIF node as the built-in lif plugin does")
  void thirdPartyModelRunsTheLifNode() {
    NetworkGraph graph = lif(2.5e-3, 1, 0.1);
    SpikeRaster input = regularSpikes(2000, 7);

    SpikeRaster builtIn =
        GraphSimulator.builder(graph, Discretization.forwardEuler(DT))
            .build()
            .run(Stimulus.spikes(input))
            .spikes("lif");
    GraphSimulator withPlugin =
        GraphSimulator.builder(graph, Discretization.forwardEuler(DT))
            .modelForNode("lif", new ThirdPartyLif())
            .build();
    SpikeRaster thirdParty = withPlugin.run(Stimulus.spikes(input)).spikes("lif");

    assertThat(builtIn.count()).isGreaterThan(10);
    assertThat(thirdParty).isEqualTo(builtIn);
    assertThat(withPlugin.neuronModels()).containsExactly(entry("lif", new ThirdPartyLif().name()));
    assertThat(
            GraphSimulator.builder(graph, Discretization.forwardEuler(DT)).build().neuronModels())
        .containsExactly(entry("lif", "lif"));
  }

  @Test
  @DisplayName(
      "A plugin that does not run the node's type is refused naming node, type, plugin and what it runs")
  void pluginWithoutTheTypeIsRefused() {
    assertThatThrownBy(
            () ->
                GraphSimulator.builder(lif(2.5e-3, 1, 0.1), Discretization.forwardEuler(DT))
                    .modelForType("LIF", "if")
                    .build())
        .hasMessageContaining("'lif'")
        .hasMessageContaining("(LIF)")
        .hasMessageContaining("'if'")
        .hasMessageContaining("[I, IF, Threshold]");
  }

  @Test
  @DisplayName(
      "snnTorch's export (tau = dt / (1 - beta), r = tau / dt) runs as v = beta v + I, bit for bit")
  void snnTorchExportMapsBackToBeta() {
    float beta = 0.9f;
    double tau = DT / (1 - beta);
    float[][] current = new float[50][];
    for (int t = 0; t < current.length; t++) {
      current[t] = new float[] {(float) Math.sin(0.3 * t)};
    }

    float[][] v =
        GraphSimulator.builder(lif(tau, tau / DT, 1e6), Discretization.forwardEuler(DT))
            .recordVoltages(true)
            .build()
            .run(Stimulus.values(current))
            .voltages("lif");

    float expected = 0f;
    for (int t = 0; t < current.length; t++) {
      expected = beta * expected + current[t][0];
      assertThat(v[t][0]).as("step %d", t).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("A node annotated to reset by subtraction keeps the residue above threshold")
  void resetBySubtractionFollowsTheAnnotation() {
    NetworkGraph plain =
        NetworkGraph.builder()
            .node("input", new InputNode(ONE))
            .node(
                "if",
                new IfNode(
                    Tensor.filled(ONE, 1 / DT, ElementType.FLOAT64),
                    Tensor.ofDoubles(ONE, 1),
                    Tensor.ofDoubles(ONE, 0)))
            .node("output", new OutputNode(ONE))
            .chain("input", "if", "output")
            .build();
    NetworkGraph subtracting =
        plain.toBuilder()
            .metadata(GraphAnnotations.resetKey("if"), GraphAnnotations.RESET_BY_SUBTRACTION)
            .build();
    Stimulus input = Stimulus.constant(new float[] {1.5f}, 3);

    float[][] reset =
        GraphSimulator.builder(plain, Discretization.forwardEuler(DT))
            .recordVoltages(true)
            .build()
            .run(input)
            .voltages("if");
    float[][] residue =
        GraphSimulator.builder(subtracting, Discretization.forwardEuler(DT))
            .recordVoltages(true)
            .build()
            .run(input)
            .voltages("if");

    assertThat(new float[] {reset[0][0], reset[1][0], reset[2][0]}).containsExactly(0f, 0f, 0f);
    assertThat(new float[] {residue[0][0], residue[1][0], residue[2][0]})
        .containsExactly(0.5f, 1f, 1.5f);
  }
}
