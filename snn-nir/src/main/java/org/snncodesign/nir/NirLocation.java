package org.snncodesign.nir;

/**
 * Where in a file a reader is: the file's name and the node (a path through nested subgraphs,
 * {@code sub/lif}) with its NIR type, or the graph itself. It writes the error messages, so that
 * every one names the same things in the same way.
 *
 * @param file the file as the user named it
 * @param node the node path, or empty for a graph
 * @param type the node's NIR type, or empty while it is not known yet
 */
record NirLocation(String file, String node, String type) {

  static NirLocation graph(String file, String path) {
    return new NirLocation(file, path, "");
  }

  /** The location of child node {@code name} of this graph (nested graphs join names with '/'). */
  NirLocation child(String name) {
    return new NirLocation(file, node.isEmpty() ? name : node + "/" + name, "");
  }

  NirLocation ofType(String nirType) {
    return new NirLocation(file, node, nirType);
  }

  /** Describes the object, as {@code node 'lif1' (LIF)} or {@code the graph}. */
  String describe() {
    String what =
        node.isEmpty()
            ? "the graph"
            : (type.equals(NirFormat.GRAPH_TYPE) ? "subgraph '" : "node '") + node + "'";
    return type.isEmpty() || type.equals(NirFormat.GRAPH_TYPE) ? what : what + " (" + type + ")";
  }

  /** An error at {@code field} of this object, saying what is wrong. */
  InvalidNirFileException error(String field, String problem) {
    return new InvalidNirFileException(
        file + ": " + describe() + ", field '" + field + "': " + problem);
  }

  /** An error about the object as a whole. */
  InvalidNirFileException invalid(String problem, Throwable cause) {
    return new InvalidNirFileException(file + ": " + describe() + ": " + problem, cause);
  }
}
