package org.snncodesign.api.neuron;

import java.util.Map;
import java.util.TreeMap;
import org.snncodesign.api.Checks;

/**
 * The time step and named parameters of a neuron population, named as in the literature ({@code
 * tau_m}, {@code v_th}, {@code v_reset}, {@code t_ref}, ...). Times are in seconds, potentials in
 * model units.
 *
 * @param dt the simulation time step in seconds, > 0
 * @param values parameter values by name; a model fills in its defaults for the rest
 */
public record NeuronParameters(double dt, Map<String, Double> values) {
  public NeuronParameters {
    Checks.positive(dt, "dt");
    values = Map.copyOf(values);
    values.forEach(
        (name, value) ->
            Checks.checkArgument(
                value != null && Double.isFinite(value),
                "neuron parameter %s must be finite, got %s",
                name,
                value));
  }

  /** Only a time step: the model's defaults for everything else. */
  public static NeuronParameters withDt(double dt) {
    return new NeuronParameters(dt, Map.of());
  }

  /** A copy with {@code name} set to {@code value}. */
  public NeuronParameters with(String name, double value) {
    Map<String, Double> copy = new TreeMap<>(values);
    copy.put(name, value);
    return new NeuronParameters(dt, copy);
  }

  /** The value of {@code name}, or {@code fallback} when not set. */
  public double get(String name, double fallback) {
    Double value = values.get(name);
    return value == null ? fallback : value;
  }
}
