package org.snncodesign.flow.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.nir.NirInfo;

/**
 * A NIR file's graph in summary ({@link NirInfo}: nodes with their shapes and sizes, edges and
 * metadata), as {@code snn nir info} reports it; Jackson writes it with snake-case keys in this
 * order.
 *
 * @param file the file read
 * @param nirVersion the NIR version the file states
 * @param parameters stored parameter values in total
 * @param neurons neurons in total
 * @param nodes the nodes, in graph order
 * @param edges each edge as {@code [source, target]}
 * @param metadata the graph's metadata
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = false)
public record NirInfoReport(
    String file,
    String nirVersion,
    long parameters,
    long neurons,
    List<Node> nodes,
    List<List<String>> edges,
    Map<String, String> metadata) {

  /**
   * One node.
   *
   * @param name its name in the graph
   * @param type its NIR type
   * @param inputShape the shape it receives; null (written as null) for a subgraph with several
   *     inputs
   * @param outputShape the shape it produces; null for a subgraph with several outputs
   * @param parameters its stored parameter values
   * @param neurons its neurons
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  public record Node(
      String name,
      String type,
      List<Integer> inputShape,
      List<Integer> outputShape,
      long parameters,
      long neurons) {}

  /** The report of {@code info}, the summary of {@code graph} read from {@code file}. */
  public static NirInfoReport of(String file, NirInfo info, NetworkGraph graph) {
    return new NirInfoReport(
        file,
        info.version(),
        info.parameters(),
        info.neurons(),
        info.nodes().stream()
            .map(
                n ->
                    new Node(
                        n.name(),
                        n.type(),
                        dims(n.inputShape()),
                        dims(n.outputShape()),
                        n.parameters(),
                        n.neurons()))
            .toList(),
        graph.edges().stream().map(e -> List.of(e.source(), e.target())).toList(),
        new LinkedHashMap<>(graph.metadata()));
  }

  private static List<Integer> dims(Optional<Shape> shape) {
    return shape.map(s -> Arrays.stream(s.dims()).boxed().toList()).orElse(null);
  }
}
