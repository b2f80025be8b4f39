package org.snncodesign.learning.lsm;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.snncodesign.api.Checks;
import org.snncodesign.api.sparse.CsrMatrix;

/**
 * The structure of a liquid: neurons on a 3-D grid, their type, the recurrent synapses and the
 * input projection (Maass, Natschläger &amp; Markram 2002). Immutable in structure; the weight
 * arrays of {@link #recurrent()} may be changed in place by learning rules.
 *
 * <p>{@link #recurrent()} is {@code neurons x neurons}, row = presynaptic neuron, with positive
 * weights on rows of excitatory neurons and negative weights on rows of inhibitory ones. {@link
 * #input()} is {@code inputChannels x neurons}, non-negative. Neuron {@code i} sits at grid point
 * {@code (x[i], y[i], z[i])}; after pruning, neurons keep their original positions.
 */
public final class Liquid {
  private final LiquidParameters parameters;
  private final int[] x;
  private final int[] y;
  private final int[] z;
  private final boolean[] excitatory;
  private final int[] originalIndex;
  private final CsrMatrix recurrent;
  private final CsrMatrix input;

  /**
   * Wraps a liquid's parts (not copied).
   *
   * @param originalIndex index of each neuron in the liquid it was pruned from (identity for a new
   *     liquid)
   */
  public Liquid(
      LiquidParameters parameters,
      int[] x,
      int[] y,
      int[] z,
      boolean[] excitatory,
      int[] originalIndex,
      CsrMatrix recurrent,
      CsrMatrix input) {
    int n = excitatory.length;
    Checks.checkArgument(
        x.length == n && y.length == n && z.length == n && originalIndex.length == n,
        "positions (%d, %d, %d) and original indices (%d) must match %d neurons",
        x.length,
        y.length,
        z.length,
        originalIndex.length,
        n);
    Checks.checkArgument(
        recurrent.rows() == n && recurrent.cols() == n,
        "recurrent matrix is %d x %d but the liquid has %d neurons",
        recurrent.rows(),
        recurrent.cols(),
        n);
    Checks.checkArgument(
        input.cols() == n,
        "input matrix has %d columns but the liquid has %d neurons",
        input.cols(),
        n);
    Checks.checkArgument(
        input.rows() == parameters.inputChannels(),
        "input matrix has %d rows but the parameters state %d input channels",
        input.rows(),
        parameters.inputChannels());
    this.parameters = parameters;
    this.x = x;
    this.y = y;
    this.z = z;
    this.excitatory = excitatory;
    this.originalIndex = originalIndex;
    this.recurrent = recurrent;
    this.input = input;
  }

  /** Grid sides (x, y, z) for {@code neurons} neurons: a near-cube with x = y = round(cbrt(n)). */
  public static int[] gridSides(int neurons) {
    Checks.positive(neurons, "neurons");
    int side = Math.max(1, (int) Math.round(Math.cbrt(neurons)));
    int depth = (neurons + side * side - 1) / (side * side);
    return new int[] {side, side, depth};
  }

  /**
   * Draws a liquid: grid positions in row-major order of the grid, a seeded random choice of the
   * excitatory neurons, then for every ordered pair (a, b), a != b, a synapse with probability
   * {@code C(a, b) exp(-(D(a, b) / lambda)^2)} and weight {@code +-w(a, b) u}, u uniform in [0.5,
   * 1.5).
   */
  public static Liquid create(LiquidParameters p) {
    int n = p.neurons();
    int[] sides = gridSides(n);
    int[] xs = new int[n];
    int[] ys = new int[n];
    int[] zs = new int[n];
    for (int i = 0; i < n; i++) {
      xs[i] = i % sides[0];
      ys[i] = (i / sides[0]) % sides[1];
      zs[i] = i / (sides[0] * sides[1]);
    }
    SplittableRandom random = new SplittableRandom(p.seed());
    boolean[] exc = new boolean[n];
    int[] order = permutation(n, random);
    int excitatoryCount = (int) Math.round(p.excitatoryFraction() * n);
    for (int k = 0; k < excitatoryCount; k++) {
      exc[order[k]] = true;
    }
    double inverseLambdaSquared = 1.0 / (p.lambda() * p.lambda());
    int[] pointers = new int[n + 1];
    int[] columns = new int[Math.max(16, n * 8)];
    float[] values = new float[columns.length];
    int k = 0;
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        if (a == b) {
          continue;
        }
        double dx = xs[a] - xs[b];
        double dy = ys[a] - ys[b];
        double dz = zs[a] - zs[b];
        double prob =
            p.connectionConstant(exc[a], exc[b])
                * Math.exp(-(dx * dx + dy * dy + dz * dz) * inverseLambdaSquared);
        if (random.nextDouble() < prob) {
          if (k == columns.length) {
            columns = Arrays.copyOf(columns, k * 2);
            values = Arrays.copyOf(values, k * 2);
          }
          double w = p.meanWeight(exc[a], exc[b]) * (0.5 + random.nextDouble());
          columns[k] = b;
          values[k++] = (float) (exc[a] ? w : -w);
        }
      }
      pointers[a + 1] = k;
    }
    CsrMatrix recurrent =
        new CsrMatrix(n, n, pointers, Arrays.copyOf(columns, k), Arrays.copyOf(values, k));
    CsrMatrix input = drawInput(p, n, random);
    int[] identity = new int[n];
    Arrays.setAll(identity, i -> i);
    return new Liquid(p, xs, ys, zs, exc, identity, recurrent, input);
  }

  private static CsrMatrix drawInput(LiquidParameters p, int n, SplittableRandom random) {
    int channels = p.inputChannels();
    int[] pointers = new int[channels + 1];
    int[] columns =
        new int[Math.max(16, (int) Math.ceil(channels * n * p.inputProbability() * 1.2) + 16)];
    float[] values = new float[columns.length];
    int k = 0;
    for (int c = 0; c < channels; c++) {
      for (int b = 0; b < n; b++) {
        if (random.nextDouble() < p.inputProbability()) {
          if (k == columns.length) {
            columns = Arrays.copyOf(columns, k * 2);
            values = Arrays.copyOf(values, k * 2);
          }
          columns[k] = b;
          values[k++] = (float) (p.inputWeight() * (0.5 + random.nextDouble()));
        }
      }
      pointers[c + 1] = k;
    }
    return new CsrMatrix(
        channels, n, pointers, Arrays.copyOf(columns, k), Arrays.copyOf(values, k));
  }

  private static int[] permutation(int n, SplittableRandom random) {
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  public LiquidParameters parameters() {
    return parameters;
  }

  public int neurons() {
    return excitatory.length;
  }

  /** Recurrent synapses. */
  public int synapses() {
    return recurrent.nonZeros();
  }

  /** Input synapses. */
  public int inputSynapses() {
    return input.nonZeros();
  }

  public boolean isExcitatory(int neuron) {
    return excitatory[neuron];
  }

  /** Number of excitatory neurons. */
  public int excitatoryCount() {
    int count = 0;
    for (boolean e : excitatory) {
      count += e ? 1 : 0;
    }
    return count;
  }

  /** Grid position (x, y, z) of a neuron. */
  public int[] position(int neuron) {
    return new int[] {x[neuron], y[neuron], z[neuron]};
  }

  /** Squared grid distance between two neurons. */
  public int distanceSquared(int a, int b) {
    int dx = x[a] - x[b];
    int dy = y[a] - y[b];
    int dz = z[a] - z[b];
    return dx * dx + dy * dy + dz * dz;
  }

  /** Index of each neuron in the liquid this one was pruned from, a copy. */
  public int[] originalIndex() {
    return originalIndex.clone();
  }

  /** Recurrent weights, row = presynaptic neuron (the live matrix). */
  public CsrMatrix recurrent() {
    return recurrent;
  }

  /** Input weights, row = input channel (the live matrix). */
  public CsrMatrix input() {
    return input;
  }

  /**
   * Bytes of the liquid's parameters as stored in a memory: CSR of recurrent and input synapses
   * (4-byte indices and weights), one type bit per neuron rounded up to bytes.
   */
  public long storageBytes() {
    return recurrent.storageBytes() + input.storageBytes() + (neurons() + 7) / 8;
  }

  /** The same neurons with other recurrent and input matrices (e.g. rewired); shapes must agree. */
  public Liquid withSynapses(CsrMatrix newRecurrent, CsrMatrix newInput) {
    return new Liquid(parameters, x, y, z, excitatory, originalIndex, newRecurrent, newInput);
  }

  /** A deep copy whose weights can be changed without touching this liquid. */
  public Liquid copy() {
    return withSynapses(copyOf(recurrent), copyOf(input));
  }

  private static CsrMatrix copyOf(CsrMatrix m) {
    return new CsrMatrix(
        m.rows(), m.cols(), m.rowPointers().clone(), m.columnIndices().clone(), m.values().clone());
  }

  /**
   * The liquid restricted to the neurons {@code keep} (strictly ascending indices): every synapse
   * from or to a removed neuron is dropped, input synapses onto removed neurons too.
   */
  public Liquid subLiquid(int[] keep) {
    int n = neurons();
    int[] newIndex = new int[n];
    Arrays.fill(newIndex, -1);
    for (int i = 0; i < keep.length; i++) {
      Checks.checkArgument(
          keep[i] >= 0 && keep[i] < n, "kept neuron %d outside [0, %d)", keep[i], n);
      Checks.checkArgument(
          i == 0 || keep[i] > keep[i - 1],
          "kept neurons must ascend, got %d after %d",
          keep[i],
          i == 0 ? -1 : keep[i - 1]);
      newIndex[keep[i]] = i;
    }
    int m = keep.length;
    int[] xs = new int[m];
    int[] ys = new int[m];
    int[] zs = new int[m];
    boolean[] exc = new boolean[m];
    int[] original = new int[m];
    for (int i = 0; i < m; i++) {
      xs[i] = x[keep[i]];
      ys[i] = y[keep[i]];
      zs[i] = z[keep[i]];
      exc[i] = excitatory[keep[i]];
      original[i] = originalIndex[keep[i]];
    }
    CsrMatrix rec = selectRows(recurrent, keep, newIndex, m);
    int[] allChannels = new int[input.rows()];
    Arrays.setAll(allChannels, i -> i);
    CsrMatrix in = selectRows(input, allChannels, newIndex, m);
    return new Liquid(parameters, xs, ys, zs, exc, original, rec, in);
  }

  private static CsrMatrix selectRows(CsrMatrix m, int[] rows, int[] newColumn, int cols) {
    int[] rp = m.rowPointers();
    int[] ci = m.columnIndices();
    float[] v = m.values();
    int[] pointers = new int[rows.length + 1];
    int count = 0;
    for (int r : rows) {
      for (int k = rp[r]; k < rp[r + 1]; k++) {
        count += newColumn[ci[k]] >= 0 ? 1 : 0;
      }
    }
    int[] columns = new int[count];
    float[] values = new float[count];
    int k2 = 0;
    for (int i = 0; i < rows.length; i++) {
      int r = rows[i];
      for (int k = rp[r]; k < rp[r + 1]; k++) {
        int c = newColumn[ci[k]];
        if (c >= 0) {
          columns[k2] = c;
          values[k2++] = v[k];
        }
      }
      pointers[i + 1] = k2;
    }
    return new CsrMatrix(rows.length, cols, pointers, columns, values);
  }

  @Override
  public String toString() {
    return "Liquid["
        + neurons()
        + " neurons ("
        + excitatoryCount()
        + " E), "
        + synapses()
        + " recurrent, "
        + inputSynapses()
        + " input synapses]";
  }
}
