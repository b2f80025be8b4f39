package org.snncodesign.learning.surrogate;

/**
 * What a spike does to the membrane, in the discrete update {@code h[t] = beta v[t-1] + I[t]},
 * {@code s[t] = H(h[t] - v_th)}.
 */
public enum ResetMode {
  /**
   * Reset by subtraction, {@code v[t] = h[t] - v_th s[t]}: keeps the residue, closest to rate
   * coding.
   */
  SUBTRACT,
  /** Hard reset to zero, {@code v[t] = h[t] (1 - s[t])}. */
  ZERO
}
