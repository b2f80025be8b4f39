package org.snncodesign.neurons.izhikevich;

import java.util.Arrays;
import org.snncodesign.neurons.model.AbstractSynapticPopulation;
import org.snncodesign.neurons.model.InputChecks;

/** State of {@link Izhikevich} neurons. */
final class IzhikevichPopulation extends AbstractSynapticPopulation {
  private static final double MAX_SUBSTEP_MS = 0.1;
  private final int substeps;
  private final float h;
  private final float a;
  private final float b;
  private final float c;
  private final float d;
  private final float vPeak;
  private final float vInit;
  private final float[] u;

  IzhikevichPopulation(
      int size, double dt, float a, float b, float c, float d, float vPeak, float vInit) {
    super(Izhikevich.NAME, size, dt, 1);
    double dtMs = dt * 1000;
    this.substeps = (int) Math.max(1, Math.ceil(dtMs / MAX_SUBSTEP_MS - 1e-9));
    if (substeps > 1_000_000) {
      throw new IllegalArgumentException(
          "dt = " + dt + " s is too long for the Izhikevich model (at most 100 s)");
    }
    this.h = (float) (dtMs / substeps);
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    this.vPeak = vPeak;
    this.vInit = vInit;
    this.u = new float[size];
    reset();
  }

  @Override
  protected int advance(float[][] inputs, long[] spikes) {
    float[] input = inputs[0];
    clearSpikes(spikes);
    int count = 0;
    for (int i = 0; i < size; i++) {
      float current = InputChecks.finite(model, i, input[i]);
      float vi = v[i];
      float ui = u[i];
      boolean spiked = false;
      for (int s = 0; s < substeps; s++) {
        float dv = 0.04f * vi * vi + 5f * vi + 140f - ui + current;
        float du = a * (b * vi - ui);
        vi += h * dv;
        ui += h * du;
        if (vi >= vPeak) {
          vi = c;
          ui += d;
          spiked = true;
        }
      }
      v[i] = vi;
      u[i] = ui;
      if (spiked) {
        spikes[i >>> 6] |= 1L << i;
        count++;
      }
    }
    return count;
  }

  /** The recovery variable u per neuron (a live view). */
  float[] recovery() {
    return u;
  }

  @Override
  public void reset() {
    Arrays.fill(v, vInit);
    Arrays.fill(u, b * vInit);
  }
}
