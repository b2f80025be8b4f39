package org.snncodesign.api.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NetworkGraphTest {

  private static Tensor ones(int... dims) {
    return Tensor.filled(Shape.of(dims), 1.0, ElementType.FLOAT32);
  }

  private static LifNode lif(int n) {
    Shape s = Shape.of(n);
    return new LifNode(
        Tensor.filled(s, 0.01, ElementType.FLOAT64),
        Tensor.filled(s, 1, ElementType.FLOAT64),
        Tensor.filled(s, 0, ElementType.FLOAT64),
        Tensor.filled(s, 1, ElementType.FLOAT64),
        Tensor.filled(s, 0, ElementType.FLOAT64));
  }

  private static NetworkGraph.Builder mlp() {
    return NetworkGraph.builder()
        .node("input", new InputNode(Shape.of(4)))
        .node("fc", new AffineNode(ones(3, 4), ones(3)))
        .node("lif", lif(3))
        .node("output", new OutputNode(Shape.of(3)))
        .chain("input", "fc", "lif", "output");
  }

  @Test
  @DisplayName(
      "a feed-forward graph infers the shape at every node and counts parameters and neurons")
  void feedForwardShapes() {
    NetworkGraph graph = mlp().build();
    assertThat(graph.outputShape("fc")).isEqualTo(Shape.of(3));
    assertThat(graph.inputShape("fc")).isEqualTo(Shape.of(4));
    assertThat(graph.parameterCount()).isEqualTo(12 + 3 + 5 * 3);
    assertThat(graph.neuronCount()).isEqualTo(3);
    assertThat(graph.inputNames()).containsExactly("input");
    assertThat(graph.outputNames()).containsExactly("output");
  }

  @Test
  @DisplayName("a recurrent edge through an Affine into its own neuron node is allowed")
  void recurrence() {
    NetworkGraph graph =
        mlp().node("rec", new AffineNode(ones(3, 3), ones(3))).chain("lif", "rec", "lif").build();
    assertThat(graph.predecessors("lif")).containsExactly("fc", "rec");
  }

  @Test
  @DisplayName("shapes are inferred through convolution, pooling and flatten")
  void convolutionShapes() {
    NetworkGraph graph =
        NetworkGraph.builder()
            .node("input", new InputNode(Shape.of(1, 28, 28)))
            .node(
                "conv",
                new Conv2dNode(
                    Optional.empty(),
                    ones(8, 1, 5, 5),
                    Size2d.square(2),
                    Size2d.square(2),
                    Size2d.square(1),
                    1,
                    ones(8)))
            .node(
                "pool",
                new Pool2dNode(
                    Pool2dNode.Pooling.SUM, Size2d.square(2), Size2d.square(2), Size2d.square(0)))
            .node("flat", FlattenNode.all())
            .node("output", new OutputNode(Shape.of(8 * 7 * 7)))
            .chain("input", "conv", "pool", "flat", "output")
            .build();
    assertThat(graph.outputShape("conv")).isEqualTo(Shape.of(8, 14, 14));
    assertThat(graph.outputShape("pool")).isEqualTo(Shape.of(8, 7, 7));
    assertThat(graph.outputShape("flat")).isEqualTo(Shape.of(392));
  }

  @Test
  @DisplayName("an edge whose sizes do not meet is refused, naming both nodes and shapes")
  void shapeMismatch() {
    NetworkGraph.Builder builder =
        NetworkGraph.builder()
            .node("input", new InputNode(Shape.of(5)))
            .node("fc", new AffineNode(ones(3, 4), ones(3)))
            .node("output", new OutputNode(Shape.of(3)))
            .chain("input", "fc", "output");
    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidGraphException.class)
        .hasMessageContaining("'input' -> 'fc'")
        .hasMessageContaining("[5]")
        .hasMessageContaining("[4]");
  }

  @Test
  @DisplayName("an edge naming an unknown node is refused, naming it")
  void danglingEdge() {
    assertThatThrownBy(() -> mlp().edge("lif", "readout").build())
        .isInstanceOf(InvalidGraphException.class)
        .hasMessageContaining("'readout'")
        .hasMessageContaining("not a node");
  }

  @Test
  @DisplayName("a node that receives no edge is refused, naming it")
  void unfedNode() {
    assertThatThrownBy(() -> mlp().node("orphan", lif(2)).build())
        .isInstanceOf(InvalidGraphException.class)
        .hasMessageContaining("'orphan' (LIF) receives no edge");
  }

  @Test
  @DisplayName("duplicate node names and edges into an Input are refused")
  void duplicatesAndInputEdges() {
    assertThatThrownBy(() -> mlp().node("fc", lif(3))).hasMessageContaining("'fc' is already");
    assertThatThrownBy(() -> mlp().edge("lif", "input").build())
        .hasMessageContaining("enters Input node");
  }

  @Test
  @DisplayName("neuron parameters of different shapes are refused, naming the parameter")
  void neuronParameterShapes() {
    assertThatThrownBy(() -> new LifNode(ones(3), ones(3), ones(2), ones(3), ones(3)))
        .hasMessageContaining("v_leak")
        .hasMessageContaining("[2]");
    assertThatThrownBy(
            () -> new LifNode(Tensor.vector(0.01f, 0f), ones(2), ones(2), ones(2), ones(2)))
        .hasMessageContaining("tau[1] = 0.0");
  }

  @Test
  @DisplayName("a tensor refuses NaN and keeps its precision and values bit for bit")
  void tensors() {
    assertThatThrownBy(() -> Tensor.vector(1f, Float.NaN)).hasMessageContaining("value 1");
    Tensor doubles = Tensor.ofDoubles(Shape.of(2), 0.1, 0.2);
    assertThat(doubles.elementType()).isEqualTo(ElementType.FLOAT64);
    assertThat(doubles.get(0)).isEqualTo(0.1);
    assertThat(doubles).isNotEqualTo(Tensor.ofFloats(Shape.of(2), 0.1f, 0.2f));
    assertThat(doubles.reshape(Shape.of(1, 2)).toDoubleArray()).containsExactly(0.1, 0.2);
  }

  @Test
  @DisplayName("graphs with equal nodes, edges and metadata are equal")
  void equality() {
    assertThat(mlp().metadata("k", "v").build())
        .isEqualTo(mlp().metadata("k", "v").build())
        .isNotEqualTo(mlp().build());
  }

  @Test
  @DisplayName("flatten inlines a subgraph under prefixed names and rewires its ports")
  void flattenSubgraph() {
    NetworkGraph inner =
        NetworkGraph.builder()
            .node("in", new InputNode(Shape.of(4)))
            .node("fc", new AffineNode(ones(3, 4), ones(3)))
            .node("lif", lif(3))
            .node("out", new OutputNode(Shape.of(3)))
            .chain("in", "fc", "lif", "out")
            .build();
    NetworkGraph outer =
        NetworkGraph.builder()
            .node("input", new InputNode(Shape.of(4)))
            .node("block", new SubgraphNode(inner))
            .node("output", new OutputNode(Shape.of(3)))
            .edge("input", "block.in")
            .edge("block", "output")
            .build();
    NetworkGraph flat = outer.flatten();
    assertThat(flat.nodes().keySet()).containsExactly("input", "block.fc", "block.lif", "output");
    assertThat(flat.edges())
        .containsExactly(
            new Edge("block.fc", "block.lif"),
            new Edge("input", "block.fc"),
            new Edge("block.lif", "output"));
    assertThat(flat.neuronCount()).isEqualTo(outer.neuronCount()).isEqualTo(3);
  }

  @Test
  @DisplayName("the time step annotation is read back, and a malformed one is refused")
  void annotations() {
    assertThat(
            GraphAnnotations.timeStep(mlp().metadata(GraphAnnotations.TIME_STEP, "0.001").build()))
        .hasValue(0.001);
    assertThat(GraphAnnotations.timeStep(mlp().build())).isEmpty();
    NetworkGraph bad = mlp().metadata(GraphAnnotations.TIME_STEP, "-1").build();
    assertThatThrownBy(() -> GraphAnnotations.timeStep(bad)).hasMessageContaining("'-1'");
    NetworkGraph subtract = mlp().metadata(GraphAnnotations.resetKey("lif"), "subtract").build();
    assertThat(GraphAnnotations.resetsBySubtraction(subtract, "lif")).isTrue();
    assertThat(GraphAnnotations.resetsBySubtraction(mlp().build(), "lif")).isFalse();
  }
}
