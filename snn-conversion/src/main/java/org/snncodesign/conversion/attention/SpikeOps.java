package org.snncodesign.conversion.attention;

import org.snncodesign.conversion.snn.PhaseCoding;

/**
 * The transformer's operations in one-spike form. Every operation reads spike phases (never the
 * decoded values of its inputs as a shortcut) and counts its work in an {@link OpCounts}. Values
 * are phase-coded as in {@link PhaseCoding}: a spike in phase {@code p} of a population with scale
 * {@code lambda} carries {@code lambda B^-p}.
 *
 * <ul>
 *   <li><b>Encoding</b> ({@link #encode}): a neuron integrates its input into a potential {@code V}
 *       and fires in the first phase {@code k} with {@code |V| / lambda >= rho B^-k} (log-domain
 *       rounding, saturating at phase 0, silent below {@code rho B^-(K-1)}). Relative error at most
 *       {@code B^(1/2) - 1} for {@code rho = B^-1/2}.
 *   <li><b>Linear layers</b> ({@link #linear}): a spike of phase {@code p} adds {@code W[o][i]
 *       lambda B^-p} to every output potential: one accumulate per synapse, as in the one-spike CNN
 *       conversion (the phase weight is a shift of pre-scaled weight copies when {@code B =
 *       2^(1/m)}).
 *   <li><b>Products of two spiking operands</b> ({@link #scores}, {@link #attentionValues}): in the
 *       log domain a product is a sum of exponents, {@code (lambda_a B^-a)(lambda_b B^-b) =
 *       lambda_a lambda_b B^-(a+b)}. A coincidence unit receiving a spike in phase {@code a} on one
 *       operand and in phase {@code b} on the other emits one event of phase {@code a + b} (the
 *       second arrival, delayed by the first one's phase), which the output neuron accumulates like
 *       any synaptic event: one accumulate per coincident pair, no multiplier. Pairs where either
 *       operand is silent cost nothing. This is exact given the coded operands.
 *   <li><b>Softmax by winner-oriented spike shift</b> ({@link #softmaxShift}): with {@code exp(x) =
 *       B^(x / ln B)}, {@code softmax(s)_j = B^-(d_j + u)} where {@code d_j = (max s - s_j) / ln B}
 *       is the delay of score {@code j} behind the winner and {@code u = log_B sum_k B^-d_k}. Score
 *       neurons race against a shared threshold falling by {@code ln B} per phase; the winner fires
 *       first, and every other neuron fires {@code d_j = round(delta_j)} phases later. A normaliser
 *       accumulates the attention spikes' weights {@code Z = sum_k B^-d_k}, fires after {@code u =
 *       round(log_B Z)} phases, and every attention spike is shifted by {@code u} phases.
 *       Approximation: each exponent and the normaliser are rounded to whole phases, so an
 *       attention weight is within a factor {@code B^(±1)} of the exact one; weights below {@code
 *       B^-(K-1)} are dropped.
 *   <li><b>Layer norm by spike shift</b> ({@link #layerNorm}): the mean neuron accumulates the
 *       token's spikes ({@code 1/D} folded into its phase weight) and fires once (coded with the
 *       input's scale); centred neurons integrate {@code x_i - mu} and fire; a variance neuron
 *       accumulates each centred spike squared, which in the log domain is the doubled phase {@code
 *       2a} (one accumulate, no multiplier); a shift neuron finds {@code u = round(log_B sqrt(var +
 *       eps))} and every centred spike is delayed by {@code u} phases, which divides it by {@code
 *       B^u ~ sigma}. Gain and shift are folded into the next linear layer. Approximation: {@code
 *       sigma} rounded to a power of {@code B} (factor {@code B^(±1/2)}), plus the coding of {@code
 *       mu} and of the centred values.
 *   <li><b>ReLU</b>: exact, a neuron with a positive threshold never fires for a negative
 *       potential.
 * </ul>
 */
public final class SpikeOps {
  private SpikeOps() {}

  /**
   * Fires neurons {@code [from, from + n)} of {@code out} from potentials {@code v[vFrom..]}:
   * signed populations code {@code |V|} and a sign; unsigned ones (ReLU) stay silent for {@code V
   * <= 0}.
   */
  public static void encode(
      float[] v,
      int vFrom,
      int n,
      boolean signed,
      PhaseCoding coding,
      float[] thresholds,
      SpikeTensor out,
      int from,
      OpCounts counts) {
    double inv = 1 / out.scale;
    int k = coding.phases();
    for (int i = 0; i < n; i++) {
      float raw = v[vFrom + i];
      boolean neg = raw < 0;
      double x = (neg ? -raw : raw) * inv;
      int phase = SpikeTensor.SILENT;
      if (signed || !neg) {
        for (int p = 0; p < k; p++) {
          if (x >= thresholds[p]) {
            phase = p;
            break;
          }
        }
      }
      counts.neurons++;
      if (phase == SpikeTensor.SILENT) {
        counts.neuron += k;
      } else {
        counts.neuron += phase + 1;
        counts.spikes++;
      }
      out.phase[from + i] = phase;
      out.negative[from + i] = neg;
    }
  }

  /**
   * Output potentials of a linear layer on {@code tokens} tokens: {@code v[t][o] = bias + sum_i
   * Wt[i][o] x[t][i]} where {@code x} is read spike by spike. {@code wt} is the transposed weight
   * {@code [nIn][nOut]}; {@code bias} has {@code nOut} values, or {@code tokens * nOut} when {@code
   * perTokenBias}.
   */
  public static void linear(
      SpikeTensor in,
      int tokens,
      int nIn,
      float[] wt,
      float[] bias,
      boolean perTokenBias,
      int nOut,
      PhaseWeights phi,
      float[] v,
      OpCounts counts) {
    for (int t = 0; t < tokens; t++) {
      int vo = t * nOut;
      int bo = perTokenBias ? vo : 0;
      for (int o = 0; o < nOut; o++) {
        float b = bias[bo + o];
        v[vo + o] = b;
        if (b != 0f) {
          counts.neuron++;
        }
      }
      for (int i = 0; i < nIn; i++) {
        int p = in.phase[t * nIn + i];
        if (p == SpikeTensor.SILENT) {
          continue;
        }
        float x = (float) (in.scale * phi.of(p));
        if (in.negative[t * nIn + i]) {
          x = -x;
        }
        int row = i * nOut;
        for (int o = 0; o < nOut; o++) {
          v[vo + o] += wt[row + o] * x;
        }
        counts.synaptic += nOut;
      }
    }
  }

  /**
   * Adds the identity (residual) connection from {@code in} into {@code v}: one accumulate per
   * spike.
   */
  public static void addIdentity(SpikeTensor in, PhaseWeights phi, float[] v, OpCounts counts) {
    for (int i = 0; i < in.phase.length; i++) {
      int p = in.phase[i];
      if (p != SpikeTensor.SILENT) {
        float x = (float) (in.scale * phi.of(p));
        v[i] += in.negative[i] ? -x : x;
        counts.synaptic++;
      }
    }
  }

  /**
   * Attention scores {@code s[h][i][j] = sum_c q[i][h dh + c] k[j][h dh + c]} as sums of
   * spike-timing products (see the class comment); {@code 1/sqrt(dh)} is folded into the query
   * weights by the converter.
   */
  public static void scores(
      SpikeTensor q,
      SpikeTensor k,
      int tokens,
      int d,
      int heads,
      PhaseWeights phi,
      float[] s,
      OpCounts counts) {
    int dh = d / heads;
    double scale = q.scale * k.scale;
    for (int h = 0; h < heads; h++) {
      int c0 = h * dh;
      for (int i = 0; i < tokens; i++) {
        for (int j = 0; j < tokens; j++) {
          double sum = 0;
          for (int c = 0; c < dh; c++) {
            int a = q.phase[i * d + c0 + c];
            int b = k.phase[j * d + c0 + c];
            if (a == SpikeTensor.SILENT || b == SpikeTensor.SILENT) {
              continue;
            }
            double w = phi.of(a + b);
            sum += q.negative[i * d + c0 + c] != k.negative[j * d + c0 + c] ? -w : w;
            counts.synaptic++;
          }
          s[(h * tokens + i) * tokens + j] = (float) (scale * sum);
        }
      }
    }
  }

  /**
   * Softmax of every row of {@code s} ({@code rows x n}) by winner-oriented spike shift (see the
   * class comment), into the phases of {@code a} (unsigned, scale 1).
   */
  public static void softmaxShift(
      float[] s, int rows, int n, PhaseWeights phi, SpikeTensor a, OpCounts counts) {
    PhaseCoding coding = phi.coding();
    int k = coding.phases();
    double lnB = Math.log(coding.base());
    a.scale = 1;
    for (int r = 0; r < rows; r++) {
      int o = r * n;
      float max = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        max = Math.max(max, s[o + j]);
      }
      double z = 0;
      for (int j = 0; j < n; j++) {
        double delta = (max - s[o + j]) / lnB;
        // First phase t with s_j >= max - (t + 1/2) ln B: the racing neuron under the falling
        // threshold.
        int t = (int) Math.max(0, Math.ceil(delta - 0.5));
        counts.neurons++;
        if (t >= k) {
          a.phase[o + j] = SpikeTensor.SILENT;
          counts.neuron += k;
        } else {
          a.phase[o + j] = t;
          counts.neuron += t + 1;
          z += phi.of(t);
          counts.synaptic++;
        }
        a.negative[o + j] = false;
      }
      // The normaliser fires at the first u with B^(u + 1/2) >= Z (Z >= 1: the winner contributes
      // B^0).
      int u = (int) Math.max(0, Math.ceil(Math.log(z) / lnB - 0.5));
      counts.neuron += u + 1;
      for (int j = 0; j < n; j++) {
        int p = a.phase[o + j];
        if (p != SpikeTensor.SILENT) {
          p += u;
          if (p >= k) {
            a.phase[o + j] = SpikeTensor.SILENT;
          } else {
            a.phase[o + j] = p;
            counts.spikes++;
          }
        }
      }
    }
  }

  /**
   * {@code out[i][h dh + c] = sum_j a[h][i][j] v[j][h dh + c]} as sums of spike-timing products;
   * potentials into {@code o}.
   */
  public static void attentionValues(
      SpikeTensor a,
      SpikeTensor v,
      int tokens,
      int d,
      int heads,
      PhaseWeights phi,
      float[] o,
      OpCounts counts) {
    int dh = d / heads;
    java.util.Arrays.fill(o, 0, tokens * d, 0f);
    for (int h = 0; h < heads; h++) {
      int c0 = h * dh;
      for (int i = 0; i < tokens; i++) {
        int row = (h * tokens + i) * tokens;
        for (int j = 0; j < tokens; j++) {
          int pa = a.phase[row + j];
          if (pa == SpikeTensor.SILENT) {
            continue;
          }
          for (int c = 0; c < dh; c++) {
            int pv = v.phase[j * d + c0 + c];
            if (pv == SpikeTensor.SILENT) {
              continue;
            }
            float w = (float) (v.scale * phi.of(pa + pv));
            o[i * d + c0 + c] += v.negative[j * d + c0 + c] ? -w : w;
            counts.synaptic++;
          }
        }
      }
    }
  }

  /**
   * Layer norm of each token of {@code x} ({@code tokens x d}) by spike shift (see the class
   * comment) into {@code out}, whose scale must be set to the centred values' scale; {@code
   * scratch} holds {@code d + 1} floats. Output values approximate {@code (x - mean) / sqrt(var +
   * eps)}, before gain and shift.
   */
  public static void layerNorm(
      SpikeTensor x,
      int tokens,
      int d,
      float eps,
      PhaseWeights phi,
      float[] thresholds,
      SpikeTensor out,
      float[] scratch,
      SpikeTensor meanSpike,
      OpCounts counts) {
    PhaseCoding coding = phi.coding();
    double lnB = Math.log(coding.base());
    meanSpike.scale = x.scale;
    for (int t = 0; t < tokens; t++) {
      int o = t * d;
      // Mean neuron: 1/D folded into its phase weights.
      double mean = 0;
      for (int i = 0; i < d; i++) {
        int p = x.phase[o + i];
        if (p != SpikeTensor.SILENT) {
          double w = x.scale * phi.of(p);
          mean += x.negative[o + i] ? -w : w;
          counts.synaptic++;
        }
      }
      scratch[d] = (float) (mean / d);
      encode(scratch, d, 1, true, coding, thresholds, meanSpike, 0, counts);
      double mu = meanSpike.value(0, phi);
      // Centred neurons: own spike plus the negated mean spike.
      for (int i = 0; i < d; i++) {
        int p = x.phase[o + i];
        double xi = 0;
        if (p != SpikeTensor.SILENT) {
          xi = x.scale * phi.of(p);
          xi = x.negative[o + i] ? -xi : xi;
          counts.synaptic++;
        }
        if (mu != 0) {
          counts.synaptic++;
        }
        scratch[i] = (float) (xi - mu);
      }
      encode(scratch, 0, d, true, coding, thresholds, out, o, counts);
      // Variance neuron: each centred spike squared is its doubled phase.
      double var = 0;
      double s2 = out.scale * out.scale;
      for (int i = 0; i < d; i++) {
        int p = out.phase[o + i];
        if (p != SpikeTensor.SILENT) {
          var += s2 * phi.of(2 * p);
          counts.synaptic++;
        }
      }
      var /= d;
      double logSigma = 0.5 * Math.log(var + eps) / lnB;
      int u = (int) Math.ceil(logSigma - 0.5);
      counts.neuron += Math.abs(u) + 1;
      for (int i = 0; i < d; i++) {
        if (out.phase[o + i] != SpikeTensor.SILENT) {
          out.phase[o + i] += u;
        }
      }
    }
  }

  /**
   * Mean over tokens of {@code x} ({@code tokens x d}) into potentials {@code v}: one accumulate
   * per spike.
   */
  public static void meanPool(
      SpikeTensor x, int tokens, int d, PhaseWeights phi, float[] v, OpCounts counts) {
    java.util.Arrays.fill(v, 0, d, 0f);
    for (int t = 0; t < tokens; t++) {
      for (int i = 0; i < d; i++) {
        int p = x.phase[t * d + i];
        if (p != SpikeTensor.SILENT) {
          float w = (float) (x.scale * phi.of(p) / tokens);
          v[i] += x.negative[t * d + i] ? -w : w;
          counts.synaptic++;
        }
      }
    }
  }
}
