package org.snncodesign.nir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.graph.AffineNode;
import org.snncodesign.api.graph.CubaLifNode;
import org.snncodesign.api.graph.Edge;
import org.snncodesign.api.graph.ElementType;
import org.snncodesign.api.graph.LifNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Tensor;

@DisplayName("Reading the NIR paper's files written by Norse and snnTorch")
class ReferenceFilesTest {
  private static NetworkGraph read(String name) throws IOException {
    Path file = Fixtures.REFERENCE_FILES.resolve(name);
    Assumptions.assumeTrue(
        Files.isRegularFile(file),
        "reference file "
            + file.toAbsolutePath()
            + " is not in this checkout (it lives in the shared NIR material beside the repository)");
    return new NirReader().read(file);
  }

  @Test
  @DisplayName(
      "lif_norse.nir (NIR 0.1.1) is a 1x1 Affine into one LIF with tau 2.5 ms and threshold 0.1")
  void norseLif() throws IOException {
    NetworkGraph graph = read("lif_norse.nir");

    assertThat(graph.nodes().keySet()).containsExactly("0", "1", "input", "output");
    assertThat(graph.edges())
        .containsExactly(new Edge("input", "0"), new Edge("0", "1"), new Edge("1", "output"));
    assertThat(((AffineNode) graph.node("0")).weight())
        .isEqualTo(Tensor.ofFloats(Shape.of(1, 1), 1f));
    LifNode lif = (LifNode) graph.node("1");
    assertThat(lif.tau()).isEqualTo(Tensor.vector(0.0025f));
    assertThat(lif.vThreshold()).isEqualTo(Tensor.vector(0.1f));
    assertThat(lif.vReset()).isEqualTo(Tensor.vector(0f));
  }

  @Test
  @DisplayName("braille_noDelay_bias_zero.nir (NIR 0.2.0) is a 12-38-7 recurrent CubaLIF network")
  void snnTorchBraille() throws IOException {
    NetworkGraph graph = read("braille_noDelay_bias_zero.nir");

    assertThat(graph.inputShape("fc1")).isEqualTo(Shape.of(12));
    assertThat(graph.outputShape("lif1.lif")).isEqualTo(Shape.of(38));
    assertThat(graph.outputShape("output")).isEqualTo(Shape.of(7));
    assertThat(graph.edges())
        .contains(new Edge("lif1.lif", "lif1.w_rec"), new Edge("lif1.w_rec", "lif1.lif"));
    assertThat(graph.neuronCount()).isEqualTo(45);
  }

  @Test
  @DisplayName("braille keeps float64 neuron parameters and float32 weights")
  void braillePrecision() throws IOException {
    NetworkGraph graph = read("braille_noDelay_bias_zero.nir");

    CubaLifNode hidden = (CubaLifNode) graph.node("lif1.lif");
    AffineNode recurrent = (AffineNode) graph.node("lif1.w_rec");
    assertThat(hidden.tauMem().elementType()).isEqualTo(ElementType.FLOAT64);
    // snnTorch computed the time constants in float32 and stored them widened to float64: 1 ms up
    // to rounding.
    assertThat(hidden.tauMem().get(0)).isCloseTo(0.001, within(1e-9));
    assertThat(hidden.vThreshold().isUniform(1.0)).isTrue();
    assertThat(recurrent.weight().elementType()).isEqualTo(ElementType.FLOAT32);
    assertThat(recurrent.weight().shape()).isEqualTo(Shape.of(38, 38));
  }

  @Test
  @DisplayName("the version is the one each file states")
  void versions() throws IOException {
    read("lif_norse.nir");

    assertThat(new NirReader().readVersion(Fixtures.REFERENCE_FILES.resolve("lif_norse.nir")))
        .hasValue("0.1.1");
    assertThat(
            new NirReader()
                .readVersion(Fixtures.REFERENCE_FILES.resolve("braille_noDelay_bias_zero.nir")))
        .hasValue("0.2.0");
  }
}
