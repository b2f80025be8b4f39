package org.snncodesign.nir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Reading a malformed NIR file")
class ReadErrorsTest {
  @TempDir Path folder;

  private final Map<String, Object> layout = RawNirFile.validLayout();

  private AbstractThrowableAssert<?, ? extends Throwable> assertReading(Path file) {
    return assertThatThrownBy(() -> new NirReader().read(file))
        .isInstanceOf(InvalidNirFileException.class)
        .hasMessageStartingWith(file.toString() + ": ");
  }

  private Path written() {
    return RawNirFile.write(folder.resolve("broken.nir"), layout);
  }

  @Test
  @DisplayName("the valid layout the other cases break reads")
  void validLayoutReads() throws IOException {
    assertThat(new NirReader().read(written()).nodes()).containsKeys("input", "fc", "output");
  }

  @Test
  @DisplayName("an unknown node type names the node, the type and the known types")
  void unknownType() {
    RawNirFile.group(layout, "node/nodes/fc").put("type", "Banana");

    assertReading(written())
        .hasMessageContaining("node 'fc'")
        .hasMessageContaining("field 'type'")
        .hasMessageContaining("unknown node type 'Banana'")
        .hasMessageContaining("CubaLIF");
  }

  @Test
  @DisplayName("a missing parameter names the node, its type and the field")
  void missingField() {
    RawNirFile.group(layout, "node/nodes/fc").remove("weight");

    assertReading(written()).hasMessageContaining("node 'fc' (Affine), field 'weight': missing");
  }

  @Test
  @DisplayName("a type that is not a string says what it is")
  void typeNotString() {
    RawNirFile.group(layout, "node/nodes/fc").put("type", 7L);

    assertReading(written())
        .hasMessageContaining("node 'fc', field 'type': expected a scalar string, got long");
  }

  @Test
  @DisplayName("a NaN weight names the node, the field and the element")
  void nanWeight() {
    RawNirFile.group(layout, "node/nodes/fc").put("weight", new float[][] {{1, Float.NaN}, {3, 4}});

    assertReading(written())
        .hasMessageContaining("node 'fc' (Affine), field 'weight'")
        .hasMessageContaining("value 1")
        .hasMessageContaining("NaN");
  }

  @Test
  @DisplayName("a weight of the wrong rank names the node and says the layout expected")
  void wrongRank() {
    RawNirFile.group(layout, "node/nodes/fc").put("weight", new float[] {1, 2, 3, 4});

    assertReading(written())
        .hasMessageContaining("node 'fc' (Affine)")
        .hasMessageContaining("weight")
        .hasMessageContaining("[outputs, inputs]");
  }

  @Test
  @DisplayName("an edge to an unknown node names the edge and the node")
  void unknownEdgeTarget() {
    RawNirFile.group(layout, "node")
        .put("edges", new String[][] {{"input", "fc"}, {"fc", "ghost"}});

    assertReading(written()).hasMessageContaining("the graph").hasMessageContaining("'ghost'");
  }

  @Test
  @DisplayName("a file without the node group says the graph is missing")
  void missingGraph() {
    layout.remove("node");

    assertReading(written()).hasMessageContaining("field 'node': missing");
  }

  @Test
  @DisplayName("a root node that is not a NIRGraph says what it is")
  void rootNotGraph() {
    RawNirFile.group(layout, "node").put("type", "LIF");

    assertReading(written())
        .hasMessageContaining("expected the root node to be a NIRGraph, got 'LIF'");
  }

  @Test
  @DisplayName("an error inside a subgraph names the path to the node")
  void nestedError() {
    Map<String, Object> inner = RawNirFile.group(RawNirFile.validLayout(), "node");
    RawNirFile.group(inner, "nodes/fc").remove("bias");
    RawNirFile.group(layout, "node/nodes").put("fc", inner);

    assertReading(written()).hasMessageContaining("node 'fc/fc' (Affine), field 'bias': missing");
  }

  @Test
  @DisplayName("unknown padding text names the field and the accepted values")
  void badPadding() {
    Map<String, Object> conv = RawNirFile.node("Conv1d", "weight", new float[][][] {{{1, 1}}});
    conv.put("stride", 1L);
    conv.put("padding", "full");
    conv.put("dilation", 1L);
    conv.put("groups", 1L);
    conv.put("bias", new float[] {0});
    RawNirFile.group(layout, "node/nodes").put("fc", conv);

    assertReading(written())
        .hasMessageContaining("node 'fc' (Conv1d), field 'padding'")
        .hasMessageContaining("'same' or 'valid', got 'full'");
  }

  @Test
  @DisplayName("a file that is not HDF5 is refused as corrupt")
  void notHdf5() throws IOException {
    Path file = Files.writeString(folder.resolve("text.nir"), "just some text, not HDF5");

    assertReading(file).hasMessageContaining("corrupt or unsupported HDF5");
  }

  @Test
  @DisplayName("a truncated file is refused as corrupt, naming the file")
  void truncated() throws IOException {
    byte[] whole = Files.readAllBytes(Fixtures.nir("recurrent"));
    Path file = Files.write(folder.resolve("half.nir"), Arrays.copyOf(whole, whole.length / 2));

    assertReading(file).hasMessageContaining("HDF5");
  }

  @Test
  @DisplayName("more values than the reader's limit are refused before they are loaded")
  void valueLimit() {
    Path file = written();

    assertThatThrownBy(() -> new NirReader().withValueLimit(12).read(file))
        .isInstanceOf(InvalidNirFileException.class)
        .hasMessageContaining("values");
  }
}
