package org.snncodesign.conversion.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.conversion.snn.PhaseCoding;
import org.snncodesign.conversion.transformer.VitMath;

/**
 * Each converted operation against its ANN operation on random inputs. Coding: base 2^(1/4), 32
 * phases (8 octaves), log-nearest rounding; a coded value is within a factor 2^(±1/8) (±9%) of the
 * exact one.
 */
class SpikeOpsTest {
  private static final PhaseCoding CODING = PhaseCoding.rootOfTwo(4, 8);
  private static final PhaseWeights PHI = new PhaseWeights(CODING);
  private static final float[] TH = CODING.thresholds();
  private static final double HALF_STEP = Math.pow(CODING.base(), 0.5) - 1;

  private static float[] gaussian(SplittableRandom r, int n, double sigma) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      double u = r.nextDouble();
      double v = r.nextDouble();
      x[i] = (float) (sigma * Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v));
    }
    return x;
  }

  private static SpikeTensor coded(float[] x, double scale, boolean signed) {
    SpikeTensor s = new SpikeTensor(x.length);
    s.scale = scale;
    SpikeOps.encode(x, 0, x.length, signed, CODING, TH, s, 0, new OpCounts());
    return s;
  }

  private static double relativeL2(float[] actual, float[] expected) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < expected.length; i++) {
      num += (actual[i] - expected[i]) * (double) (actual[i] - expected[i]);
      den += expected[i] * (double) expected[i];
    }
    return Math.sqrt(num / den);
  }

  private static float[] decoded(SpikeTensor s) {
    float[] v = new float[s.size()];
    s.decode(PHI, v);
    return v;
  }

  @Test
  @DisplayName(
      "encoding: every value in the dynamic range is within half a phase (B^(1/2) - 1 = 9%), one spike each")
  void encoding() {
    float[] x = gaussian(new SplittableRandom(1), 2000, 0.3);
    OpCounts counts = new OpCounts();
    SpikeTensor s = new SpikeTensor(x.length);
    s.scale = 1;
    SpikeOps.encode(x, 0, x.length, true, CODING, TH, s, 0, counts);
    double floor = Math.pow(CODING.base(), -(CODING.phases() - 1));
    for (int i = 0; i < x.length; i++) {
      double v = s.value(i, PHI);
      double a = Math.abs(x[i]);
      if (a >= floor && a <= 1) {
        assertThat(Math.abs(v - x[i]))
            .as("value %s", x[i])
            .isLessThanOrEqualTo(HALF_STEP * a + 1e-7);
      } else if (a > 1) {
        assertThat(Math.abs(v)).isEqualTo(1.0, within(1e-6));
      }
    }
    assertThat(counts.spikes()).isLessThanOrEqualTo(x.length);
    assertThat(counts.neurons()).isEqualTo(x.length);
  }

  @Test
  @DisplayName(
      "linear layer on spikes: output within 7% relative L2 of W x + b, one accumulate per synaptic event")
  void linear() {
    SplittableRandom r = new SplittableRandom(2);
    int t = 8;
    int nIn = 32;
    int nOut = 16;
    float[] x = gaussian(r, t * nIn, 0.5);
    float[] p = gaussian(r, nOut * nIn + nOut, 0.2);
    float[] expected = new float[t * nOut];
    VitMath.linear(x, t, nIn, p, 0, nOut * nIn, nOut, expected);
    float[] wt = new float[nIn * nOut];
    for (int o = 0; o < nOut; o++) {
      for (int i = 0; i < nIn; i++) {
        wt[i * nOut + o] = p[o * nIn + i];
      }
    }
    SpikeTensor in = coded(x, 2.0, true);
    OpCounts counts = new OpCounts();
    float[] actual = new float[t * nOut];
    SpikeOps.linear(
        in,
        t,
        nIn,
        wt,
        java.util.Arrays.copyOfRange(p, nOut * nIn, p.length),
        false,
        nOut,
        PHI,
        actual,
        counts);
    assertThat(relativeL2(actual, expected)).isLessThan(0.07);
    assertThat(counts.synaptic()).isEqualTo((long) in.spikes() * nOut);
  }

  @Test
  @DisplayName(
      "Q K^T as spike-timing products equals the dot products of the coded operands, and the ANN's within 8%")
  void scores() {
    SplittableRandom r = new SplittableRandom(3);
    int t = 6;
    int d = 8;
    int heads = 2;
    float[] q = gaussian(r, t * d, 0.5);
    float[] k = gaussian(r, t * d, 0.5);
    SpikeTensor qs = coded(q, 1.5, true);
    SpikeTensor ks = coded(k, 1.5, true);
    float[] s = new float[heads * t * t];
    OpCounts counts = new OpCounts();
    SpikeOps.scores(qs, ks, t, d, heads, PHI, s, counts);
    float[] qd = decoded(qs);
    float[] kd = decoded(ks);
    float[] exact = new float[s.length];
    float[] fromCoded = new float[s.length];
    int dh = d / heads;
    long pairs = 0;
    for (int h = 0; h < heads; h++) {
      for (int i = 0; i < t; i++) {
        for (int j = 0; j < t; j++) {
          for (int c = h * dh; c < (h + 1) * dh; c++) {
            exact[(h * t + i) * t + j] += q[i * d + c] * k[j * d + c];
            fromCoded[(h * t + i) * t + j] += qd[i * d + c] * kd[j * d + c];
            if (qs.phase(i * d + c) != SpikeTensor.SILENT
                && ks.phase(j * d + c) != SpikeTensor.SILENT) {
              pairs++;
            }
          }
        }
      }
    }
    for (int i = 0; i < s.length; i++) {
      assertThat((double) s[i])
          .isCloseTo(fromCoded[i], within(1e-5 + 1e-5 * Math.abs(fromCoded[i])));
    }
    assertThat(relativeL2(s, exact)).isLessThan(0.08);
    assertThat(counts.synaptic()).isEqualTo(pairs);
  }

  @Test
  @DisplayName(
      "winner-oriented softmax: every weight within B^(±1) of softmax (above the phase floor), winner first")
  void softmax() {
    SplittableRandom r = new SplittableRandom(4);
    int rows = 20;
    int n = 12;
    float[] s = gaussian(r, rows * n, 1.5);
    float[] expected = s.clone();
    for (int row = 0; row < rows; row++) {
      float max = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        max = Math.max(max, s[row * n + j]);
      }
      VitMath.softmaxInPlace(expected, row * n, n, max);
    }
    SpikeTensor a = new SpikeTensor(rows * n);
    SpikeOps.softmaxShift(s, rows, n, PHI, a, new OpCounts());
    double b = CODING.base();
    double floor = Math.pow(b, -(CODING.phases() - 3));
    for (int i = 0; i < rows * n; i++) {
      double v = a.value(i, PHI);
      if (expected[i] >= floor) {
        assertThat(v / expected[i]).as("weight %d", i).isBetween(1 / b - 1e-9, b + 1e-9);
      } else {
        assertThat(v).isLessThanOrEqualTo(floor * b);
      }
    }
    float[] actual = decoded(a);
    assertThat(relativeL2(actual, expected)).isLessThan(0.15);
    for (int row = 0; row < rows; row++) {
      int best = 0;
      for (int j = 1; j < n; j++) {
        if (s[row * n + j] > s[row * n + best]) {
          best = j;
        }
      }
      for (int j = 0; j < n; j++) {
        int pj = a.phase(row * n + j);
        assertThat(pj == SpikeTensor.SILENT || pj >= a.phase(row * n + best)).isTrue();
      }
    }
  }

  @Test
  @DisplayName(
      "A V as spike-timing products equals the coded operands' product, and the ANN's within 10%")
  void attentionValues() {
    SplittableRandom r = new SplittableRandom(5);
    int t = 6;
    int d = 8;
    int heads = 2;
    float[] s = gaussian(r, heads * t * t, 1.0);
    float[] att = s.clone();
    for (int row = 0; row < heads * t; row++) {
      float max = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < t; j++) {
        max = Math.max(max, s[row * t + j]);
      }
      VitMath.softmaxInPlace(att, row * t, t, max);
    }
    float[] v = gaussian(r, t * d, 0.5);
    SpikeTensor as = coded(att, 1, false);
    SpikeTensor vs = coded(v, 1.5, true);
    float[] o = new float[t * d];
    SpikeOps.attentionValues(as, vs, t, d, heads, PHI, o, new OpCounts());
    float[] ad = decoded(as);
    float[] vd = decoded(vs);
    float[] fromCoded = new float[t * d];
    float[] exact = new float[t * d];
    int dh = d / heads;
    for (int h = 0; h < heads; h++) {
      for (int i = 0; i < t; i++) {
        for (int j = 0; j < t; j++) {
          for (int c = h * dh; c < (h + 1) * dh; c++) {
            fromCoded[i * d + c] += ad[(h * t + i) * t + j] * vd[j * d + c];
            exact[i * d + c] += att[(h * t + i) * t + j] * v[j * d + c];
          }
        }
      }
    }
    for (int i = 0; i < o.length; i++) {
      assertThat((double) o[i])
          .isCloseTo(fromCoded[i], within(1e-5 + 1e-5 * Math.abs(fromCoded[i])));
    }
    assertThat(relativeL2(o, exact)).isLessThan(0.10);
  }

  @Test
  @DisplayName(
      "layer norm by spike shift (sigma rounded to a power of B): within 22% relative L2 of (x - mean) / sigma")
  void layerNorm() {
    SplittableRandom r = new SplittableRandom(6);
    int t = 10;
    int d = 32;
    float[] x = gaussian(r, t * d, 0.8);
    for (int i = 0; i < t; i++) {
      for (int k = 0; k < d; k++) {
        x[i * d + k] += 0.3f * i; // a different mean per token
      }
    }
    float[] p = new float[2 * d];
    java.util.Arrays.fill(p, 0, d, 1f);
    float[] hat = new float[t * d];
    VitMath.layerNorm(x, t, d, p, 0, d, hat, new float[t], new float[t * d]);
    SpikeTensor xs = coded(x, 4.0, true);
    SpikeTensor out = new SpikeTensor(t * d);
    out.scale = 3.0;
    SpikeOps.layerNorm(
        xs,
        t,
        d,
        VitMath.LN_EPS,
        PHI,
        TH,
        out,
        new float[d + 1],
        new SpikeTensor(1),
        new OpCounts());
    assertThat(relativeL2(decoded(out), hat)).isLessThan(0.22);
  }
}
