package org.snncodesign.neurons.integrate;

import java.util.Arrays;
import org.snncodesign.neurons.model.InputChecks;
import org.snncodesign.neurons.model.SynapticPopulation;

/** State of {@link IntegrateAndFire} neurons in primitive arrays. */
final class IntegrateAndFirePopulation implements SynapticPopulation {
  private final int size;
  private final double dt;
  private final float vTh;
  private final float vReset;
  private final boolean subtract;
  private final int refractorySteps;
  private final float[] v;
  private final int[] refractory;

  IntegrateAndFirePopulation(int size, double dt, float vTh, float vReset, boolean subtract, int refractorySteps) {
    this.size = size;
    this.dt = dt;
    this.vTh = vTh;
    this.vReset = vReset;
    this.subtract = subtract;
    this.refractorySteps = refractorySteps;
    this.v = new float[size];
    this.refractory = new int[size];
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
    return 1;
  }

  @Override
  public int step(float[][] inputs, long[] spikes) {
    InputChecks.channels(IntegrateAndFire.NAME, size, 1, inputs, spikes);
    return advance(inputs[0], spikes);
  }

  @Override
  public int step(float[] input, long[] spikes) {
    InputChecks.shapes(IntegrateAndFire.NAME, size, input, spikes);
    return advance(input, spikes);
  }

  private int advance(float[] input, long[] spikes) {
    int count = 0;
    long word = 0;
    for (int i = 0; i < size; i++) {
      float x = input[i];
      if (!(Math.abs(x) <= Float.MAX_VALUE)) {
        throw InputChecks.notFinite(IntegrateAndFire.NAME, i, x);
      }
      // Refractory: the step of the spike counts, so the neuron is silent while t - t_spike < t_ref.
      if (refractory[i] > 0 && --refractory[i] > 0) {
        x = 0f;
      }
      float vi = v[i] + x;
      if (vi >= vTh) {
        vi = subtract ? vi - (vTh - vReset) : vReset;
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
    InputChecks.potentials(IntegrateAndFire.NAME, size, potentials);
    System.arraycopy(potentials, 0, v, 0, size);
  }

  @Override
  public void reset() {
    Arrays.fill(v, vReset);
    Arrays.fill(refractory, 0);
  }
}
