package org.snncodesign.learning.lsm.pruning;

import org.snncodesign.api.Checks;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.learning.lsm.Liquid;

/**
 * Keeps the total recurrent synaptic drive of every kept neuron when a liquid is pruned: for kept
 * neuron i (neuron {@code keep[i]} of the liquid before pruning) the summed excitatory weight onto
 * it, and separately the summed inhibitory |weight|, are rescaled to what they were before pruning,
 *
 * <pre>
 *   w'_ji = w_ji * min(cap, D_before(i) / D_after(i))     (per sign; D = sum of |w| onto i)
 * </pre>
 *
 * <p>so a neuron that lost presynaptic partners (plain pruning) or gained duplicates-dropped heirs
 * (adaptive re-connection) sees the same mean recurrent input as before (homeostatic synaptic
 * scaling, Turrigiano 2008, Cell 135:422, applied once). The factor is capped so that a neuron left
 * with one weak synapse is not given a huge one; a neuron that lost all synapses of a sign keeps
 * none.
 */
public final class DriveBalance {
  /** Largest factor one neuron's incoming weights of one sign are scaled by. */
  public static final double MAX_SCALE = 4.0;

  private DriveBalance() {}

  /**
   * The pruned liquid {@code after} (neuron i = neuron {@code keep[i]} of {@code before}) with its
   * recurrent weights rescaled; the input projection is unchanged.
   */
  public static Liquid restore(Liquid before, int[] keep, Liquid after) {
    Checks.checkArgument(
        keep.length == after.neurons(),
        "%d kept indices for a liquid of %d neurons",
        keep.length,
        after.neurons());
    double[][] target = incoming(before.recurrent());
    double[][] now = incoming(after.recurrent());
    int m = after.neurons();
    double[][] scale = new double[2][m];
    for (int sign = 0; sign < 2; sign++) {
      for (int i = 0; i < m; i++) {
        double want = target[sign][keep[i]];
        double have = now[sign][i];
        scale[sign][i] = have > 0 ? Math.min(MAX_SCALE, want / have) : 1;
      }
    }
    CsrMatrix r = after.recurrent();
    float[] values = r.values().clone();
    int[] columns = r.columnIndices();
    for (int k = 0; k < values.length; k++) {
      values[k] = (float) (values[k] * scale[values[k] >= 0 ? 0 : 1][columns[k]]);
    }
    CsrMatrix rescaled =
        new CsrMatrix(r.rows(), r.cols(), r.rowPointers().clone(), columns.clone(), values);
    return after.withSynapses(rescaled, after.input());
  }

  /** Per column: summed positive weight [0] and summed |negative weight| [1]. */
  static double[][] incoming(CsrMatrix m) {
    double[][] sum = new double[2][m.cols()];
    int[] columns = m.columnIndices();
    float[] values = m.values();
    for (int k = 0; k < values.length; k++) {
      if (values[k] >= 0) {
        sum[0][columns[k]] += values[k];
      } else {
        sum[1][columns[k]] -= values[k];
      }
    }
    return sum;
  }
}
