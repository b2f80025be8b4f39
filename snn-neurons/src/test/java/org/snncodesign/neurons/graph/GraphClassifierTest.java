package org.snncodesign.neurons.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.api.graph.AffineNode;
import org.snncodesign.api.graph.ElementType;
import org.snncodesign.api.graph.GraphAnnotations;
import org.snncodesign.api.graph.InputNode;
import org.snncodesign.api.graph.IntegratorNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.OutputNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Tensor;
import org.snncodesign.api.neuron.Discretization;

class GraphClassifierTest {
  private static final double DT = 1e-3;

  /** Two inputs, two integrators: class k wins when input k is the larger (identity weights). */
  private static NetworkGraph identity(String readout) {
    NetworkGraph.Builder builder =
        NetworkGraph.builder()
            .node("input", new InputNode(Shape.of(2)))
            .node(
                "fc",
                new AffineNode(Tensor.ofFloats(Shape.of(2, 2), 1, 0, 0, 1), Tensor.vector(0, 0)))
            .node("i", new IntegratorNode(Tensor.filled(Shape.of(2), 1 / DT, ElementType.FLOAT64)))
            .node("output", new OutputNode(Shape.of(2)))
            .chain("input", "fc", "i", "output");
    if (readout != null) {
      builder.metadata(GraphAnnotations.READOUT, readout);
    }
    return builder.build();
  }

  private static final LabeledDataset DATA =
      new LabeledDataset(
          "pairs",
          new int[] {2},
          new float[] {0.9f, 0.1f, 0.2f, 0.7f, 0.4f, 0.5f},
          new int[] {0, 1, 0},
          List.of("a", "b"));

  @Test
  @DisplayName("the class is the Output element with the largest score; accuracy counts labels met")
  void classifies() {
    GraphSimulator simulator =
        GraphSimulator.builder(identity(null), Discretization.forwardEuler(DT)).build();
    GraphClassifier.Result result =
        GraphClassifier.evaluate(simulator, DATA, 5, GraphClassifier.Scoring.LAST_MEMBRANE, 10);
    assertThat(result.samples()).isEqualTo(3);
    assertThat(result.correct()).isEqualTo(2);
    assertThat(result.accuracy()).isEqualTo(2 / 3.0);
  }

  @Test
  @DisplayName(
      "the scoring comes from the graph's read-out metadata, spike count by default, unknown refused")
  void scoringFromMetadata() {
    assertThat(GraphClassifier.Scoring.of(identity(null)))
        .isEqualTo(GraphClassifier.Scoring.SPIKE_COUNT);
    assertThat(GraphClassifier.Scoring.of(identity(GraphAnnotations.READOUT_MEAN_MEMBRANE)))
        .isEqualTo(GraphClassifier.Scoring.MEAN_MEMBRANE);
    assertThatThrownBy(() -> GraphClassifier.Scoring.of(identity("vote")))
        .hasMessageContaining("'vote'");
  }

  @Test
  @DisplayName("ties go to the first class, and the last step alone decides under LAST_MEMBRANE")
  void predictRules() {
    float[][] run = {{3, 0}, {0, 1}};
    assertThat(GraphClassifier.predict(run, GraphClassifier.Scoring.SPIKE_COUNT)).isZero();
    assertThat(GraphClassifier.predict(run, GraphClassifier.Scoring.LAST_MEMBRANE)).isOne();
    assertThat(GraphClassifier.predict(new float[][] {{1, 1}}, GraphClassifier.Scoring.SPIKE_COUNT))
        .isZero();
  }

  @Test
  @DisplayName("a data set of the wrong width is refused, naming both sizes")
  void wrongWidth() {
    GraphSimulator simulator =
        GraphSimulator.builder(identity(null), Discretization.forwardEuler(DT)).build();
    LabeledDataset wide =
        new LabeledDataset("wide", new int[] {3}, new float[3], new int[] {0}, List.of("a"));
    assertThatThrownBy(
            () ->
                GraphClassifier.evaluate(
                    simulator, wide, 2, GraphClassifier.Scoring.SPIKE_COUNT, 1))
        .hasMessageContaining("takes 2 values")
        .hasMessageContaining("has 3");
  }

  @Test
  @DisplayName(
      "the time-step count comes from the graph, a fallback otherwise, and a malformed one is refused")
  void timeSteps() {
    assertThat(GraphClassifier.timeSteps(identity(null), 7)).isEqualTo(7);
    NetworkGraph stated =
        identity(null).toBuilder().metadata(GraphAnnotations.TIME_STEPS, "12").build();
    assertThat(GraphClassifier.timeSteps(stated, 7)).isEqualTo(12);
    NetworkGraph bad =
        identity(null).toBuilder().metadata(GraphAnnotations.TIME_STEPS, "x").build();
    assertThatThrownBy(() -> GraphClassifier.timeSteps(bad, 7)).hasMessageContaining("'x'");
  }
}
