package org.snncodesign.nir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.snncodesign.api.graph.NetworkGraph;

class RoundTripPropertyTest {
  @Property(tries = 40, seed = "20240424")
  @Label(
      "Reading what was written gives the same graph: read . write = identity, bit for bit, either precision")
  void randomLayers(
      @ForAll @IntRange(min = 1, max = 40) int inputs,
      @ForAll @IntRange(min = 1, max = 40) int outputs,
      @ForAll long seed)
      throws IOException {
    Path folder = Files.createTempDirectory("nir-property");
    Path file = folder.resolve("layer.nir");
    try {
      NetworkGraph graph = new SampleGraphs(seed).denseLayer(inputs, outputs);
      new NirWriter().write(graph, file);

      assertThat(new NirReader().read(file)).isEqualTo(graph);
    } finally {
      Files.deleteIfExists(file);
      Files.delete(folder);
    }
  }
}
