package org.snncodesign.neurons.engine;

/**
 * The check shared by the builder's and the network's input currents; the message names the
 * population.
 */
final class InputCurrents {
  private InputCurrents() {}

  static float[] checked(String population, int size, float[] current) {
    if (current == null || current.length != size) {
      throw new IllegalArgumentException(
          "input current of population '"
              + population
              + "' must have "
              + size
              + " values (one per neuron), got "
              + (current == null ? "null" : current.length));
    }
    for (int i = 0; i < size; i++) {
      if (!Float.isFinite(current[i])) {
        throw new IllegalArgumentException(
            "input current of neuron "
                + i
                + " of population '"
                + population
                + "' must be finite, got "
                + current[i]);
      }
    }
    return current;
  }
}
