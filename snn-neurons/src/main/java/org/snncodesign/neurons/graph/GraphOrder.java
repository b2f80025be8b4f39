package org.snncodesign.neurons.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.snncodesign.api.graph.Edge;
import org.snncodesign.api.graph.NetworkGraph;

/**
 * Which edges of a graph are recurrent, and an order of its nodes in which every other edge points
 * forward.
 *
 * <p>A depth-first search from the Input nodes (in node order, successors in edge order; then from
 * any node not yet reached, in node order) marks as recurrent each edge that reaches a node still
 * on the search path: the edges that close a cycle. Without them the graph is acyclic, and its
 * nodes are sorted topologically, ties broken by node order.
 */
final class GraphOrder {
  private final List<String> names;
  private final List<Edge> edges;
  private final boolean[] recurrent;
  private final List<String> order;

  GraphOrder(NetworkGraph graph) {
    this.names = new ArrayList<>(graph.nodes().keySet());
    this.edges = graph.edges();
    this.recurrent = new boolean[edges.size()];
    int[] state = new int[names.size()];
    List<String> roots = new ArrayList<>(graph.inputNames());
    roots.addAll(names);
    for (String root : roots) {
      int node = names.indexOf(root);
      if (state[node] == UNSEEN) {
        search(node, state);
      }
    }
    this.order = topologicalOrder();
  }

  private static final int UNSEEN = 0;
  private static final int ON_PATH = 1;
  private static final int DONE = 2;

  private void search(int node, int[] state) {
    state[node] = ON_PATH;
    for (int e = 0; e < edges.size(); e++) {
      if (names.indexOf(edges.get(e).source()) != node) {
        continue;
      }
      int next = names.indexOf(edges.get(e).target());
      if (state[next] == ON_PATH) {
        recurrent[e] = true;
      } else if (state[next] == UNSEEN) {
        search(next, state);
      }
    }
    state[node] = DONE;
  }

  private List<String> topologicalOrder() {
    int[] pending = new int[names.size()];
    for (int e = 0; e < edges.size(); e++) {
      if (!recurrent[e]) {
        pending[names.indexOf(edges.get(e).target())]++;
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int n = 0; n < pending.length; n++) {
      if (pending[n] == 0) {
        ready.add(n);
      }
    }
    List<String> sorted = new ArrayList<>();
    while (!ready.isEmpty()) {
      int node = ready.poll();
      sorted.add(names.get(node));
      for (int e = 0; e < edges.size(); e++) {
        if (!recurrent[e]
            && names.indexOf(edges.get(e).source()) == node
            && --pending[names.indexOf(edges.get(e).target())] == 0) {
          ready.add(names.indexOf(edges.get(e).target()));
        }
      }
    }
    return sorted;
  }

  /** Whether edge {@code index} (of {@link NetworkGraph#edges()}) closes a cycle. */
  boolean recurrent(int index) {
    return recurrent[index];
  }

  /** Every node, each after the sources of its non-recurrent edges. */
  List<String> order() {
    return order;
  }
}
