package org.snncodesign.neurons.lif;

import java.util.Arrays;
import org.snncodesign.neurons.model.InputChecks;
import org.snncodesign.neurons.model.ModelParameters;
import org.snncodesign.neurons.model.SynapticPopulation;

/** State of {@link ConductanceLeakyIntegrateAndFire} neurons. */
final class ConductanceLifPopulation implements SynapticPopulation {
  private static final String MODEL = ConductanceLeakyIntegrateAndFire.NAME;
  private final int size;
  private final double dt;
  private final double dtOverTauM;
  private final float vRest;
  private final float vTh;
  private final float vReset;
  private final float eE;
  private final float eI;
  private final float r;
  private final float decayE;
  private final float decayI;
  private final int refractorySteps;
  private final float[] v;
  private final float[] gE;
  private final float[] gI;
  private final int[] refractory;
  private final float[] zeros;

  ConductanceLifPopulation(int size, ModelParameters p) {
    this.size = size;
    this.dt = p.dt();
    double tauM = p.positive("tau_m");
    this.dtOverTauM = dt / tauM;
    p.requireBelow("v_reset", "v_th");
    this.vRest = (float) p.get("v_rest");
    this.vTh = (float) p.get("v_th");
    this.vReset = (float) p.get("v_reset");
    this.eE = (float) p.get("e_e");
    this.eI = (float) p.get("e_i");
    this.r = (float) p.get("R");
    this.decayE = (float) Math.exp(-dt / p.positive("tau_syn_e"));
    this.decayI = (float) Math.exp(-dt / p.positive("tau_syn_i"));
    this.refractorySteps = p.steps("t_ref");
    this.v = new float[size];
    this.gE = new float[size];
    this.gI = new float[size];
    this.refractory = new int[size];
    this.zeros = new float[size];
    reset();
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
    return 3;
  }

  @Override
  public int step(float[] input, long[] spikes) {
    InputChecks.shapes(MODEL, size, input, spikes);
    return advance(input, zeros, zeros, spikes);
  }

  @Override
  public int step(float[][] inputs, long[] spikes) {
    InputChecks.channels(MODEL, size, 3, inputs, spikes);
    return advance(inputs[0], inputs[1], inputs[2], spikes);
  }

  private int advance(float[] inE, float[] inI, float[] current, long[] spikes) {
    int count = 0;
    long word = 0;
    for (int i = 0; i < size; i++) {
      float xe = inE[i];
      float xi = inI[i];
      float xc = current[i];
      if (!(Math.abs(xe) <= Float.MAX_VALUE)) {
        throw InputChecks.notFinite(MODEL, i, xe);
      }
      if (!(Math.abs(xi) <= Float.MAX_VALUE)) {
        throw InputChecks.notFinite(MODEL, i, xi);
      }
      if (!(Math.abs(xc) <= Float.MAX_VALUE)) {
        throw InputChecks.notFinite(MODEL, i, xc);
      }
      float ge = gE[i] + xe;
      float gi = gI[i] + xi;
      float vi = v[i];
      if (refractory[i] == 0 || --refractory[i] == 0) {
        float total = 1f + ge + gi;
        float vInf = (vRest + ge * eE + gi * eI + r * xc) / total;
        vi = vInf + (vi - vInf) * (float) Math.exp(-dtOverTauM * total);
      }
      gE[i] = ge * decayE;
      gI[i] = gi * decayI;
      if (vi >= vTh) {
        vi = vReset;
        refractory[i] = refractorySteps;
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
    InputChecks.potentials(MODEL, size, potentials);
    System.arraycopy(potentials, 0, v, 0, size);
  }

  @Override
  public void reset() {
    Arrays.fill(v, vRest);
    Arrays.fill(gE, 0f);
    Arrays.fill(gI, 0f);
    Arrays.fill(refractory, 0);
  }
}
