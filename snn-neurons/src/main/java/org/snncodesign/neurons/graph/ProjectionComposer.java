package org.snncodesign.neurons.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.snncodesign.api.graph.GraphNode;
import org.snncodesign.api.graph.InputNode;
import org.snncodesign.api.graph.InvalidGraphException;
import org.snncodesign.api.graph.LinearMapNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.NeuronNode;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.neurons.engine.TransmittedSignal;
import org.snncodesign.neurons.graph.LinearMapLowering.LoweredMap;

/**
 * Composes the linear nodes between sources (Inputs, neuron nodes) and targets (neuron nodes,
 * Outputs) into sparse projections and per-target bias currents.
 *
 * <p>From every source, each path through linear nodes is followed, multiplying the lowered
 * matrices ({@code M_path = M_1 M_2 ... M_k}, input-major) and keeping one matrix per delay: a
 * Delay node moves each column to the group of its own {@code round(delay / dt)} steps, a recurrent
 * edge on the path adds 1 step. Paths that meet at the same target are summed per delay. A bias
 * {@code b} of a node {@code L} reaches each target as {@code b M_after}, where {@code M_after} is
 * the product of the nodes after {@code L}; it is a constant current of every step (Delay nodes do
 * not shift it).
 */
final class ProjectionComposer {
  private final NetworkGraph graph;
  private final GraphOrder order;
  private final double dt;
  private final Map<String, LoweredMap> lowered = new LinkedHashMap<>();
  private final Map<Link, TreeMap<Integer, CsrMatrix>> links = new LinkedHashMap<>();
  private final Map<String, double[]> biases = new LinkedHashMap<>();

  /** A source and a target node. */
  private record Link(String source, String target) {}

  /**
   * The composition of a graph.
   *
   * @param projections in the order of their targets, then of their sources
   * @param biases constant current per target node that has one
   */
  record Composition(List<ComposedProjection> projections, Map<String, float[]> biases) {}

  private ProjectionComposer(NetworkGraph graph, GraphOrder order, double dt) {
    this.graph = graph;
    this.order = order;
    this.dt = dt;
  }

  static Composition compose(NetworkGraph graph, GraphOrder order, double dt) {
    ProjectionComposer composer = new ProjectionComposer(graph, order, dt);
    for (String name : order.order()) {
      GraphNode node = graph.node(name);
      if (node instanceof InputNode || node instanceof NeuronNode) {
        int n = graph.outputShape(name).size();
        composer.followEdgesOut(
            name, name, group(0, SparseBuilder.identity(n)), false, new HashSet<>());
      } else if (node instanceof LinearMapNode && composer.lowered(name).bias() != null) {
        float[] bias = composer.lowered(name).bias();
        SparseBuilder row = new SparseBuilder(1, bias.length);
        for (int o = 0; o < bias.length; o++) {
          row.add(0, o, bias[o]);
        }
        composer.followEdgesOut(
            null, name, group(0, row.build()), false, new HashSet<>(Set.of(name)));
      }
    }
    return composer.result();
  }

  private static TreeMap<Integer, CsrMatrix> group(int delay, CsrMatrix matrix) {
    TreeMap<Integer, CsrMatrix> groups = new TreeMap<>();
    groups.put(delay, matrix);
    return groups;
  }

  private LoweredMap lowered(String name) {
    return lowered.computeIfAbsent(
        name,
        n ->
            LinearMapLowering.lower(
                (LinearMapNode) graph.node(n), graph.inputShape(n), graph.outputShape(n), dt));
  }

  /**
   * Follows the edges out of {@code node}, whose output is {@code groups} (per delay, rows = the
   * origin's values).
   *
   * @param source the source node, or null when the origin is a bias
   */
  private void followEdgesOut(
      String source,
      String node,
      TreeMap<Integer, CsrMatrix> groups,
      boolean recurrent,
      Set<String> onPath) {
    List<org.snncodesign.api.graph.Edge> edges = graph.edges();
    for (int e = 0; e < edges.size(); e++) {
      if (edges.get(e).source().equals(node)) {
        follow(source, edges.get(e).target(), groups, recurrent || order.recurrent(e), onPath);
      }
    }
  }

  private void follow(
      String source,
      String node,
      TreeMap<Integer, CsrMatrix> groups,
      boolean recurrent,
      Set<String> onPath) {
    GraphNode target = graph.node(node);
    if (!(target instanceof LinearMapNode)) {
      arrive(source, node, recurrent ? shifted(groups) : groups);
      return;
    }
    if (onPath.contains(node)) {
      throw new InvalidGraphException(
          "linear node '"
              + node
              + "' lies on a loop of linear nodes "
              + onPath
              + " without a neuron node; such an algebraic loop has no step-by-step meaning");
    }
    LoweredMap map = lowered(node);
    TreeMap<Integer, CsrMatrix> next = new TreeMap<>();
    for (Map.Entry<Integer, CsrMatrix> g : groups.entrySet()) {
      CsrMatrix product = SparseProduct.multiply(g.getValue(), map.matrix());
      if (map.delaySteps() == null) {
        next.merge(g.getKey(), product, SparseProduct::add);
      } else {
        delayed(g.getKey(), product, map.delaySteps())
            .forEach((d, m) -> next.merge(d, m, SparseProduct::add));
      }
    }
    Set<String> path = new HashSet<>(onPath);
    path.add(node);
    followEdgesOut(source, node, next, recurrent, path);
  }

  /**
   * Splits {@code matrix} by the delay of its columns, each group moved {@code base} steps further.
   */
  private static TreeMap<Integer, CsrMatrix> delayed(int base, CsrMatrix matrix, int[] delaySteps) {
    TreeMap<Integer, SparseBuilder> builders = new TreeMap<>();
    for (int r = 0; r < matrix.rows(); r++) {
      for (int k = matrix.rowPointers()[r]; k < matrix.rowPointers()[r + 1]; k++) {
        int c = matrix.columnIndices()[k];
        builders
            .computeIfAbsent(
                base + delaySteps[c], d -> new SparseBuilder(matrix.rows(), matrix.cols()))
            .add(r, c, matrix.values()[k]);
      }
    }
    TreeMap<Integer, CsrMatrix> groups = new TreeMap<>();
    builders.forEach((d, b) -> groups.put(d, b.build()));
    return groups;
  }

  private static TreeMap<Integer, CsrMatrix> shifted(TreeMap<Integer, CsrMatrix> groups) {
    TreeMap<Integer, CsrMatrix> moved = new TreeMap<>();
    groups.forEach((d, m) -> moved.put(d + 1, m));
    return moved;
  }

  private void arrive(String source, String target, TreeMap<Integer, CsrMatrix> groups) {
    if (source == null) {
      double[] bias = biases.computeIfAbsent(target, t -> new double[graph.inputShape(t).size()]);
      for (CsrMatrix row : groups.values()) {
        for (int k = 0; k < row.nonZeros(); k++) {
          bias[row.columnIndices()[k]] += row.values()[k];
        }
      }
      return;
    }
    TreeMap<Integer, CsrMatrix> sum =
        links.computeIfAbsent(new Link(source, target), l -> new TreeMap<>());
    groups.forEach((d, m) -> sum.merge(d, m, SparseProduct::add));
  }

  private Composition result() {
    List<String> sequence = order.order();
    List<Link> sorted = new ArrayList<>(links.keySet());
    sorted.sort(
        (a, b) ->
            a.target().equals(b.target())
                ? Integer.compare(sequence.indexOf(a.source()), sequence.indexOf(b.source()))
                : Integer.compare(sequence.indexOf(a.target()), sequence.indexOf(b.target())));
    List<ComposedProjection> projections = new ArrayList<>();
    for (Link link : sorted) {
      GraphNode source = graph.node(link.source());
      TransmittedSignal signal =
          source instanceof NeuronNode n && n.spiking()
              ? TransmittedSignal.SPIKES
              : TransmittedSignal.MEMBRANE_POTENTIAL;
      List<DelayedMatrix> parts = DelayedMatrix.split(links.get(link));
      for (int p = 0; p < parts.size(); p++) {
        String name = link.source() + "->" + link.target() + (p == 0 ? "" : " #" + (p + 1));
        projections.add(
            new ComposedProjection(
                name,
                link.source(),
                link.target(),
                parts.get(p).weights(),
                parts.get(p).delaySteps(),
                signal));
      }
    }
    Map<String, float[]> currents = new LinkedHashMap<>();
    biases.forEach(
        (target, sum) -> {
          float[] current = new float[sum.length];
          for (int i = 0; i < sum.length; i++) {
            current[i] = (float) sum[i];
          }
          currents.put(target, current);
        });
    return new Composition(projections, currents);
  }
}
