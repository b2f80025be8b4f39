package org.snncodesign.nir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.snncodesign.api.graph.NetworkGraph;

/**
 * The NIR files made by {@code src/test/python/make_fixtures.py} with the reference package, and
 * their sidecars.
 */
final class Fixtures {
  /** One file per node type, a subgraph and a recurrent graph, all in the current layout. */
  static final List<String> CURRENT =
      List.of(
          "affine",
          "linear",
          "scale",
          "delay",
          "threshold",
          "integrator",
          "li",
          "if",
          "lif",
          "cubali",
          "cubalif",
          "conv1d",
          "conv2d",
          "sumpool2d",
          "avgpool2d",
          "flatten",
          "subgraph",
          "recurrent");

  /**
   * The real files of the NIR paper, relative to the module directory (present in the development
   * tree).
   */
  static final Path REFERENCE_FILES = Path.of("../../shared/nir/files");

  private Fixtures() {}

  static Path nir(String name) {
    return resource(name + ".nir");
  }

  static JsonNode expected(String name) {
    try {
      return new ObjectMapper().readTree(Files.readString(resource(name + ".json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static NetworkGraph graph(String name) {
    try {
      return new NirReader().read(nir(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path resource(String file) {
    try {
      return Path.of(Fixtures.class.getResource("fixtures/" + file).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException(
          "no fixture " + file + "; run src/test/python/make_fixtures.py", e);
    }
  }
}
