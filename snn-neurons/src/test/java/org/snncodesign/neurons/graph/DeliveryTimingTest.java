package org.snncodesign.neurons.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.graph.AffineNode;
import org.snncodesign.api.graph.DelayNode;
import org.snncodesign.api.graph.ElementType;
import org.snncodesign.api.graph.IfNode;
import org.snncodesign.api.graph.InputNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.OutputNode;
import org.snncodesign.api.graph.ScaleNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Tensor;
import org.snncodesign.api.neuron.Discretization;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * When a spike arrives: same step along feed-forward edges, one step later along recurrent ones,
 * plus Delays.
 */
class DeliveryTimingTest {
  private static final double DT = 1e-3;
  private static final Shape ONE = Shape.of(1);

  /**
   * An IF neuron that fires on any input >= 1 and forgets it (dt r = 1, threshold 0.5, reset 0).
   */
  private static IfNode relay(Shape shape) {
    return new IfNode(
        Tensor.filled(shape, 1 / DT, ElementType.FLOAT64),
        Tensor.filled(shape, 0.5, ElementType.FLOAT64),
        Tensor.filled(shape, 0, ElementType.FLOAT64));
  }

  private static AffineNode unit() {
    return new AffineNode(Tensor.ofFloats(Shape.of(1, 1), 1f), Tensor.vector(0f));
  }

  private static SpikeRaster spikeAt(int steps, int t) {
    SpikeRaster raster = new SpikeRaster(steps, 1);
    raster.set(t, 0);
    return raster;
  }

  private static GraphRecording run(NetworkGraph graph, SpikeRaster input) {
    return GraphSimulator.builder(graph, Discretization.forwardEuler(DT))
        .build()
        .run(Stimulus.spikes(input));
  }

  @Test
  @DisplayName("A spike crosses a chain of feed-forward layers within the step it was emitted")
  void feedForwardDeliversInTheSameStep() {
    NetworkGraph graph =
        NetworkGraph.builder()
            .node("input", new InputNode(ONE))
            .node("fc1", unit())
            .node("if1", relay(ONE))
            .node("fc2", unit())
            .node("if2", relay(ONE))
            .node("output", new OutputNode(ONE))
            .chain("input", "fc1", "if1", "fc2", "if2", "output")
            .build();

    GraphRecording run = run(graph, spikeAt(10, 4));

    assertThat(run.spikes("if1").train(0).times()).containsExactly(4);
    assertThat(run.spikes("if2").train(0).times()).containsExactly(4);
    assertThat(run.output()[4][0]).isEqualTo(1f);
  }

  @Test
  @DisplayName("A Delay of 3 dt holds a spike for 3 extra steps")
  void delayNodeAddsItsSteps() {
    NetworkGraph graph =
        NetworkGraph.builder()
            .node("input", new InputNode(ONE))
            .node("delay", new DelayNode(Tensor.ofDoubles(ONE, 3 * DT)))
            .node("fc", unit())
            .node("if", relay(ONE))
            .node("output", new OutputNode(ONE))
            .chain("input", "delay", "fc", "if", "output")
            .build();

    assertThat(run(graph, spikeAt(10, 4)).spikes("if").train(0).times()).containsExactly(7);
  }

  @Test
  @DisplayName(
      "Along a recurrent edge a spike arrives one step later: a self-exciting relay fires every step after")
  void recurrentEdgeDeliversOneStepLater() {
    NetworkGraph graph =
        NetworkGraph.builder()
            .node("input", new InputNode(ONE))
            .node("fc", unit())
            .node("if", relay(ONE))
            .node("loop", new ScaleNode(Tensor.vector(1f)))
            .node("output", new OutputNode(ONE))
            .chain("input", "fc", "if", "output")
            .chain("if", "loop", "if")
            .build();

    GraphSimulator simulator =
        GraphSimulator.builder(graph, Discretization.forwardEuler(DT)).build();

    assertThat(simulator.projections())
        .filteredOn(p -> p.name().equals("if->if"))
        .singleElement()
        .satisfies(p -> assertThat(p.delaySteps()).containsExactly(1));
    assertThat(simulator.run(Stimulus.spikes(spikeAt(8, 4))).spikes("if").train(0).times())
        .containsExactly(4, 5, 6, 7);
  }

  @Test
  @DisplayName("Per-element delays of a Delay node become per-synapse delays of one projection")
  void perElementDelaysBecomePerSynapseDelays() {
    Shape two = Shape.of(2);
    NetworkGraph graph =
        NetworkGraph.builder()
            .node("input", new InputNode(two))
            .node("delay", new DelayNode(Tensor.ofDoubles(two, 0, 2 * DT)))
            .node("if", relay(two))
            .node("output", new OutputNode(two))
            .chain("input", "delay", "if", "output")
            .build();
    SpikeRaster input = new SpikeRaster(6, 2);
    input.set(1, 0);
    input.set(1, 1);

    GraphSimulator simulator =
        GraphSimulator.builder(graph, Discretization.forwardEuler(DT)).build();
    SpikeRaster spikes = simulator.run(Stimulus.spikes(input)).spikes("if");

    assertThat(simulator.projections())
        .filteredOn(p -> p.name().equals("input->if"))
        .singleElement()
        .satisfies(p -> assertThat(p.delaySteps()).containsExactly(0, 2));
    assertThat(spikes.train(0).times()).containsExactly(1);
    assertThat(spikes.train(1).times()).containsExactly(3);
  }
}
