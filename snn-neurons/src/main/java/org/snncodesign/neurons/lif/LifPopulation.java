package org.snncodesign.neurons.lif;

import java.util.Arrays;
import org.snncodesign.neurons.model.AbstractSynapticPopulation;
import org.snncodesign.neurons.model.InputChecks;
import org.snncodesign.neurons.model.ModelParameters;

/**
 * State of current-based LIF neurons, optionally with an adaptive threshold, integrated exactly
 * over each step (see {@link LeakyIntegrateAndFire} and {@link AdaptiveLeakyIntegrateAndFire} for
 * the equations).
 */
final class LifPopulation extends AbstractSynapticPopulation {
  private final float vRest;
  private final float vTh;
  private final float vReset;
  private final boolean subtract;
  private final int refractorySteps;
  // Exact propagators of the linear system over one step.
  private final float decayM;
  private final float decayE;
  private final float decayI;
  private final float gainE;
  private final float gainI;
  // Threshold adaptation (ALIF); beta = 0 switches it off.
  private final boolean adaptive;
  private final float beta;
  private final float decayA;

  private final float[] currentE;
  private final float[] currentI;
  private final float[] adaptation;
  // Refractory neurons as a compact list (few at a time): index, steps left, clamped potential.
  private final int[] refractoryNeuron;
  private final int[] refractoryLeft;
  private final float[] refractoryHeld;
  private int refractoryCount;
  private final boolean[] inRefractoryList;
  // Neurons at or above threshold in this step, before firing.
  private final int[] candidates;

  LifPopulation(String model, int size, ModelParameters p, double beta, double tauAdapt) {
    super(model, size, p.dt(), 2);
    double dt = p.dt();
    double tauM = p.positive("tau_m");
    double r = p.get("R");
    double tauE = p.nonNegative("tau_syn_e");
    double tauI = p.nonNegative("tau_syn_i");
    p.requireBelow("v_reset", "v_th");
    this.vRest = (float) p.get("v_rest");
    this.vTh = (float) p.get("v_th");
    this.vReset = (float) p.get("v_reset");
    this.subtract = p.flag("reset_by_subtraction");
    this.refractorySteps = p.steps("t_ref");
    double dm = Math.exp(-dt / tauM);
    this.decayM = (float) dm;
    this.decayE = (float) synapticDecay(dt, tauE);
    this.decayI = (float) synapticDecay(dt, tauI);
    this.gainE = (float) gain(dt, tauM, tauE, r);
    this.gainI = (float) gain(dt, tauM, tauI, r);
    this.adaptive = beta > 0;
    this.beta = (float) beta;
    this.decayA = adaptive ? (float) Math.exp(-dt / tauAdapt) : 0f;
    this.currentE = new float[size];
    this.currentI = new float[size];
    this.refractoryNeuron = new int[size];
    this.refractoryLeft = new int[size];
    this.refractoryHeld = new float[size];
    this.candidates = new int[size];
    this.inRefractoryList = new boolean[size];
    this.adaptation = new float[adaptive ? size : 0];
    reset();
  }

  private static double synapticDecay(double dt, double tauSyn) {
    return tauSyn == 0 ? 0 : Math.exp(-dt / tauSyn);
  }

  /**
   * Change of v over one step per unit of synaptic current present at the step's start. For tau_syn
   * = 0 the current is held for the step: R (1 - e^{-dt/tau_m}). For tau_syn > 0 it decays: solving
   * tau_m dv/dt = -(v - v_rest) + R I0 e^{-t/tau_syn} gives R tau_syn / (tau_syn - tau_m)
   * (e^{-dt/tau_syn} - e^{-dt/tau_m}), whose limit at tau_syn = tau_m is R (dt / tau_m)
   * e^{-dt/tau_m}.
   */
  static double gain(double dt, double tauM, double tauSyn, double r) {
    if (tauSyn == 0) {
      return r * -Math.expm1(-dt / tauM);
    }
    if (Math.abs(tauSyn - tauM) < 1e-12 * tauM) {
      return r * (dt / tauM) * Math.exp(-dt / tauM);
    }
    return r * tauSyn / (tauSyn - tauM) * (Math.exp(-dt / tauSyn) - Math.exp(-dt / tauM));
  }

  /*
   * One step in three passes so that the bulk of the work vectorises (C2 SuperWord):
   *  A. integrate every neuron exactly (straight-line float arithmetic over parallel arrays);
   *  B. walk the short list of refractory neurons and put back their clamped potential;
   *  C. threshold: collect the neurons at or above threshold (a rarely taken branch), then fire them.
   * A non-finite input makes v NaN in pass A; passes B and C detect it and name the input.
   */
  @Override
  @SuppressWarnings(
      "IdentityBinaryExpression") // (x - x) in pass A is the deliberate NaN propagation described
  // there
  protected int advance(float[][] inputs, long[] spikes) {
    float[] inE = inputs[0];
    float[] inI = inputs[1];
    float[] vs = v;
    float[] ce = currentE;
    float[] ci = currentI;
    final float rest = vRest;
    final float dm = decayM;
    final float ge = gainE;
    final float gi = gainI;
    final float de = decayE;
    final float di = decayI;
    final int n0 = size;
    for (int i = 0; i < n0; i++) {
      float ie = ce[i] + inE[i];
      float ii = ci[i] + inI[i];
      // (x - x) is +0 for finite x and NaN for NaN or +-Infinity: it adds nothing to a finite v but
      // turns any
      // non-finite input into NaN, which the threshold pass then reports without a second check per
      // neuron.
      float vi = rest + (vs[i] - rest) * dm + ie * ge + ii * gi + ((ie - ie) + (ii - ii));
      vs[i] = vi;
      ce[i] = ie * de;
      ci[i] = ii * di;
    }
    // B. The spike's own step counts as refractory, so v stays clamped while t - t_spike < t_ref.
    int n = 0;
    for (int k = 0; k < refractoryCount; k++) {
      int i = refractoryNeuron[k];
      if (!(Math.abs(vs[i]) <= Float.MAX_VALUE)) {
        throw badInput(i, inE, inI);
      }
      int left = refractoryLeft[k] - 1;
      if (left > 0) {
        vs[i] = refractoryHeld[k];
        refractoryNeuron[n] = i;
        refractoryLeft[n] = left;
        refractoryHeld[n] = refractoryHeld[k];
        n++;
      } else {
        inRefractoryList[i] = false;
      }
    }
    refractoryCount = n;
    clearSpikes(spikes);
    int count = 0;
    float[] a = adaptation;
    // Spikes are rare: first collect the candidates in a tight loop with one well-predicted branch
    // (NaN fails
    // "v < threshold" too), then fire them.
    int[] found = candidates;
    int c = 0;
    if (!adaptive) {
      float th = vTh;
      for (int i = 0; i < size; i++) {
        if (!(vs[i] < th)) {
          found[c++] = i;
        }
      }
    } else {
      for (int i = 0; i < size; i++) {
        if (!(vs[i] < vTh + beta * a[i])) {
          found[c++] = i;
        }
      }
    }
    for (int k = 0; k < c; k++) {
      // A clamped potential at or above threshold (reset by subtraction of a huge input) must not
      // fire again.
      if (!inRefractoryList[found[k]] || !(Math.abs(vs[found[k]]) <= Float.MAX_VALUE)) {
        count += fire(found[k], vs, spikes, inE, inI);
      }
    }
    if (adaptive) {
      for (int k = 0; k < size; k++) {
        a[k] *= decayA;
      }
      for (int w = 0, words = (size + 63) >>> 6; w < words; w++) {
        long word = spikes[w];
        while (word != 0) {
          a[(w << 6) + Long.numberOfTrailingZeros(word)] += 1f;
          word &= word - 1;
        }
      }
    }
    return count;
  }

  /** Fires neuron i, whose v reached threshold or is NaN; returns 1. */
  private int fire(int i, float[] vs, long[] spikes, float[] inE, float[] inI) {
    float vi = vs[i];
    if (!(Math.abs(vi) <= Float.MAX_VALUE)) {
      throw badInput(i, inE, inI);
    }
    vi = subtract ? vi - (vTh - vReset) : vReset;
    vs[i] = vi;
    spikes[i >>> 6] |= 1L << i;
    if (refractorySteps > 1) {
      refractoryNeuron[refractoryCount] = i;
      refractoryLeft[refractoryCount] = refractorySteps;
      refractoryHeld[refractoryCount++] = vi;
      inRefractoryList[i] = true;
    }
    return 1;
  }

  private IllegalArgumentException badInput(int neuron, float[] inE, float[] inI) {
    float bad = Math.abs(inE[neuron]) <= Float.MAX_VALUE ? inI[neuron] : inE[neuron];
    if (Math.abs(bad) <= Float.MAX_VALUE) {
      // The input itself was finite: the state overflowed (e.g. weights far too large).
      return new IllegalArgumentException(
          "membrane potential of neuron "
              + neuron
              + " (model '"
              + model
              + "') became "
              + v[neuron]
              + "; input current too large");
    }
    return InputChecks.notFinite(model, neuron, bad);
  }

  /** The adaptation variable a per neuron (empty without adaptation); a live view. */
  float[] adaptation() {
    return adaptation;
  }

  @Override
  public void reset() {
    Arrays.fill(v, vRest);
    Arrays.fill(currentE, 0f);
    Arrays.fill(currentI, 0f);
    refractoryCount = 0;
    Arrays.fill(inRefractoryList, false);
    Arrays.fill(adaptation, 0f);
  }
}
