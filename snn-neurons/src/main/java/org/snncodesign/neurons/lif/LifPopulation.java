package org.snncodesign.neurons.lif;

import java.util.Arrays;
import org.snncodesign.neurons.model.InputChecks;
import org.snncodesign.neurons.model.ModelParameters;
import org.snncodesign.neurons.model.SynapticPopulation;

/**
 * State of current-based LIF neurons, optionally with an adaptive threshold, integrated exactly over each step
 * (see {@link LeakyIntegrateAndFire} and {@link AdaptiveLeakyIntegrateAndFire} for the equations).
 */
final class LifPopulation implements SynapticPopulation {
  private final String model;
  private final int size;
  private final double dt;
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

  private final float[] v;
  private final float[] currentE;
  private final float[] currentI;
  private final int[] refractory;
  private final float[] adaptation;
  private final float[] zeros;

  LifPopulation(String model, int size, ModelParameters p, double beta, double tauAdapt) {
    this.model = model;
    this.size = size;
    this.dt = p.dt();
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
    this.v = new float[size];
    this.currentE = new float[size];
    this.currentI = new float[size];
    this.refractory = new int[size];
    this.adaptation = new float[adaptive ? size : 0];
    this.zeros = new float[size];
    reset();
  }

  private static double synapticDecay(double dt, double tauSyn) {
    return tauSyn == 0 ? 0 : Math.exp(-dt / tauSyn);
  }

  /**
   * Change of v over one step per unit of synaptic current present at the step's start. For tau_syn = 0 the
   * current is held for the step: R (1 - e^{-dt/tau_m}). For tau_syn > 0 it decays: solving
   * tau_m dv/dt = -(v - v_rest) + R I0 e^{-t/tau_syn} gives R tau_syn / (tau_syn - tau_m) (e^{-dt/tau_syn} -
   * e^{-dt/tau_m}), whose limit at tau_syn = tau_m is R (dt / tau_m) e^{-dt/tau_m}.
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

  @Override
  public int size() {
    return size;
  }

  @Override
  public double dt() {
    return dt;
  }

  @Override
  public int channels() {
    return 2;
  }

  @Override
  public int step(float[] input, long[] spikes) {
    InputChecks.shapes(model, size, input, spikes);
    return advance(input, zeros, spikes);
  }

  @Override
  public int step(float[][] inputs, long[] spikes) {
    InputChecks.channels(model, size, 2, inputs, spikes);
    return advance(inputs[0], inputs[1], spikes);
  }

  private int advance(float[] inE, float[] inI, long[] spikes) {
    int count = 0;
    long word = 0;
    for (int i = 0; i < size; i++) {
      float xe = inE[i];
      float xi = inI[i];
      if (!(Math.abs(xe) <= Float.MAX_VALUE)) {
        throw InputChecks.notFinite(model, i, xe);
      }
      if (!(Math.abs(xi) <= Float.MAX_VALUE)) {
        throw InputChecks.notFinite(model, i, xi);
      }
      // Input jumps the synaptic currents at the step's start (or is the step's current when tau_syn = 0).
      float ie = currentE[i] + xe;
      float ii = currentI[i] + xi;
      float vi = v[i];
      // Refractory: the spike's own step counts, so v is clamped while t - t_spike < t_ref.
      if (refractory[i] == 0 || --refractory[i] == 0) {
        vi = vRest + (vi - vRest) * decayM + ie * gainE + ii * gainI;
      }
      currentE[i] = ie * decayE;
      currentI[i] = ii * decayI;
      float threshold = vTh;
      if (adaptive) {
        threshold += beta * adaptation[i];
        adaptation[i] *= decayA;
      }
      if (vi >= threshold) {
        vi = subtract ? vi - (vTh - vReset) : vReset;
        refractory[i] = refractorySteps;
        if (adaptive) {
          adaptation[i] += 1f;
        }
        word |= 1L << i;
        count++;
      }
      v[i] = vi;
      if ((i & 63) == 63) {
        spikes[i >>> 6] = word;
        word = 0;
      }
    }
    if ((size & 63) != 0) {
      spikes[size >>> 6] = word;
    }
    return count;
  }

  @Override
  public float[] membranePotential() {
    return v;
  }

  @Override
  public void setMembranePotential(float[] potentials) {
    InputChecks.potentials(model, size, potentials);
    System.arraycopy(potentials, 0, v, 0, size);
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
    Arrays.fill(refractory, 0);
    Arrays.fill(adaptation, 0f);
  }
}
