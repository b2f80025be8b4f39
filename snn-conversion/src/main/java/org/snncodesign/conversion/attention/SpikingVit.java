package org.snncodesign.conversion.attention;

import java.util.ArrayList;
import java.util.List;
import org.snncodesign.conversion.snn.PhaseCoding;
import org.snncodesign.conversion.transformer.VitConfig;
import org.snncodesign.conversion.transformer.VitMath;
import org.snncodesign.conversion.transformer.VitWorkspace;

/**
 * A vision transformer converted to one-spike phase coding by {@link SpikedAttentionConverter}:
 * folded weights (layer-norm gains and shifts folded into the following linear layer, {@code
 * 1/sqrt(dh)} into the queries) and the calibrated scale of every spiking population. {@link
 * Worker#run} executes one sample with {@link SpikeOps} only.
 *
 * <p>Pipeline, per block: residual spikes -&gt; layer norm (mean, centred, shift) -&gt; Q, K, V
 * neurons -&gt; score potentials (spike-timing products) -&gt; attention spikes (winner-oriented
 * shift) -&gt; {@code A V} neurons (spike-timing products) -&gt; output projection plus the
 * residual identity -&gt; layer norm -&gt; ReLU hidden neurons -&gt; second MLP layer plus the
 * residual identity. Then mean pooling, final layer norm and the read-out potentials, whose arg-max
 * is the class. Immutable and thread-safe; each thread uses its own {@link Worker}.
 */
public final class SpikingVit {
  /**
   * Layer windows (of {@code K} phases each) on the critical path: input and embedding 1 each; per
   * block layer norm 3 (mean, centred, shift), Q/K/V 1, scores 2 (a product spans {@code 2K - 1}
   * phases), softmax 2 (race and normaliser), {@code A V} 2, output projection 1, layer norm 3,
   * hidden 1, second MLP layer 1; then pooling 1, final layer norm 3 and read-out 1.
   */
  static final int WINDOWS_PER_BLOCK = 16;

  final VitConfig config;
  final PhaseCoding coding;
  final PhaseWeights phi;
  final float[] thresholds;
  final String name;
  final float[] embedWt;
  final float[] embedBias;
  final float[][] qWt;
  final float[][] qB;
  final float[][] kWt;
  final float[][] kB;
  final float[][] vWt;
  final float[][] vB;
  final float[][] oWt;
  final float[][] oB;
  final float[][] w1t;
  final float[][] b1;
  final float[][] w2t;
  final float[][] b2;
  final float[] headWt;
  final float[] headB;
  final Scales scales;

  /** Calibrated scales {@code lambda} of every population. */
  record Scales(
      double input,
      double[] residual,
      double[] centred1,
      double[] q,
      double[] k,
      double[] v,
      double[] o,
      double[] mid,
      double[] centred2,
      double[] hidden,
      double pooled,
      double centredF) {}

  SpikingVit(
      String name,
      VitConfig config,
      PhaseCoding coding,
      float[] embedWt,
      float[] embedBias,
      float[][] qWt,
      float[][] qB,
      float[][] kWt,
      float[][] kB,
      float[][] vWt,
      float[][] vB,
      float[][] oWt,
      float[][] oB,
      float[][] w1t,
      float[][] b1,
      float[][] w2t,
      float[][] b2,
      float[] headWt,
      float[] headB,
      Scales scales) {
    this.name = name;
    this.config = config;
    this.coding = coding;
    this.phi = new PhaseWeights(coding);
    this.thresholds = coding.thresholds();
    this.embedWt = embedWt;
    this.embedBias = embedBias;
    this.qWt = qWt;
    this.qB = qB;
    this.kWt = kWt;
    this.kB = kB;
    this.vWt = vWt;
    this.vB = vB;
    this.oWt = oWt;
    this.oB = oB;
    this.w1t = w1t;
    this.b1 = b1;
    this.w2t = w2t;
    this.b2 = b2;
    this.headWt = headWt;
    this.headB = headB;
    this.scales = scales;
  }

  public String name() {
    return name;
  }

  public VitConfig config() {
    return config;
  }

  public PhaseCoding coding() {
    return coding;
  }

  /** Layer windows from the first input phase to the read-out. */
  public int windows() {
    return 2 + WINDOWS_PER_BLOCK * config.depth() + 5;
  }

  /** Time steps from the first input phase to the read-out: {@code windows() * K}. */
  public int latency() {
    return windows() * coding.phases();
  }

  /** Fresh buffers for one thread. */
  public Worker newWorker() {
    return new Worker();
  }

  /**
   * Names of the populations compared by {@link Worker#layerOutputs} and {@link #annOutputs}, in
   * order.
   */
  public List<String> layerNames() {
    List<String> names = new ArrayList<>(List.of("input", "embed"));
    for (int l = 0; l < config.depth(); l++) {
      for (String s :
          new String[] {
            "ln1",
            "q",
            "k",
            "v",
            "attention",
            "attn_out",
            "residual_mid",
            "ln2",
            "mlp_hidden",
            "residual_out"
          }) {
        names.add("block" + l + "." + s);
      }
    }
    names.addAll(List.of("pooled", "final_ln", "logits"));
    return names;
  }

  /**
   * The ANN's value of every population of {@link #layerNames} after {@code ws} ran the sample
   * (queries scaled by {@code 1/sqrt(dh)} as in the spiking network); {@code patches} holds the
   * sample cut into patches.
   */
  public List<float[]> annOutputs(VitWorkspace ws, float[] patches) {
    List<float[]> out = new ArrayList<>();
    out.add(patches);
    out.add(ws.residual(0));
    float qs = (float) (1 / Math.sqrt(config.headDim()));
    for (int l = 0; l < config.depth(); l++) {
      out.add(ws.ln1Hat(l));
      float[] q = ws.query(l).clone();
      for (int i = 0; i < q.length; i++) {
        q[i] *= qs;
      }
      out.add(q);
      out.add(ws.key(l));
      out.add(ws.value(l));
      out.add(ws.attention(l));
      out.add(ws.attentionOutput(l));
      out.add(ws.middle(l));
      out.add(ws.ln2Hat(l));
      out.add(ws.hidden(l));
      out.add(ws.residual(l + 1));
    }
    out.add(ws.pooled());
    out.add(ws.lnfHat());
    out.add(ws.logits());
    return out;
  }

  /** Per-thread spike populations, potentials and counters. */
  public final class Worker {
    final OpCounts counts = new OpCounts();
    final float[] patches;
    final SpikeTensor input;
    final SpikeTensor[] residual;
    final SpikeTensor[] ln1;
    final SpikeTensor[] q;
    final SpikeTensor[] k;
    final SpikeTensor[] v;
    final SpikeTensor[] att;
    final SpikeTensor[] o;
    final SpikeTensor[] mid;
    final SpikeTensor[] ln2;
    final SpikeTensor[] hidden;
    final SpikeTensor pooled;
    final SpikeTensor lnf;
    final SpikeTensor meanSpike = new SpikeTensor(1);
    final float[] potential;
    final float[] scores;
    final float[] lnScratch;
    final float[] logits;

    Worker() {
      VitConfig c = config;
      int t = c.tokens();
      int d = c.dim();
      int n = c.depth();
      patches = new float[t * c.patchSize()];
      input = tensor(t * c.patchSize(), scales.input());
      residual = new SpikeTensor[n + 1];
      for (int l = 0; l <= n; l++) {
        residual[l] = tensor(t * d, scales.residual()[l]);
      }
      ln1 = new SpikeTensor[n];
      q = new SpikeTensor[n];
      k = new SpikeTensor[n];
      v = new SpikeTensor[n];
      att = new SpikeTensor[n];
      o = new SpikeTensor[n];
      mid = new SpikeTensor[n];
      ln2 = new SpikeTensor[n];
      hidden = new SpikeTensor[n];
      for (int l = 0; l < n; l++) {
        ln1[l] = tensor(t * d, scales.centred1()[l]);
        q[l] = tensor(t * d, scales.q()[l]);
        k[l] = tensor(t * d, scales.k()[l]);
        v[l] = tensor(t * d, scales.v()[l]);
        att[l] = tensor(c.heads() * t * t, 1);
        o[l] = tensor(t * d, scales.o()[l]);
        mid[l] = tensor(t * d, scales.mid()[l]);
        ln2[l] = tensor(t * d, scales.centred2()[l]);
        hidden[l] = tensor(t * c.mlpDim(), scales.hidden()[l]);
      }
      pooled = tensor(d, scales.pooled());
      lnf = tensor(d, scales.centredF());
      potential = new float[t * Math.max(d, c.mlpDim())];
      scores = new float[c.heads() * t * t];
      lnScratch = new float[d + 1];
      logits = new float[c.classes()];
    }

    private SpikeTensor tensor(int size, double scale) {
      SpikeTensor s = new SpikeTensor(size);
      s.scale = scale;
      return s;
    }

    /** Counters accumulated over every sample run by this worker. */
    public OpCounts counts() {
      return counts;
    }

    /** Runs one sample and returns the read-out potentials (this worker's buffer). */
    public float[] run(float[] pixels, int offset) {
      VitConfig c = config;
      int t = c.tokens();
      int d = c.dim();
      int m = c.mlpDim();
      VitMath.patches(pixels, offset, c, patches);
      SpikeOps.encode(patches, 0, patches.length, false, coding, thresholds, input, 0, counts);
      SpikeOps.linear(input, t, c.patchSize(), embedWt, embedBias, true, d, phi, potential, counts);
      SpikeOps.encode(potential, 0, t * d, true, coding, thresholds, residual[0], 0, counts);
      for (int l = 0; l < c.depth(); l++) {
        SpikeOps.layerNorm(
            residual[l],
            t,
            d,
            VitMath.LN_EPS,
            phi,
            thresholds,
            ln1[l],
            lnScratch,
            meanSpike,
            counts);
        projection(ln1[l], qWt[l], qB[l], q[l]);
        projection(ln1[l], kWt[l], kB[l], k[l]);
        projection(ln1[l], vWt[l], vB[l], v[l]);
        SpikeOps.scores(q[l], k[l], t, d, c.heads(), phi, scores, counts);
        SpikeOps.softmaxShift(scores, c.heads() * t, t, phi, att[l], counts);
        SpikeOps.attentionValues(att[l], v[l], t, d, c.heads(), phi, potential, counts);
        SpikeOps.encode(potential, 0, t * d, true, coding, thresholds, o[l], 0, counts);
        SpikeOps.linear(o[l], t, d, oWt[l], oB[l], false, d, phi, potential, counts);
        SpikeOps.addIdentity(residual[l], phi, potential, counts);
        SpikeOps.encode(potential, 0, t * d, true, coding, thresholds, mid[l], 0, counts);
        SpikeOps.layerNorm(
            mid[l], t, d, VitMath.LN_EPS, phi, thresholds, ln2[l], lnScratch, meanSpike, counts);
        SpikeOps.linear(ln2[l], t, d, w1t[l], b1[l], false, m, phi, potential, counts);
        SpikeOps.encode(potential, 0, t * m, false, coding, thresholds, hidden[l], 0, counts);
        SpikeOps.linear(hidden[l], t, m, w2t[l], b2[l], false, d, phi, potential, counts);
        SpikeOps.addIdentity(mid[l], phi, potential, counts);
        SpikeOps.encode(potential, 0, t * d, true, coding, thresholds, residual[l + 1], 0, counts);
      }
      SpikeOps.meanPool(residual[c.depth()], t, d, phi, potential, counts);
      SpikeOps.encode(potential, 0, d, true, coding, thresholds, pooled, 0, counts);
      SpikeOps.layerNorm(
          pooled, 1, d, VitMath.LN_EPS, phi, thresholds, lnf, lnScratch, meanSpike, counts);
      SpikeOps.linear(lnf, 1, d, headWt, headB, false, c.classes(), phi, logits, counts);
      return logits;
    }

    private void projection(SpikeTensor in, float[] wt, float[] b, SpikeTensor out) {
      int t = config.tokens();
      int d = config.dim();
      SpikeOps.linear(in, t, d, wt, b, false, d, phi, potential, counts);
      SpikeOps.encode(potential, 0, t * d, true, coding, thresholds, out, 0, counts);
    }

    /** Decoded values of every population of {@link #layerNames} for the last sample run. */
    public List<float[]> layerOutputs() {
      List<float[]> out = new ArrayList<>();
      out.add(decode(input));
      out.add(decode(residual[0]));
      for (int l = 0; l < config.depth(); l++) {
        for (SpikeTensor s :
            new SpikeTensor[] {
              ln1[l], q[l], k[l], v[l], att[l], o[l], mid[l], ln2[l], hidden[l], residual[l + 1]
            }) {
          out.add(decode(s));
        }
      }
      out.add(decode(pooled));
      out.add(decode(lnf));
      out.add(logits.clone());
      return out;
    }

    private float[] decode(SpikeTensor s) {
      float[] values = new float[s.size()];
      s.decode(phi, values);
      return values;
    }
  }
}
