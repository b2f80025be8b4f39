package org.snncodesign.neurons.izhikevich;

import java.util.Arrays;
import org.snncodesign.neurons.model.InputChecks;
import org.snncodesign.neurons.model.SynapticPopulation;

/** State of {@link Izhikevich} neurons. */
final class IzhikevichPopulation implements SynapticPopulation {
  private static final String MODEL = Izhikevich.NAME;
  private static final double MAX_SUBSTEP_MS = 0.1;
  private final int size;
  private final double dt;
  private final int substeps;
  private final float h;
  private final float a;
  private final float b;
  private final float c;
  private final float d;
  private final float vPeak;
  private final float vInit;
  private final float[] v;
  private final float[] u;

  IzhikevichPopulation(int size, double dt, float a, float b, float c, float d, float vPeak, float vInit) {
    this.size = size;
    this.dt = dt;
    double dtMs = dt * 1000;
    this.substeps = (int) Math.max(1, Math.ceil(dtMs / MAX_SUBSTEP_MS - 1e-9));
    if (substeps > 1_000_000) {
      throw new IllegalArgumentException("dt = " + dt + " s is too long for the Izhikevich model (at most 100 s)");
    }
    this.h = (float) (dtMs / substeps);
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    this.vPeak = vPeak;
    this.vInit = vInit;
    this.v = new float[size];
    this.u = new float[size];
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
    InputChecks.channels(MODEL, size, 1, inputs, spikes);
    return advance(inputs[0], spikes);
  }

  @Override
  public int step(float[] input, long[] spikes) {
    InputChecks.shapes(MODEL, size, input, spikes);
    return advance(input, spikes);
  }

  private int advance(float[] input, long[] spikes) {
    int count = 0;
    long word = 0;
    for (int i = 0; i < size; i++) {
      float current = input[i];
      if (!(Math.abs(current) <= Float.MAX_VALUE)) {
        throw InputChecks.notFinite(MODEL, i, current);
      }
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
        word |= 1L << i;
        count++;
      }
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

  /** The recovery variable u per neuron (a live view). */
  float[] recovery() {
    return u;
  }

  @Override
  public void setMembranePotential(float[] potentials) {
    InputChecks.potentials(MODEL, size, potentials);
    System.arraycopy(potentials, 0, v, 0, size);
  }

  @Override
  public void reset() {
    Arrays.fill(v, vInit);
    Arrays.fill(u, b * vInit);
  }
}
