package org.snncodesign.nir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.snncodesign.api.graph.NetworkGraph;

@DisplayName("Writing a graph and reading it back")
class RoundTripTest {
  static final List<String> FIXTURES = Fixtures.CURRENT;

  @TempDir Path folder;

  private NetworkGraph roundTrip(NetworkGraph graph, Path file) {
    try {
      new NirWriter().write(graph, file);
      return new NirReader().read(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  @DisplayName(
      "gives an equal graph for every node type, precision, open shape, subgraph, loop and metadata")
  void everyNodeType() {
    NetworkGraph graph = new SampleGraphs(1).everyNodeType();

    assertThat(roundTrip(graph, folder.resolve("every.nir"))).isEqualTo(graph);
  }

  @Test
  @DisplayName("keeps the node order and the metadata order, which HDF5 groups do not")
  void order() {
    NetworkGraph graph = new SampleGraphs(2).everyNodeType();

    NetworkGraph back = roundTrip(graph, folder.resolve("order.nir"));

    assertThat(back.nodes().keySet()).containsExactlyElementsOf(graph.nodes().keySet());
    assertThat(back.metadata().keySet()).containsExactlyElementsOf(graph.metadata().keySet());
  }

  @ParameterizedTest(name = "{0}.nir")
  @FieldSource("FIXTURES")
  @DisplayName("gives an equal graph for each graph read from the reference package's files")
  void fixtures(String fixture) {
    NetworkGraph graph = Fixtures.graph(fixture);

    assertThat(roundTrip(graph, folder.resolve(fixture + ".nir"))).isEqualTo(graph);
  }
}
