package org.snncodesign.neurons.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.graph.AffineNode;
import org.snncodesign.api.graph.ElementType;
import org.snncodesign.api.graph.InputNode;
import org.snncodesign.api.graph.LifNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.OutputNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Tensor;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.neuron.Discretization;

/** Graph plus recorded spikes as the accelerator models' workload. */
class GraphWorkloadsTest {
  private static final double DT = 1e-3;

  private static LifNode lif(int n) {
    Shape s = Shape.of(n);
    return new LifNode(
        Tensor.filled(s, 5e-3, ElementType.FLOAT64),
        Tensor.filled(s, 5, ElementType.FLOAT64),
        Tensor.filled(s, 0, ElementType.FLOAT64),
        Tensor.filled(s, 0.5, ElementType.FLOAT64),
        Tensor.filled(s, 0, ElementType.FLOAT64));
  }

  private static AffineNode dense(int out, int in, float w) {
    float[] weight = new float[out * in];
    for (int k = 0; k < weight.length; k++) {
      weight[k] = k % 3 == 0 ? 0f : w * (1 + k % 5);
    }
    return new AffineNode(
        Tensor.ofFloats(Shape.of(out, in), weight), Tensor.vector(new float[out]));
  }

  private final NetworkGraph graph =
      NetworkGraph.builder()
          .node("pixels", new InputNode(Shape.of(6)))
          .node("fc1", dense(4, 6, 0.3f))
          .node("lif1", lif(4))
          .node("fc2", dense(3, 4, 0.4f))
          .node("lif2", lif(3))
          .node("output", new OutputNode(Shape.of(3)))
          .chain("pixels", "fc1", "lif1", "fc2", "lif2", "output")
          .build();
  private final GraphSimulator simulator =
      GraphSimulator.builder(graph, Discretization.forwardEuler(DT)).build();
  private final GraphRecording run =
      simulator.run(Stimulus.constant(new float[] {0, 0.2f, 0.4f, 0.6f, 0.8f, 1}, 20));

  @Test
  @DisplayName(
      "Each spike-driven projection is a layer with its source's measured spikes and composed weights")
  void spikeDrivenProjectionsAreMeasuredLayers() {
    Workload workload = GraphWorkloads.workload(simulator, run, "two layers");

    assertThat(workload.layers()).extracting(LayerWorkload::name).containsExactly("lif1->lif2");
    LayerWorkload hidden = workload.layers().get(0);
    assertThat(hidden.spikes()).contains(run.spikes("lif1"));
    assertThat(hidden.weights()).contains(simulator.projections().get(1).weights());
    assertThat(hidden.weightBits()).isEqualTo(32);
    assertThat(run.spikes("lif1").count()).isPositive();
  }

  @Test
  @DisplayName(
      "An analog first projection is left out, or priced as 8 bit planes of the quantised input")
  void analogInputIsExcludedOrBitPlanes() {
    Workload bitPlanes =
        GraphWorkloads.workload(simulator, run, "planes", GraphWorkloads.AnalogInput.BIT_PLANES, 8);

    LayerWorkload first = bitPlanes.layers().get(0);
    assertThat(first.name()).isEqualTo("pixels->lif1 (8 input bit planes)");
    assertThat(first.timeSteps()).isEqualTo(8);
    // 0.2 -> round(51) = 0b00110011: bits 0, 1, 4, 5
    assertThat(first.spikes().orElseThrow().train(1).times()).containsExactly(0, 1, 4, 5);
    assertThat(first.weightBits()).isEqualTo(8);
    assertThat(GraphWorkloads.workload(simulator, run, "excluded").layers()).hasSize(1);
  }

  @Test
  @DisplayName("A plain edge into an Output node is not priced as a layer")
  void outputEdgeIsNotALayer() {
    assertThat(simulator.projections())
        .extracting(ComposedProjection::name)
        .contains("lif2->output");
    assertThat(GraphWorkloads.workload(simulator, run, "w").layers())
        .extracting(LayerWorkload::name)
        .doesNotContain("lif2->output");
  }

  @Test
  @DisplayName(
      "The mean inference over several recordings carries the mean input density and the weights")
  void meanInferenceAveragesRates() {
    GraphRecording quiet = simulator.run(Stimulus.constant(new float[6], 20));
    Workload mean =
        GraphWorkloads.meanInference(
            simulator,
            java.util.List.of(run, quiet),
            "mean",
            GraphWorkloads.AnalogInput.EXCLUDED,
            4);

    LayerWorkload hidden = mean.layers().get(0);
    assertThat(hidden.spikeRate())
        .isCloseTo(run.spikes("lif1").density() / 2, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(hidden.spikes()).isEmpty();
    assertThat(hidden.weights()).contains(simulator.projections().get(1).weights());
    assertThat(hidden.weightBits()).isEqualTo(4);
    assertThat(hidden.timeSteps()).isEqualTo(20);
  }

  @Test
  @DisplayName("Random input spikes follow the seed and the rate")
  void bernoulliStimulus() {
    Stimulus a = Stimulus.bernoulli(100, 200, 0.1, 7);
    assertThat(a.spikeRaster())
        .isEqualTo(Stimulus.bernoulli(100, 200, 0.1, 7).spikeRaster())
        .isNotEqualTo(Stimulus.bernoulli(100, 200, 0.1, 8).spikeRaster());
    assertThat(a.spikeRaster().density()).isBetween(0.08, 0.12);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Stimulus.bernoulli(1, 1, 1.5, 1))
        .hasMessageContaining("1.5");
  }
}
