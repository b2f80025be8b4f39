package org.snncodesign.neurons.integrate;

import java.util.Arrays;
import org.snncodesign.neurons.model.AbstractSynapticPopulation;
import org.snncodesign.neurons.model.InputChecks;

/** State of {@link IntegrateAndFire} neurons in primitive arrays. */
final class IntegrateAndFirePopulation extends AbstractSynapticPopulation {
  private final float vTh;
  private final float vReset;
  private final boolean subtract;
  private final int refractorySteps;
  private final int[] refractory;

  IntegrateAndFirePopulation(
      int size, double dt, float vTh, float vReset, boolean subtract, int refractorySteps) {
    super(IntegrateAndFire.NAME, size, dt, 1);
    this.vTh = vTh;
    this.vReset = vReset;
    this.subtract = subtract;
    this.refractorySteps = refractorySteps;
    this.refractory = new int[size];
    reset();
  }

  @Override
  protected int advance(float[][] inputs, long[] spikes) {
    float[] input = inputs[0];
    clearSpikes(spikes);
    int count = 0;
    for (int i = 0; i < size; i++) {
      float x = InputChecks.finite(model, i, input[i]);
      // Refractory: the step of the spike counts, so the neuron is silent while t - t_spike <
      // t_ref.
      if (stillRefractory(refractory, i)) {
        x = 0f;
      }
      float vi = v[i] + x;
      if (vi >= vTh) {
        vi = subtract ? vi - (vTh - vReset) : vReset;
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
    Arrays.fill(v, vReset);
    Arrays.fill(refractory, 0);
  }
}
