package org.snncodesign.learning.lsm.pruning;

import java.util.Arrays;
import org.snncodesign.api.Checks;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.learning.lsm.Liquid;

/**
 * Pruning with adaptive re-connection (thesis 2.2): instead of dropping the synapses of a removed
 * neuron, they are handed to the nearest kept neuron of the same type (squared grid distance, ties
 * to the lower index), so the active neurons inherit the drive the removed ones would have received
 * and passed on:
 *
 * <ul>
 *   <li>a synapse {@code a -> r} onto removed r (from a kept neuron or an input channel) becomes
 *       {@code a -> r'};
 *   <li>a synapse {@code r -> b} from removed r onto kept b becomes {@code r' -> b} (r' keeps its
 *       own sign, being of r's type);
 * </ul>
 *
 * <p>where r' is r's heir. A re-wired synapse that would duplicate an existing one, or connect a
 * neuron to itself, is dropped. The pruned liquid therefore keeps most synapses but concentrates
 * them on active neurons.
 *
 * <p>With {@code restoreFanIn} the re-connection only replaces lost partners: every kept neuron may
 * receive at most as many recurrent synapses (and input synapses) as it had before pruning. Its
 * surviving original synapses stay; re-wired candidates fill the free places strongest |w| first
 * (ties by presynaptic, then postsynaptic index). The liquid then keeps its per-neuron connection
 * density, so synapses shrink with neurons (about as many times fewer), while no kept neuron loses
 * inputs.
 */
public final class AdaptiveReconnection {
  private AdaptiveReconnection() {}

  /**
   * The heir of every neuron: itself if kept, else the nearest kept neuron of its type (-1 if
   * none).
   */
  public static int[] heirs(Liquid liquid, int[] keep) {
    int n = liquid.neurons();
    boolean[] kept = new boolean[n];
    for (int k : keep) {
      Checks.checkArgument(k >= 0 && k < n, "kept neuron %d outside [0, %d)", k, n);
      kept[k] = true;
    }
    int[] heir = new int[n];
    for (int r = 0; r < n; r++) {
      if (kept[r]) {
        heir[r] = r;
        continue;
      }
      int best = -1;
      int bestDistance = Integer.MAX_VALUE;
      for (int k : keep) {
        if (liquid.isExcitatory(k) == liquid.isExcitatory(r)) {
          int d = liquid.distanceSquared(r, k);
          if (d < bestDistance) {
            best = k;
            bestDistance = d;
          }
        }
      }
      heir[r] = best;
    }
    return heir;
  }

  /**
   * The liquid restricted to {@code keep} (ascending) with the removed neurons' synapses re-wired
   * to heirs.
   */
  public static Liquid prune(Liquid liquid, int[] keep) {
    return prune(liquid, keep, false);
  }

  /**
   * As {@link #prune(Liquid, int[])}; with {@code restoreFanIn} no kept neuron ends with more
   * recurrent or input synapses than it had before.
   */
  public static Liquid prune(Liquid liquid, int[] keep, boolean restoreFanIn) {
    int n = liquid.neurons();
    int[] heir = heirs(liquid, keep);
    int[] newIndex = new int[n];
    Arrays.fill(newIndex, -1);
    for (int i = 0; i < keep.length; i++) {
      newIndex[keep[i]] = i;
    }
    int m = keep.length;
    CsrMatrix recurrent = liquid.recurrent();
    // Dense-free accumulation: per new row, collect (column, weight) then sort and drop duplicates.
    int[][] columns = new int[m][];
    float[][] weights = new float[m][];
    int[] counts = new int[m];
    for (int i = 0; i < m; i++) {
      columns[i] = new int[8];
      weights[i] = new float[8];
    }
    int[] rp = recurrent.rowPointers();
    int[] ci = recurrent.columnIndices();
    float[] v = recurrent.values();
    int[] fanIn = new int[m];
    int[] cap = capacity(recurrent, newIndex, m, restoreFanIn);
    Candidates rewired = new Candidates();
    // Original synapses between kept neurons come first so that they win over re-wired duplicates.
    for (int pass = 0; pass < 2; pass++) {
      for (int a = 0; a < n; a++) {
        for (int k = rp[a]; k < rp[a + 1]; k++) {
          int b = ci[k];
          boolean original = newIndex[a] >= 0 && newIndex[b] >= 0;
          if ((pass == 0) != original) {
            continue;
          }
          int from = heir[a] < 0 ? -1 : newIndex[heir[a]];
          int to = heir[b] < 0 ? -1 : newIndex[heir[b]];
          if (from < 0 || to < 0 || from == to) {
            continue;
          }
          if (pass == 0) {
            add(columns, weights, counts, from, to, v[k]);
            fanIn[to]++;
          } else {
            rewired.add(from, to, v[k]);
          }
        }
      }
    }
    rewired.fill(columns, weights, counts, fanIn, cap);
    CsrMatrix newRecurrent = toCsr(columns, weights, counts, m, m);
    CsrMatrix input = liquid.input();
    int channels = input.rows();
    int[][] inColumns = new int[channels][];
    float[][] inWeights = new float[channels][];
    int[] inCounts = new int[channels];
    for (int c = 0; c < channels; c++) {
      inColumns[c] = new int[8];
      inWeights[c] = new float[8];
    }
    int[] inFanIn = new int[m];
    int[] inCap = capacity(input, newIndex, m, restoreFanIn);
    Candidates inRewired = new Candidates();
    for (int pass = 0; pass < 2; pass++) {
      for (int c = 0; c < channels; c++) {
        for (int k = input.rowPointers()[c]; k < input.rowPointers()[c + 1]; k++) {
          int b = input.columnIndices()[k];
          if ((pass == 0) != (newIndex[b] >= 0)) {
            continue;
          }
          int to = heir[b] < 0 ? -1 : newIndex[heir[b]];
          if (to < 0) {
            continue;
          }
          if (pass == 0) {
            add(inColumns, inWeights, inCounts, c, to, input.values()[k]);
            inFanIn[to]++;
          } else {
            inRewired.add(c, to, input.values()[k]);
          }
        }
      }
    }
    inRewired.fill(inColumns, inWeights, inCounts, inFanIn, inCap);
    CsrMatrix newInput = toCsr(inColumns, inWeights, inCounts, channels, m);
    Liquid sub = liquid.subLiquid(keep);
    return sub.withSynapses(newRecurrent, newInput);
  }

  /** Per kept neuron, how many synapses onto it may exist: its old fan-in, or unbounded. */
  private static int[] capacity(CsrMatrix m, int[] newIndex, int kept, boolean restoreFanIn) {
    int[] cap = new int[kept];
    if (!restoreFanIn) {
      Arrays.fill(cap, Integer.MAX_VALUE);
      return cap;
    }
    for (int c : m.columnIndices()) {
      if (newIndex[c] >= 0) {
        cap[newIndex[c]]++;
      }
    }
    return cap;
  }

  /** Re-wired synapse candidates, added strongest first while the target has room. */
  private static final class Candidates {
    private int[] from = new int[64];
    private int[] to = new int[64];
    private float[] weight = new float[64];
    private int size;

    void add(int f, int t, float w) {
      if (size == from.length) {
        from = Arrays.copyOf(from, size * 2);
        to = Arrays.copyOf(to, size * 2);
        weight = Arrays.copyOf(weight, size * 2);
      }
      from[size] = f;
      to[size] = t;
      weight[size++] = w;
    }

    void fill(int[][] columns, float[][] weights, int[] counts, int[] fanIn, int[] cap) {
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      Arrays.sort(
          order,
          (x, y) -> {
            int c = Float.compare(Math.abs(weight[y]), Math.abs(weight[x]));
            if (c != 0) {
              return c;
            }
            c = Integer.compare(from[x], from[y]);
            return c != 0 ? c : Integer.compare(to[x], to[y]);
          });
      for (int i : order) {
        int t = to[i];
        if (fanIn[t] < cap[t]
            && AdaptiveReconnection.add(columns, weights, counts, from[i], t, weight[i])) {
          fanIn[t]++;
        }
      }
    }
  }

  /**
   * Adds a synapse unless the row already has one onto {@code column}; returns whether it was
   * added.
   */
  private static boolean add(
      int[][] columns, float[][] weights, int[] counts, int row, int column, float weight) {
    int[] cols = columns[row];
    for (int i = 0; i < counts[row]; i++) {
      if (cols[i] == column) {
        return false;
      }
    }
    if (counts[row] == cols.length) {
      columns[row] = Arrays.copyOf(cols, cols.length * 2);
      weights[row] = Arrays.copyOf(weights[row], cols.length * 2);
    }
    columns[row][counts[row]] = column;
    weights[row][counts[row]++] = weight;
    return true;
  }

  private static CsrMatrix toCsr(
      int[][] columns, float[][] weights, int[] counts, int rows, int cols) {
    int[] pointers = new int[rows + 1];
    for (int r = 0; r < rows; r++) {
      pointers[r + 1] = pointers[r] + counts[r];
    }
    int[] outColumns = new int[pointers[rows]];
    float[] outValues = new float[pointers[rows]];
    for (int r = 0; r < rows; r++) {
      Integer[] order = new Integer[counts[r]];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      int[] c = columns[r];
      Arrays.sort(order, (x, y) -> Integer.compare(c[x], c[y]));
      for (int i = 0; i < order.length; i++) {
        outColumns[pointers[r] + i] = c[order[i]];
        outValues[pointers[r] + i] = weights[r][order[i]];
      }
    }
    return new CsrMatrix(rows, cols, pointers, outColumns, outValues);
  }
}
