package org.snncodesign.flow.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.api.graph.AffineNode;
import org.snncodesign.api.graph.ElementType;
import org.snncodesign.api.graph.InputNode;
import org.snncodesign.api.graph.LifNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.OutputNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Tensor;
import org.snncodesign.api.neuron.Discretization;
import org.snncodesign.flow.measure.MeasuredRun;
import org.snncodesign.flow.measure.MeasuredWorkload;
import org.snncodesign.neurons.graph.GraphRecording;
import org.snncodesign.neurons.graph.GraphSimulator;
import org.snncodesign.neurons.graph.GraphWorkloads;
import org.snncodesign.neurons.graph.Stimulus;

class GraphMeasurementTest {
  private static LifNode lif(int n) {
    Shape s = Shape.of(n);
    return new LifNode(
        Tensor.filled(s, 5e-3, ElementType.FLOAT64),
        Tensor.filled(s, 5, ElementType.FLOAT64),
        Tensor.filled(s, 0, ElementType.FLOAT64),
        Tensor.filled(s, 0.5, ElementType.FLOAT64),
        Tensor.filled(s, 0, ElementType.FLOAT64));
  }

  private static AffineNode dense(int out, int in) {
    return new AffineNode(
        Tensor.filled(Shape.of(out, in), 0.3, ElementType.FLOAT32),
        Tensor.filled(Shape.of(out), 0, ElementType.FLOAT32));
  }

  private final NetworkGraph graph =
      NetworkGraph.builder()
          .node("input", new InputNode(Shape.of(4)))
          .node("fc1", dense(3, 4))
          .node("lif1", lif(3))
          .node("fc2", dense(2, 3))
          .node("lif2", lif(2))
          .node("output", new OutputNode(Shape.of(2)))
          .chain("input", "fc1", "lif1", "fc2", "lif2", "output")
          .build();
  private final GraphSimulator simulator =
      GraphSimulator.builder(graph, Discretization.forwardEuler(1e-3)).build();

  @Test
  @DisplayName(
      "random spikes: one stimulus per sample, each from its own seed, all projections spike-driven")
  void randomSpikes() {
    List<Stimulus> stimuli = GraphMeasurement.randomSpikes(graph, 3, 50, 0.3, 7);
    assertThat(stimuli).hasSize(3);
    assertThat(stimuli.get(0).spikeRaster())
        .isEqualTo(Stimulus.bernoulli(4, 50, 0.3, 7).spikeRaster());
    assertThat(stimuli.get(1).spikeRaster())
        .isEqualTo(Stimulus.bernoulli(4, 50, 0.3, 8).spikeRaster());
    GraphMeasurement.Priced priced =
        GraphMeasurement.price(
            simulator,
            GraphMeasurement.run(simulator, stimuli),
            "net",
            GraphWorkloads.AnalogInput.BIT_PLANES,
            32);
    assertThat(priced.priced().layers()).hasSize(2);
    assertThat(priced.spikeDrivenOnly()).isEmpty();
  }

  @Test
  @DisplayName(
      "data samples are held as constant input; the analog projection is priced as bit planes, and the "
          + "spike-driven part is given beside it")
  void dataSamples() {
    LabeledDataset data =
        new LabeledDataset(
            "four",
            new int[] {4},
            new float[] {1, 0, 1, 0, 0, 1, 0, 1, 1, 1, 0, 0},
            new int[] {0, 1, 0},
            List.of("a", "b"));
    List<Stimulus> stimuli = GraphMeasurement.dataSamples(graph, data, 2, 20);
    assertThat(stimuli).hasSize(2).allSatisfy(s -> assertThat(s.isConstant()).isTrue());
    List<GraphRecording> runs = GraphMeasurement.run(simulator, stimuli);
    GraphMeasurement.Priced priced =
        GraphMeasurement.price(simulator, runs, "net", GraphWorkloads.AnalogInput.BIT_PLANES, 32);
    assertThat(priced.priced().layers()).hasSize(2);
    assertThat(priced.spikeDrivenOnly()).hasValueSatisfying(w -> assertThat(w.layers()).hasSize(1));
  }

  @Test
  @DisplayName("a data set of another width is refused, naming both sizes")
  void wrongWidth() {
    LabeledDataset wide =
        new LabeledDataset("wide", new int[] {5}, new float[5], new int[] {0}, List.of("a"));
    assertThatThrownBy(() -> GraphMeasurement.dataSamples(graph, wide, 1, 10))
        .hasMessageContaining("takes 4")
        .hasMessageContaining("has 5");
  }

  @Test
  @DisplayName(
      "data samples encoded by a coding plugin become spike stimuli, every projection spike-driven")
  void encodedSamples() {
    LabeledDataset data =
        new LabeledDataset(
            "four",
            new int[] {4},
            new float[] {1, 0, 1, 0, 0, 1, 0, 1},
            new int[] {0, 1},
            List.of("a", "b"));
    org.snncodesign.api.coding.SpikeEncoder rate =
        org.snncodesign.api.plugin.PluginRegistry.discover()
            .require(org.snncodesign.api.coding.SpikeEncoder.class, "rate");
    List<Stimulus> stimuli = GraphMeasurement.encodedSamples(graph, data, rate, 2, 30, 9);
    assertThat(stimuli).hasSize(2).allSatisfy(s -> assertThat(s.isSpikes()).isTrue());
    assertThat(stimuli.get(0).spikeRaster().countsPerNeuron()[0]).isPositive();
    assertThat(stimuli.get(0).spikeRaster().countsPerNeuron()[1]).isZero();
    GraphMeasurement.Priced priced =
        GraphMeasurement.price(
            simulator,
            GraphMeasurement.run(simulator, stimuli),
            "net",
            GraphWorkloads.AnalogInput.BIT_PLANES,
            32);
    assertThat(priced.priced().layers()).hasSize(2);
    assertThat(priced.priced().layers().get(0).name()).isEqualTo("input->lif1");
  }

  @Test
  @DisplayName(
      "measuring spike stimuli prices every projection as spike-driven and names the coding")
  void measureSpikes() {
    MeasuredWorkload measured =
        GraphMeasurement.measure(
            simulator,
            GraphMeasurement.randomSpikes(graph, 2, 20, 0.3, 1),
            "net",
            MeasuredRun.FirstLayer.BIT_PLANES,
            Optional.of("rate"),
            32);
    assertThat(measured.priced().layers()).hasSize(2);
    assertThat(measured.spikeLayersOnly()).isEmpty();
    assertThat(measured.firstLayerNote())
        .isEqualTo("spike input (rate coding): every projection is spike-driven");
  }

  @Test
  @DisplayName(
      "measuring analog stimuli prices the first projection as bit planes and keeps the rest apart")
  void measureAnalog() {
    List<Stimulus> stimuli = List.of(Stimulus.constant(new float[] {0.2f, 0.9f, 0.4f, 1f}, 20));
    MeasuredWorkload measured =
        GraphMeasurement.measure(
            simulator, stimuli, "net", MeasuredRun.FirstLayer.BIT_PLANES, Optional.empty(), 32);
    assertThat(measured.priced().layers()).hasSize(2);
    assertThat(measured.spikeLayersOnly()).get().satisfies(w -> assertThat(w.layers()).hasSize(1));
    assertThat(measured.firstLayerNote()).isEqualTo(MeasuredRun.FirstLayer.BIT_PLANES.note());
    assertThat(
            GraphMeasurement.measure(
                    simulator,
                    stimuli,
                    "net",
                    MeasuredRun.FirstLayer.EXCLUDED,
                    Optional.empty(),
                    32)
                .spikeLayersOnly())
        .isEmpty();
  }
}
