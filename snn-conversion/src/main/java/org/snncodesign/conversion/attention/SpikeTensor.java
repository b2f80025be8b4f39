package org.snncodesign.conversion.attention;

import org.snncodesign.api.Checks;

/**
 * A population of one-spike neurons: neuron {@code i} is silent (phase {@link #SILENT}) or sends
 * one spike whose phase {@code p} carries {@code ±scale * B^-p}. Signed activations use a pair of
 * neurons per value (a positive and a negative one, at most one of which fires), stored here as one
 * phase and a sign. Phases normally lie in the window {@code [0, K)}; products of two spikes lie in
 * {@code [0, 2K - 1)} and layer-norm outputs carry a per-token phase offset, so any integer is
 * allowed.
 */
public final class SpikeTensor {
  /** Phase of a silent neuron. */
  public static final int SILENT = Integer.MIN_VALUE;

  final int[] phase;
  final boolean[] negative;
  double scale = 1;

  public SpikeTensor(int size) {
    Checks.positive(size, "size");
    phase = new int[size];
    negative = new boolean[size];
    java.util.Arrays.fill(phase, SILENT);
  }

  public int size() {
    return phase.length;
  }

  /** Value scale {@code lambda} of a phase-0 spike. */
  public double scale() {
    return scale;
  }

  /** Phase of neuron {@code i}, or {@link #SILENT}. */
  public int phase(int i) {
    return phase[i];
  }

  /** Decoded value of neuron {@code i} (0 when silent). */
  public double value(int i, PhaseWeights phi) {
    int p = phase[i];
    if (p == SILENT) {
      return 0;
    }
    double v = scale * phi.of(p);
    return negative[i] ? -v : v;
  }

  /** Decodes every neuron into {@code out}. */
  public void decode(PhaseWeights phi, float[] out) {
    for (int i = 0; i < phase.length; i++) {
      out[i] = (float) value(i, phi);
    }
  }

  /** Number of neurons that fired. */
  public int spikes() {
    int n = 0;
    for (int p : phase) {
      if (p != SILENT) {
        n++;
      }
    }
    return n;
  }
}
