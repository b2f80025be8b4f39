package org.snncodesign.learning.stdp;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.Checks;
import org.snncodesign.api.learning.LearningRule;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * Pair-based additive STDP with exponential traces, plugin name {@code stdp} (Song, Miller &amp;
 * Abbott 2000, Nat. Neurosci. 3:919; the trace formulation of Morrison, Diesmann &amp; Gerstner
 * 2008, Biol. Cybern. 98:459):
 *
 * <pre>
 *   x_i &lt;- x_i e^{-dt/tau_plus} + s_i(t)       (presynaptic trace)
 *   y_j &lt;- y_j e^{-dt/tau_minus} + s_j(t)      (postsynaptic trace)
 *   post j spikes:  w_ij += a_plus  * x_i        (pre before post: potentiation)
 *   pre  i spikes:  w_ij -= a_minus * y_j        (post before pre: depression)
 *   w_ij clipped to [w_min, w_max]
 * </pre>
 *
 * <p>Traces are all-to-all (every earlier pairing counts, weighted by its age). Within one step the
 * traces are decayed first, then both updates use the traces before this step's spikes are added,
 * so simultaneous spikes cause no change. Parameters: {@code a_plus} (0.01), {@code a_minus}
 * (0.0105), {@code tau_plus} (0.02 s), {@code tau_minus} (0.02 s), {@code w_min} (0), {@code w_max}
 * (1).
 */
public final class PairStdp implements LearningRule {

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public PairStdp() {}

  @Override
  public String name() {
    return "stdp";
  }

  @Override
  public String description() {
    return "pair-based additive STDP with exponential pre/post traces (Song et al. 2000)";
  }

  @Override
  public ApiVersion apiVersion() {
    return new ApiVersion(1, 0);
  }

  @Override
  public Map<String, Double> defaultParameters() {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put("a_plus", 0.01);
    d.put("a_minus", 0.0105);
    d.put("tau_plus", 0.02);
    d.put("tau_minus", 0.02);
    d.put("w_min", 0.0);
    d.put("w_max", 1.0);
    return d;
  }

  @Override
  public WeightUpdate apply(
      SpikeRaster pre,
      SpikeRaster post,
      CsrMatrix weights,
      double dt,
      Map<String, Double> parameters) {
    Checks.positive(dt, "dt");
    Map<String, Double> p = new LinkedHashMap<>(defaultParameters());
    parameters.forEach(
        (k, v) -> {
          Checks.checkArgument(
              p.containsKey(k), "unknown STDP parameter '%s'; known: %s", k, p.keySet());
          p.put(k, v);
        });
    double aPlus = p.get("a_plus");
    double aMinus = p.get("a_minus");
    double wMin = p.get("w_min");
    double wMax = p.get("w_max");
    Checks.checkArgument(wMin <= wMax, "w_min %s must not exceed w_max %s", wMin, wMax);
    double decayPlus = Math.exp(-dt / Checks.positive(p.get("tau_plus"), "tau_plus"));
    double decayMinus = Math.exp(-dt / Checks.positive(p.get("tau_minus"), "tau_minus"));
    Checks.checkArgument(
        pre.timeSteps() == post.timeSteps(),
        "pre raster has %d steps but post has %d",
        pre.timeSteps(),
        post.timeSteps());
    Checks.checkArgument(
        pre.neurons() == weights.rows() && post.neurons() == weights.cols(),
        "rasters of %d pre and %d post neurons do not fit a %d x %d weight matrix",
        pre.neurons(),
        post.neurons(),
        weights.rows(),
        weights.cols());
    int[] rp = weights.rowPointers();
    int[] ci = weights.columnIndices();
    float[] w = weights.values();
    float[] before = w.clone();
    // Column view: for each post neuron the entries (indices into w) of its incoming synapses.
    int cols = weights.cols();
    int[] colPointers = new int[cols + 1];
    for (int c : ci) {
      colPointers[c + 1]++;
    }
    for (int c = 0; c < cols; c++) {
      colPointers[c + 1] += colPointers[c];
    }
    int[] entries = new int[ci.length];
    int[] rowOfEntry = new int[ci.length];
    int[] fill = colPointers.clone();
    for (int r = 0; r < weights.rows(); r++) {
      for (int k = rp[r]; k < rp[r + 1]; k++) {
        int at = fill[ci[k]]++;
        entries[at] = k;
        rowOfEntry[at] = r;
      }
    }
    double[] x = new double[pre.neurons()];
    double[] y = new double[post.neurons()];
    long[] preWords = pre.words();
    long[] postWords = post.words();
    for (int t = 0; t < pre.timeSteps(); t++) {
      for (int i = 0; i < x.length; i++) {
        x[i] *= decayPlus;
      }
      for (int j = 0; j < y.length; j++) {
        y[j] *= decayMinus;
      }
      int preBase = pre.stepOffset(t);
      for (int wd = 0; wd < pre.wordsPerStep(); wd++) {
        long word = preWords[preBase + wd];
        while (word != 0) {
          int i = (wd << 6) + Long.numberOfTrailingZeros(word);
          word &= word - 1;
          for (int k = rp[i]; k < rp[i + 1]; k++) {
            w[k] = (float) Math.max(wMin, Math.min(wMax, w[k] - aMinus * y[ci[k]]));
          }
        }
      }
      int postBase = post.stepOffset(t);
      for (int wd = 0; wd < post.wordsPerStep(); wd++) {
        long word = postWords[postBase + wd];
        while (word != 0) {
          int j = (wd << 6) + Long.numberOfTrailingZeros(word);
          word &= word - 1;
          for (int e = colPointers[j]; e < colPointers[j + 1]; e++) {
            int k = entries[e];
            w[k] = (float) Math.max(wMin, Math.min(wMax, w[k] + aPlus * x[rowOfEntry[e]]));
          }
        }
      }
      for (int wd = 0; wd < pre.wordsPerStep(); wd++) {
        long word = preWords[preBase + wd];
        while (word != 0) {
          x[(wd << 6) + Long.numberOfTrailingZeros(word)] += 1;
          word &= word - 1;
        }
      }
      for (int wd = 0; wd < post.wordsPerStep(); wd++) {
        long word = postWords[postBase + wd];
        while (word != 0) {
          y[(wd << 6) + Long.numberOfTrailingZeros(word)] += 1;
          word &= word - 1;
        }
      }
    }
    int potentiated = 0;
    int depressed = 0;
    double total = 0;
    for (int k = 0; k < w.length; k++) {
      if (w[k] > before[k]) {
        potentiated++;
      } else if (w[k] < before[k]) {
        depressed++;
      }
      total += Math.abs(w[k] - before[k]);
    }
    return new WeightUpdate(potentiated, depressed, total);
  }
}
