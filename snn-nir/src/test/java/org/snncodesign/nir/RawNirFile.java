package org.snncodesign.nir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes arbitrary HDF5 layouts (a map is a group, anything else a dataset), to make the malformed
 * NIR files a real writer would not: missing fields, wrong types, unknown nodes.
 */
final class RawNirFile {
  private RawNirFile() {}

  /**
   * A valid graph, input [2] -> Affine "fc" -> output [2], as nested maps to break in one place.
   */
  static Map<String, Object> validLayout() {
    Map<String, Object> nodes = new LinkedHashMap<>();
    nodes.put("input", node("Input", "shape", new long[] {2}));
    Map<String, Object> fc = node("Affine", "weight", new float[][] {{1, 2}, {3, 4}});
    fc.put("bias", new float[] {0.5f, -0.5f});
    nodes.put("fc", fc);
    nodes.put("output", node("Output", "shape", new long[] {2}));
    Map<String, Object> graph = new LinkedHashMap<>();
    graph.put("type", "NIRGraph");
    graph.put("nodes", nodes);
    graph.put("edges", new String[][] {{"input", "fc"}, {"fc", "output"}});
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", "1.0.0");
    root.put("node", graph);
    return root;
  }

  /** The group at {@code path} (names separated by '/') of a layout, to change. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> group(Map<String, Object> layout, String path) {
    Map<String, Object> group = layout;
    for (String name : path.split("/")) {
      group = (Map<String, Object>) group.get(name);
    }
    return group;
  }

  static Map<String, Object> node(String type, String field, Object value) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("type", type);
    node.put(field, value);
    return node;
  }

  static Path write(Path file, Map<String, Object> layout) {
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      put(hdf, layout);
    }
    return file;
  }

  @SuppressWarnings("unchecked")
  private static void put(WritableGroup group, Map<String, Object> members) {
    members.forEach(
        (name, value) -> {
          if (value instanceof Map<?, ?> map) {
            put(group.putGroup(name), (Map<String, Object>) map);
          } else {
            group.putDataset(name, value);
          }
        });
  }
}
