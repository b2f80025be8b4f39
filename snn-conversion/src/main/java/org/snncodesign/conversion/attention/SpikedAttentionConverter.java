package org.snncodesign.conversion.attention;

import java.util.Arrays;
import org.snncodesign.api.Checks;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.snn.PhaseCoding;
import org.snncodesign.conversion.transformer.VitConfig;
import org.snncodesign.conversion.transformer.VitLayout;
import org.snncodesign.conversion.transformer.VitMath;
import org.snncodesign.conversion.transformer.VitModel;
import org.snncodesign.conversion.transformer.VitNetwork;
import org.snncodesign.conversion.transformer.VitWorkspace;

/**
 * Converts a trained {@link VitModel} into a one-spike {@link SpikingVit} (SpikedAttention, Hwang
 * et al., NeurIPS 2024, here with the approximations documented in {@link SpikeOps}), without
 * changing its structure:
 *
 * <ol>
 *   <li>Each layer norm's gain {@code g} and shift {@code b} are folded into the linear layer that
 *       follows it: {@code W' = W diag(g)}, {@code b' = b_W + W b}; the attention scale {@code
 *       1/sqrt(dh)} is folded into the query weights and bias. The spiking layer norm then only
 *       needs to produce {@code (x - mean) / sigma}.
 *   <li>Every population gets a scale {@code lambda}: the {@code p}-th percentile of the absolute
 *       ANN activation on calibration samples (p = 99.9 by default, as the CNN conversion's robust
 *       normalisation; signed populations use {@code |x|}). Layer-norm populations are scaled by
 *       the centred values {@code |x - mean|}. Attention weights have scale 1 (they lie in {@code
 *       (0, 1]}).
 * </ol>
 */
public final class SpikedAttentionConverter {
  private final double percentile;

  /**
   * @param percentile in (0, 100], e.g. 99.9
   */
  public SpikedAttentionConverter(double percentile) {
    Checks.checkArgument(
        percentile > 0 && percentile <= 100, "percentile must be in (0, 100], got %s", percentile);
    this.percentile = percentile;
  }

  /**
   * Converts {@code model} for {@code coding}, calibrating on {@code calibration} (a few hundred
   * samples).
   */
  public SpikingVit convert(VitModel model, LabeledImages calibration, PhaseCoding coding) {
    Checks.checkArgument(
        calibration.count() > 0, "conversion needs at least one calibration sample");
    VitNetwork ann = new VitNetwork(model);
    ann.checkShape(calibration);
    VitConfig c = model.config();
    VitLayout at = model.layout();
    float[] p = model.parameters();
    int d = c.dim();
    int m = c.mlpDim();
    int t = c.tokens();
    int n = c.depth();
    float qScale = (float) (1 / Math.sqrt(c.headDim()));
    float[] embedWt = transpose(p, at.patchW, d, c.patchSize(), null, 1f);
    float[] embedBias = new float[t * d];
    for (int i = 0; i < t; i++) {
      for (int o = 0; o < d; o++) {
        embedBias[i * d + o] = p[at.patchB + o] + p[at.position + i * d + o];
      }
    }
    float[][] qWt = new float[n][];
    float[][] qB = new float[n][];
    float[][] kWt = new float[n][];
    float[][] kB = new float[n][];
    float[][] vWt = new float[n][];
    float[][] vB = new float[n][];
    float[][] oWt = new float[n][];
    float[][] oB = new float[n][];
    float[][] w1t = new float[n][];
    float[][] b1 = new float[n][];
    float[][] w2t = new float[n][];
    float[][] b2 = new float[n][];
    for (int l = 0; l < n; l++) {
      qWt[l] = transpose(p, at.wq[l], d, d, gains(p, at.ln1G[l], d), qScale);
      qB[l] = foldedBias(p, at.wq[l], at.bq[l], d, d, at.ln1B[l], qScale);
      kWt[l] = transpose(p, at.wk[l], d, d, gains(p, at.ln1G[l], d), 1f);
      kB[l] = foldedBias(p, at.wk[l], at.bk[l], d, d, at.ln1B[l], 1f);
      vWt[l] = transpose(p, at.wv[l], d, d, gains(p, at.ln1G[l], d), 1f);
      vB[l] = foldedBias(p, at.wv[l], at.bv[l], d, d, at.ln1B[l], 1f);
      oWt[l] = transpose(p, at.wo[l], d, d, null, 1f);
      oB[l] = Arrays.copyOfRange(p, at.bo[l], at.bo[l] + d);
      w1t[l] = transpose(p, at.w1[l], m, d, gains(p, at.ln2G[l], d), 1f);
      b1[l] = foldedBias(p, at.w1[l], at.b1[l], m, d, at.ln2B[l], 1f);
      w2t[l] = transpose(p, at.w2[l], d, m, null, 1f);
      b2[l] = Arrays.copyOfRange(p, at.b2[l], at.b2[l] + d);
    }
    float[] headWt = transpose(p, at.headW, c.classes(), d, gains(p, at.lnfG, d), 1f);
    float[] headB = foldedBias(p, at.headW, at.headB, c.classes(), d, at.lnfB, 1f);
    SpikingVit.Scales scales = calibrate(ann, c, calibration, qScale);
    return new SpikingVit(
        model.name(),
        c,
        coding,
        embedWt,
        embedBias,
        qWt,
        qB,
        kWt,
        kB,
        vWt,
        vB,
        oWt,
        oB,
        w1t,
        b1,
        w2t,
        b2,
        headWt,
        headB,
        scales);
  }

  private static float[] gains(float[] p, int from, int d) {
    return Arrays.copyOfRange(p, from, from + d);
  }

  /**
   * {@code [nIn][nOut]} from row-major {@code W[nOut][nIn]}, columns scaled by {@code gain} and all
   * by {@code s}.
   */
  private static float[] transpose(float[] p, int w, int nOut, int nIn, float[] gain, float s) {
    float[] wt = new float[nIn * nOut];
    for (int o = 0; o < nOut; o++) {
      for (int i = 0; i < nIn; i++) {
        wt[i * nOut + o] = p[w + o * nIn + i] * (gain == null ? 1f : gain[i]) * s;
      }
    }
    return wt;
  }

  /** {@code s (b + W shift)}. */
  private static float[] foldedBias(
      float[] p, int w, int b, int nOut, int nIn, int shift, float s) {
    float[] out = new float[nOut];
    for (int o = 0; o < nOut; o++) {
      double sum = p[b + o];
      for (int i = 0; i < nIn; i++) {
        sum += (double) p[w + o * nIn + i] * p[shift + i];
      }
      out[o] = (float) (sum * s);
    }
    return out;
  }

  private SpikingVit.Scales calibrate(
      VitNetwork ann, VitConfig c, LabeledImages data, float qScale) {
    int n = c.depth();
    int samples = data.count();
    VitWorkspace ws = ann.newWorkspace();
    int t = c.tokens();
    int d = c.dim();
    Collector input = new Collector(samples * t * c.patchSize());
    Collector[] residual = collectors(n + 1, samples * t * d);
    Collector[] centred1 = collectors(n, samples * t * d);
    Collector[] q = collectors(n, samples * t * d);
    Collector[] k = collectors(n, samples * t * d);
    Collector[] v = collectors(n, samples * t * d);
    Collector[] o = collectors(n, samples * t * d);
    Collector[] mid = collectors(n, samples * t * d);
    Collector[] centred2 = collectors(n, samples * t * d);
    Collector[] hidden = collectors(n, samples * t * c.mlpDim());
    Collector pooled = new Collector(samples * d);
    Collector centredF = new Collector(samples * d);
    float[] patches = new float[t * c.patchSize()];
    for (int s = 0; s < samples; s++) {
      ann.forward(ws, data.pixels(), data.offset(s));
      VitMath.patches(data.pixels(), data.offset(s), c, patches);
      input.add(patches, 1f);
      for (int l = 0; l <= n; l++) {
        residual[l].add(ws.residual(l), 1f);
      }
      for (int l = 0; l < n; l++) {
        centred1[l].addCentred(ws.residual(l), t, d);
        q[l].add(ws.query(l), qScale);
        k[l].add(ws.key(l), 1f);
        v[l].add(ws.value(l), 1f);
        o[l].add(ws.attentionOutput(l), 1f);
        mid[l].add(ws.middle(l), 1f);
        centred2[l].addCentred(ws.middle(l), t, d);
        hidden[l].add(ws.hidden(l), 1f);
      }
      pooled.add(ws.pooled(), 1f);
      centredF.addCentred(ws.pooled(), 1, d);
    }
    return new SpikingVit.Scales(
        input.scale(percentile),
        scales(residual),
        scales(centred1),
        scales(q),
        scales(k),
        scales(v),
        scales(o),
        scales(mid),
        scales(centred2),
        scales(hidden),
        pooled.scale(percentile),
        centredF.scale(percentile));
  }

  private double[] scales(Collector[] cs) {
    double[] s = new double[cs.length];
    for (int i = 0; i < cs.length; i++) {
      s[i] = cs[i].scale(percentile);
    }
    return s;
  }

  private static Collector[] collectors(int n, int capacity) {
    Collector[] cs = new Collector[n];
    for (int i = 0; i < n; i++) {
      cs[i] = new Collector(capacity);
    }
    return cs;
  }

  /** Absolute non-zero activations of one population. */
  private static final class Collector {
    final float[] values;
    int size;

    Collector(int capacity) {
      values = new float[capacity];
    }

    void add(float[] x, float s) {
      for (float v : x) {
        float a = Math.abs(v * s);
        if (a > 0 && size < values.length) {
          values[size++] = a;
        }
      }
    }

    void addCentred(float[] x, int tokens, int d) {
      for (int t = 0; t < tokens; t++) {
        double mean = 0;
        for (int i = 0; i < d; i++) {
          mean += x[t * d + i];
        }
        mean /= d;
        for (int i = 0; i < d; i++) {
          float a = (float) Math.abs(x[t * d + i] - mean);
          if (a > 0 && size < values.length) {
            values[size++] = a;
          }
        }
      }
    }

    /** Nearest-rank percentile; 1 when nothing was collected. */
    double scale(double p) {
      if (size == 0) {
        return 1;
      }
      Arrays.sort(values, 0, size);
      int rank = (int) Math.ceil(p / 100.0 * size - 1e-9) - 1;
      return values[Math.max(0, Math.min(size - 1, rank))];
    }
  }
}
