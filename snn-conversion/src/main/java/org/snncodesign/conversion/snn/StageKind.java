package org.snncodesign.conversion.snn;

/** Role of one stage (population) of a {@link ConvertedNetwork}. */
public enum StageKind {
  /** The encoded input pixels. */
  INPUT,
  /**
   * Spiking neurons that stand for one ReLU layer of the ANN, fed through fan-out matrices and a
   * bias.
   */
  SPIKING,
  /** Max pooling over a spiking stage: relays, per window, the spikes of the strongest input. */
  MAX_POOL,
  /** The non-spiking read-out: membrane potentials whose arg-max is the predicted class. */
  OUTPUT
}
