package org.snncodesign.learning.surrogate;

/** How the last layer turns its T-step activity into the logits of the cross-entropy loss. */
public enum Readout {
  /** The last layer spikes; logit {@code k} is its spike count {@code sum_t s_k[t]}. */
  SPIKE_COUNT,
  /**
   * The last layer is a non-spiking leaky integrator; logit {@code k} is its mean membrane
   * potential {@code (1/T) sum_t v_k[t]}.
   */
  MEMBRANE;

  /** The readout named {@code name} ({@code spike-count} or {@code membrane}). */
  public static Readout parse(String name) {
    String key = name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    for (Readout r : values()) {
      if (r.name().equals(key)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown readout '" + name + "', expected spike-count or membrane");
  }
}
