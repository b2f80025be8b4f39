package org.snncodesign.nir;

import org.snncodesign.api.graph.InvalidGraphException;
import org.snncodesign.api.graph.NetworkGraph;

/**
 * Reads a {@code NIRGraph} group (the file's root graph or a nested one): its nodes in file order,
 * its edges and the scalar entries of its {@code metadata} group as text. Metadata that is not a
 * scalar string or number (nested groups, arrays), and each node's own metadata, have no place in
 * the graph and are skipped.
 */
final class GraphDecoder {
  /**
   * Deeper nesting than any real network; a forged file could otherwise recurse until the stack
   * runs out.
   */
  private static final int MAX_DEPTH = 64;

  private final NodeDecoder nodes = new NodeDecoder(this::decode);

  NetworkGraph decode(NirGroup graph) {
    NirLocation where = graph.where();
    if (where.node().split("/").length > MAX_DEPTH) {
      throw where.invalid("subgraphs nested deeper than " + MAX_DEPTH + " levels", null);
    }
    NetworkGraph.Builder builder = NetworkGraph.builder();
    try {
      NirGroup members = graph.group(NirFormat.NODES, where);
      for (String name : members.childNames()) {
        builder.node(name, nodes.decode(members.group(name, where.child(name))));
      }
      for (String[] edge : graph.dataset(NirFormat.EDGES).stringPairs()) {
        builder.edge(edge[0], edge[1]);
      }
      graph
          .optionalGroup(NirFormat.METADATA, where)
          .ifPresent(
              metadata -> {
                for (String key : metadata.childNames()) {
                  if (!metadata.hasGroup(key)) {
                    metadata
                        .dataset(key)
                        .scalarText()
                        .ifPresent(value -> builder.metadata(key, value));
                  }
                }
              });
      return builder.build();
    } catch (InvalidGraphException e) {
      throw where.invalid(e.getMessage(), e);
    }
  }
}
