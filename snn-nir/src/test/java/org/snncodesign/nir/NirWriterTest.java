package org.snncodesign.nir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.graph.InputNode;
import org.snncodesign.api.graph.InvalidGraphException;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.Shape;

@DisplayName("NirWriter")
class NirWriterTest {
  @TempDir Path folder;

  @Test
  @DisplayName("states NIR version 1.0.0 in the file")
  void version() throws IOException {
    Path file = folder.resolve("version.nir");

    new NirWriter().write(new SampleGraphs(3).denseLayer(2, 2), file);

    assertThat(new NirReader().readVersion(file)).hasValue(NirWriter.NIR_VERSION).hasValue("1.0.0");
  }

  @Test
  @DisplayName("leaves only the finished file in the folder, no temporary file")
  void noTemporaryFiles() throws IOException {
    new NirWriter().write(new SampleGraphs(4).denseLayer(3, 2), folder.resolve("net.nir"));

    try (var files = Files.list(folder)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("net.nir");
    }
  }

  @Test
  @DisplayName("replaces an existing file with the new graph")
  void replaces() throws IOException {
    Path file = folder.resolve("net.nir");
    Files.writeString(file, "an older, unrelated file");
    NetworkGraph graph = new SampleGraphs(5).denseLayer(3, 2);

    new NirWriter().write(graph, file);

    assertThat(new NirReader().read(file)).isEqualTo(graph);
  }

  @Test
  @DisplayName(
      "refuses a graph that cannot be written, leaving the previous file and no temporary file")
  void refusalKeepsPreviousFile() throws IOException {
    Path file = folder.resolve("net.nir");
    Files.writeString(file, "previous");
    NetworkGraph inputsOnly =
        NetworkGraph.builder().node("input", new InputNode(Shape.of(4))).build();

    assertThatThrownBy(() -> new NirWriter().write(inputsOnly, file))
        .isInstanceOf(InvalidGraphException.class)
        .hasMessageContaining("without edges");
    assertThat(Files.readString(file)).isEqualTo("previous");
    try (var files = Files.list(folder)) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  @DisplayName("refuses a metadata key that HDF5 cannot name, saying which")
  void slashInMetadataKey() {
    NetworkGraph graph =
        new SampleGraphs(6).denseLayer(2, 2).toBuilder().metadata("a/b", "x").build();

    assertThatThrownBy(() -> new NirWriter().write(graph, folder.resolve("bad.nir")))
        .isInstanceOf(InvalidGraphException.class)
        .hasMessageContaining("'a/b'");
  }
}
