package org.snncodesign.neurons.lif;

import java.util.Arrays;
import org.snncodesign.neurons.model.AbstractSynapticPopulation;
import org.snncodesign.neurons.model.InputChecks;
import org.snncodesign.neurons.model.ModelParameters;

/** State of {@link ConductanceLeakyIntegrateAndFire} neurons. */
final class ConductanceLifPopulation extends AbstractSynapticPopulation {
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
  private final float[] gE;
  private final float[] gI;
  private final int[] refractory;

  ConductanceLifPopulation(int size, ModelParameters p) {
    super(ConductanceLeakyIntegrateAndFire.NAME, size, p.dt(), 3);
    double dt = p.dt();
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
    this.gE = new float[size];
    this.gI = new float[size];
    this.refractory = new int[size];
    reset();
  }

  /**
   * Channel 0 adds to g_e, channel 1 to g_i, channel 2 is an external current held over the step.
   */
  @Override
  protected int advance(float[][] inputs, long[] spikes) {
    float[] inE = inputs[0];
    float[] inI = inputs[1];
    float[] current = inputs[2];
    clearSpikes(spikes);
    int count = 0;
    for (int i = 0; i < size; i++) {
      float xe = InputChecks.finite(model, i, inE[i]);
      float xi = InputChecks.finite(model, i, inI[i]);
      float xc = InputChecks.finite(model, i, current[i]);
      float ge = gE[i] + xe;
      float gi = gI[i] + xi;
      float vi = v[i];
      if (!stillRefractory(refractory, i)) {
        float total = 1f + ge + gi;
        float vInf = (vRest + ge * eE + gi * eI + r * xc) / total;
        vi = vInf + (vi - vInf) * (float) Math.exp(-dtOverTauM * total);
      }
      gE[i] = ge * decayE;
      gI[i] = gi * decayI;
      if (vi >= vTh) {
        vi = vReset;
        refractory[i] = refractorySteps;
        spikes[i >>> 6] |= 1L << i;
        count++;
      }
      v[i] = vi;
    }
    return count;
  }

  @Override
  public void reset() {
    Arrays.fill(v, vRest);
    Arrays.fill(gE, 0f);
    Arrays.fill(gI, 0f);
    Arrays.fill(refractory, 0);
  }
}
