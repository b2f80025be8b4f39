package org.snncodesign.nir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.graph.Conv1dNode;
import org.snncodesign.api.graph.Conv2dNode;
import org.snncodesign.api.graph.CubaLiNode;
import org.snncodesign.api.graph.CubaLifNode;
import org.snncodesign.api.graph.ElementType;
import org.snncodesign.api.graph.IfNode;
import org.snncodesign.api.graph.LifNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Size2d;
import org.snncodesign.api.graph.Tensor;

@DisplayName("Reading files in older NIR layouts")
class LegacyLayoutTest {
  private final NetworkGraph neurons = Fixtures.graph("legacy_neurons");
  private final NetworkGraph convolutions = Fixtures.graph("legacy_conv");

  @Test
  @DisplayName("a missing v_reset is zeros shaped and typed like v_threshold")
  void missingResetIsZero() {
    LifNode lif = (LifNode) neurons.node("lif");
    IfNode integrateAndFire = (IfNode) neurons.node("if");
    CubaLifNode cuba = (CubaLifNode) neurons.node("cubalif");

    assertThat(lif.vReset()).isEqualTo(Tensor.filled(Shape.of(3), 0, ElementType.FLOAT32));
    assertThat(integrateAndFire.vReset())
        .isEqualTo(Tensor.filled(Shape.of(3), 0, ElementType.FLOAT32));
    assertThat(cuba.vReset()).isEqualTo(Tensor.filled(Shape.of(3), 0, ElementType.FLOAT64));
  }

  @Test
  @DisplayName(
      "a scalar w_in is broadcast to every neuron in the precision of the other parameters")
  void scalarInputWeightIsBroadcast() {
    CubaLifNode cubaLif = (CubaLifNode) neurons.node("cubalif");
    CubaLiNode cubaLi = (CubaLiNode) neurons.node("cubali");

    assertThat(cubaLif.wIn()).isEqualTo(Tensor.filled(Shape.of(3), 2.5, ElementType.FLOAT64));
    assertThat(cubaLi.wIn()).isEqualTo(Tensor.filled(Shape.of(3), 2.5, ElementType.FLOAT32));
  }

  @Test
  @DisplayName("padding 'valid' is no padding and a one-element stride array is the stride")
  void validPadding() {
    Conv1dNode conv = (Conv1dNode) convolutions.node("conv1d");

    assertThat(conv.padding()).isZero();
    assertThat(conv.stride()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "padding 'same' is the symmetric padding that keeps the size, and scalars apply to both axes")
  void samePadding() {
    Conv2dNode conv = (Conv2dNode) convolutions.node("conv2d");

    assertThat(conv.padding()).isEqualTo(Size2d.square(1));
    assertThat(conv.stride()).isEqualTo(Size2d.square(1));
    assertThat(conv.dilation()).isEqualTo(Size2d.square(1));
    assertThat(convolutions.outputShape("conv2d")).isEqualTo(Shape.of(2, 5, 5));
  }

  @Test
  @DisplayName(
      "a convolution without input_shape leaves its input size open, inferred from the graph")
  void missingInputShape() {
    assertThat(((Conv1dNode) convolutions.node("conv1d")).inputLength())
        .isEqualTo(OptionalInt.empty());
    assertThat(((Conv2dNode) convolutions.node("conv2d")).inputSize()).isEqualTo(Optional.empty());
    assertThat(convolutions.inputShape("conv1d")).isEqualTo(Shape.of(1, 6));
  }

  @Test
  @DisplayName("an empty edge list (a graph of inputs only) reads as a graph without edges")
  void emptyEdges() {
    NetworkGraph graph = Fixtures.graph("inputs_only");

    assertThat(graph.edges()).isEmpty();
    assertThat(graph.inputNames()).containsExactly("input");
  }
}
