package org.snncodesign.nir;

import io.jhdf.api.WritableGroup;
import java.util.List;
import java.util.Map;
import org.snncodesign.api.graph.Edge;
import org.snncodesign.api.graph.GraphNode;
import org.snncodesign.api.graph.InvalidGraphException;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.SubgraphNode;

/**
 * Writes a graph into an HDF5 group as the reference writer does: {@code type = "NIRGraph"}, a
 * {@code nodes} group with one group per node (nested graphs recursively), {@code edges} as an n x
 * 2 array of strings, and the metadata as a {@code metadata} group of strings when there is any.
 * The order of nodes and metadata entries is recorded in {@link NirFormat#ORDER_ATTRIBUTE}, and
 * fields filled in from inferred shapes in {@link NirFormat#INFERRED_ATTRIBUTE}.
 */
final class GraphEncoder {
  private GraphEncoder() {}

  static void encode(NetworkGraph graph, WritableGroup group) {
    if (graph.edges().isEmpty()) {
      // jHDF cannot write an empty dataset, and the reference reader requires the edges dataset.
      throw new InvalidGraphException(
          "a graph without edges cannot be written to NIR; nodes: " + graph.nodes().keySet());
    }
    group.putDataset(NirFormat.TYPE, NirFormat.GRAPH_TYPE);
    WritableGroup nodes = group.putGroup(NirFormat.NODES);
    recordOrder(nodes, graph.nodes().keySet().toArray(String[]::new));
    for (Map.Entry<String, GraphNode> entry : graph.nodes().entrySet()) {
      WritableGroup node = nodes.putGroup(hdfName(entry.getKey(), "node name"));
      if (entry.getValue() instanceof SubgraphNode sub) {
        encode(sub.graph(), node);
      } else {
        NodeFields fields = NodeFields.of(entry.getValue(), graph.inputShape(entry.getKey()));
        fields.datasets().forEach(node::putDataset);
        if (!fields.inferred().isEmpty()) {
          node.putAttribute(NirFormat.INFERRED_ATTRIBUTE, fields.inferred().toArray(String[]::new));
        }
      }
    }
    List<Edge> edges = graph.edges();
    String[][] pairs = new String[edges.size()][];
    for (int i = 0; i < pairs.length; i++) {
      pairs[i] = new String[] {edges.get(i).source(), edges.get(i).target()};
    }
    group.putDataset(NirFormat.EDGES, pairs);
    if (!graph.metadata().isEmpty()) {
      WritableGroup metadata = group.putGroup(NirFormat.METADATA);
      recordOrder(metadata, graph.metadata().keySet().toArray(String[]::new));
      graph
          .metadata()
          .forEach((key, value) -> metadata.putDataset(hdfName(key, "metadata key"), value));
    }
  }

  private static void recordOrder(WritableGroup group, String[] names) {
    group.putAttribute(NirFormat.ORDER_ATTRIBUTE, names);
  }

  /**
   * HDF5 link names cannot contain '/' nor be '.'; node names never contain '/', metadata keys
   * might.
   */
  private static String hdfName(String name, String what) {
    if (name.contains("/") || name.equals(".")) {
      throw new InvalidGraphException(
          what + " '" + name + "' cannot be an HDF5 name (it contains '/' or is '.')");
    }
    return name;
  }
}
