package org.snncodesign.nir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.graph.Shape;

@DisplayName("NirInfo")
class NirInfoTest {
  @Test
  @DisplayName("lists each node's type, shapes, parameters and neurons, and the file's version")
  void perNode() throws IOException {
    NirInfo info = new NirReader().info(Fixtures.nir("recurrent"));

    assertThat(info.version()).isEqualTo("1.0.0");
    assertThat(info.nodes())
        .extracting(NirInfo.Node::name)
        .containsExactly("fc", "input", "lif.cell", "lif.w_rec", "output");
    assertThat(info.nodes().get(0))
        .isEqualTo(
            new NirInfo.Node(
                "fc", "Affine", Optional.of(Shape.of(2)), Optional.of(Shape.of(3)), 9, 0));
    assertThat(info.nodes().get(2))
        .isEqualTo(
            new NirInfo.Node(
                "lif.cell", "CubaLIF", Optional.of(Shape.of(3)), Optional.of(Shape.of(3)), 21, 3));
  }

  @Test
  @DisplayName("counts a subgraph's parameters and neurons in its row and in the totals")
  void subgraph() throws IOException {
    NirInfo info = new NirReader().info(Fixtures.nir("subgraph"));

    NirInfo.Node block =
        info.nodes().stream().filter(n -> n.name().equals("block")).findFirst().orElseThrow();
    assertThat(block.type()).isEqualTo("NIRGraph");
    assertThat(block.parameters()).isEqualTo(6 + 10);
    assertThat(block.neurons()).isEqualTo(2);
    assertThat(info.parameters()).isEqualTo(16);
    assertThat(info.neurons()).isEqualTo(2);
  }
}
