package org.snncodesign.nir;

/**
 * Names of the HDF5 layout the reference package writes ({@code nir/serialization.py}): a {@code
 * version} string at the root and the graph in group {@code node}; a graph group holds {@code
 * type}, {@code nodes/<name>/}, {@code edges} and an optional {@code metadata} group.
 */
final class NirFormat {
  /**
   * The NIR version this module writes: the reference package's release whose layout it follows.
   */
  static final String VERSION = "1.0.0";

  static final String VERSION_DATASET = "version";
  static final String ROOT_NODE = "node";
  static final String TYPE = "type";
  static final String NODES = "nodes";
  static final String EDGES = "edges";
  static final String METADATA = "metadata";
  static final String GRAPH_TYPE = "NIRGraph";

  /**
   * HDF5 attribute listing a group's children in insertion order. The reference reader ignores
   * attributes; this one uses it because HDF5 (and jHDF's writer) do not keep the order of a
   * group's links, and a graph's node order is part of its identity.
   */
  static final String ORDER_ATTRIBUTE = "snn-codesign.order";

  /**
   * HDF5 attribute of a node group listing the fields the writer filled in from the graph's
   * inferred shapes (a convolution's {@code input_shape}, which the reference reader requires)
   * where the node itself leaves them open; this reader leaves them open again.
   */
  static final String INFERRED_ATTRIBUTE = "snn-codesign.inferred";

  private NirFormat() {}
}
