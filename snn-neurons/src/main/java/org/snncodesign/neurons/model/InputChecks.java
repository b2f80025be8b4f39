package org.snncodesign.neurons.model;

/**
 * Checks shared by the populations' step methods; failures name the array, the index and the value.
 */
public final class InputChecks {
  private InputChecks() {}

  /** Input and spike arrays must fit the population. */
  public static void shapes(String model, int size, float[] input, long[] spikes) {
    if (input == null || input.length != size) {
      throw new IllegalArgumentException(
          "input of neuron model '"
              + model
              + "' must have "
              + size
              + " values (one per neuron), got "
              + (input == null ? "null" : input.length));
    }
    int words = (size + 63) >>> 6;
    if (spikes == null || spikes.length < words) {
      throw new IllegalArgumentException(
          "spikes of neuron model '"
              + model
              + "' must hold at least "
              + words
              + " words for "
              + size
              + " neurons, got "
              + (spikes == null ? "null" : spikes.length));
    }
  }

  /** Channel arrays must match the population's channel count and size. */
  public static void channels(
      String model, int size, int channels, float[][] inputs, long[] spikes) {
    if (inputs == null || inputs.length != channels) {
      throw new IllegalArgumentException(
          "neuron model '"
              + model
              + "' takes "
              + channels
              + " input channels, got "
              + (inputs == null ? "null" : inputs.length));
    }
    for (float[] input : inputs) {
      shapes(model, size, input, spikes);
    }
  }

  /**
   * Returns {@code value} if finite; otherwise throws {@link #notFinite} (called from step loops).
   */
  public static float finite(String model, int neuron, float value) {
    if (!(Math.abs(value) <= Float.MAX_VALUE)) {
      throw notFinite(model, neuron, value);
    }
    return value;
  }

  /** Thrown from a step loop that met a NaN or infinite input. */
  public static IllegalArgumentException notFinite(String model, int neuron, float value) {
    return new IllegalArgumentException(
        "input current of neuron "
            + neuron
            + " (model '"
            + model
            + "') must be finite, got "
            + value);
  }

  /** Initial potentials must fit and be finite. */
  public static void potentials(String model, int size, float[] potentials) {
    if (potentials == null || potentials.length != size) {
      throw new IllegalArgumentException(
          "membrane potentials of model '"
              + model
              + "' must have "
              + size
              + " values, got "
              + (potentials == null ? "null" : potentials.length));
    }
    for (int i = 0; i < size; i++) {
      if (!Float.isFinite(potentials[i])) {
        throw new IllegalArgumentException(
            "membrane potential of neuron " + i + " must be finite, got " + potentials[i]);
      }
    }
  }
}
