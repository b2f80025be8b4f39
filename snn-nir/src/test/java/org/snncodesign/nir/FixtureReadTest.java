package org.snncodesign.nir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.SubgraphNode;

@DisplayName("Reading the reference package's files")
class FixtureReadTest {
  static final List<String> FIXTURES = Fixtures.CURRENT;

  @ParameterizedTest(name = "{0}.nir")
  @FieldSource("FIXTURES")
  @DisplayName("gives the node names, types, edges and metadata the file holds")
  void structure(String fixture) {
    NetworkGraph graph = Fixtures.graph(fixture);
    JsonNode expected = Fixtures.expected(fixture);

    assertStructure(graph, expected);
  }

  @ParameterizedTest(name = "{0}.nir")
  @FieldSource("FIXTURES")
  @DisplayName("gives every parameter with the file's precision, shape and exact values")
  void parameters(String fixture) {
    NetworkGraph graph = Fixtures.graph(fixture);

    assertParameters(graph, Fixtures.expected(fixture));
  }

  private static void assertStructure(NetworkGraph graph, JsonNode expected) {
    List<String> names = new ArrayList<>();
    expected.get("nodes").fieldNames().forEachRemaining(names::add);
    assertThat(graph.nodes().keySet()).containsExactlyElementsOf(names);
    List<List<String>> edges = new ArrayList<>();
    expected
        .get("edges")
        .forEach(edge -> edges.add(List.of(edge.get(0).asText(), edge.get(1).asText())));
    assertThat(graph.edges())
        .extracting(edge -> List.of(edge.source(), edge.target()))
        .containsExactlyElementsOf(edges);
    Map<String, String> metadata = new LinkedHashMap<>();
    expected
        .get("metadata")
        .properties()
        .forEach(e -> metadata.put(e.getKey(), e.getValue().asText()));
    assertThat(graph.metadata()).isEqualTo(metadata);
    graph
        .nodes()
        .forEach(
            (name, node) -> {
              JsonNode json = expected.get("nodes").get(name);
              assertThat(node.nirType()).as(name).isEqualTo(json.get("type").asText());
              if (node instanceof SubgraphNode sub) {
                assertStructure(sub.graph(), json);
              }
            });
  }

  private static void assertParameters(NetworkGraph graph, JsonNode expected) {
    graph
        .nodes()
        .forEach(
            (name, node) -> {
              JsonNode json = expected.get("nodes").get(name);
              if (node instanceof SubgraphNode sub) {
                assertParameters(sub.graph(), json);
              } else {
                assertThat(NirFields.of(node)).as(name).isEqualTo(expectedFields(json));
              }
            });
  }

  static Map<String, NirFields.Field> expectedFields(JsonNode node) {
    Map<String, NirFields.Field> fields = new LinkedHashMap<>();
    node.get("fields")
        .properties()
        .forEach(e -> fields.put(e.getKey(), NirFields.Field.of(e.getValue())));
    return fields;
  }
}
