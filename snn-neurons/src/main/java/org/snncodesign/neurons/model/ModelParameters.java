package org.snncodesign.neurons.model;

import java.util.Map;
import java.util.TreeMap;
import org.snncodesign.api.neuron.NeuronParameters;

/**
 * The resolved parameters of one neuron model: the user's values over the model's defaults, with
 * unknown names refused. Getters check ranges and name the parameter, the model and the bad value
 * in their messages.
 */
public final class ModelParameters {
  private final String model;
  private final double dt;
  private final Map<String, Double> values;

  private ModelParameters(String model, double dt, Map<String, Double> values) {
    this.model = model;
    this.dt = dt;
    this.values = values;
  }

  /**
   * Merges {@code given} over {@code defaults}.
   *
   * @throws IllegalArgumentException naming a parameter the model does not know, or a bad dt
   */
  public static ModelParameters resolve(
      String model, Map<String, Double> defaults, NeuronParameters given) {
    if (given == null) {
      throw new IllegalArgumentException(
          "neuron parameters of model '" + model + "' must not be null");
    }
    // NeuronParameters already refuses dt <= 0; check again so a subclass-free record change cannot
    // slip by.
    if (!(given.dt() > 0) || !Double.isFinite(given.dt())) {
      throw new IllegalArgumentException("dt must be finite and > 0, got " + given.dt());
    }
    Map<String, Double> merged = new TreeMap<>(defaults);
    for (Map.Entry<String, Double> e : given.values().entrySet()) {
      if (!defaults.containsKey(e.getKey())) {
        throw new IllegalArgumentException(
            "unknown parameter '"
                + e.getKey()
                + "' = "
                + e.getValue()
                + " for neuron model '"
                + model
                + "'; known: "
                + defaults.keySet());
      }
      merged.put(e.getKey(), e.getValue());
    }
    return new ModelParameters(model, given.dt(), merged);
  }

  /** The time step in seconds. */
  public double dt() {
    return dt;
  }

  /** Any finite value of {@code name}. */
  public double get(String name) {
    Double v = values.get(name);
    if (v == null) {
      throw new IllegalStateException("model '" + model + "' has no parameter '" + name + "'");
    }
    return v;
  }

  /** A value that must be > 0 (time constants). */
  public double positive(String name) {
    double v = get(name);
    if (!(v > 0)) {
      throw new IllegalArgumentException(
          name + " must be > 0 for neuron model '" + model + "', got " + v);
    }
    return v;
  }

  /**
   * A value that must be >= 0 (refractory periods, optional time constants where 0 switches a term
   * off).
   */
  public double nonNegative(String name) {
    double v = get(name);
    if (!(v >= 0)) {
      throw new IllegalArgumentException(
          name + " must be >= 0 for neuron model '" + model + "', got " + v);
    }
    return v;
  }

  /** A flag stored as 0 or 1. */
  public boolean flag(String name) {
    double v = get(name);
    if (v != 0 && v != 1) {
      throw new IllegalArgumentException(
          name + " must be 0 or 1 for neuron model '" + model + "', got " + v);
    }
    return v == 1;
  }

  /** Throws naming both parameters unless {@code get(low) < get(high)}. */
  public void requireBelow(String low, String high) {
    if (!(get(low) < get(high))) {
      throw new IllegalArgumentException(
          low
              + " ("
              + get(low)
              + ") must be below "
              + high
              + " ("
              + get(high)
              + ") for neuron model '"
              + model
              + "'");
    }
  }

  /**
   * Throws naming the parameter, the model and {@code what} unless {@code get(name) == 0}, for
   * parameters a use of the model (e.g. surrogate-gradient training) cannot take.
   */
  public void requireZero(String name, String what) {
    double v = get(name);
    if (v != 0) {
      throw new IllegalArgumentException(
          "neuron model '" + model + "' " + what + " only with " + name + " = 0, got " + v);
    }
  }

  /** A duration as a whole number of steps, {@code round(seconds / dt)}. */
  public int steps(String name) {
    double steps = Math.rint(nonNegative(name) / dt);
    if (steps > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException(
          name + " = " + get(name) + " s is too many steps of dt = " + dt);
    }
    return (int) steps;
  }

  /** Checks a population size. */
  public static int size(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("population size must be >= 0, got " + size);
    }
    return size;
  }
}
