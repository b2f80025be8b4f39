package org.snncodesign.api.coding;

import java.util.Map;
import org.snncodesign.api.Checks;

/**
 * How to turn values into spikes.
 *
 * @param timeSteps length of the spike window, > 0
 * @param seed seed of any random choice (Poisson coding); the same seed gives the same spikes
 * @param options coding-specific settings by name (e.g. {@code base} of phase coding)
 */
public record CodingParameters(int timeSteps, long seed, Map<String, Double> options) {
  public CodingParameters {
    Checks.positive(timeSteps, "timeSteps");
    options = Map.copyOf(options);
  }

  public static CodingParameters of(int timeSteps, long seed) {
    return new CodingParameters(timeSteps, seed, Map.of());
  }

  public double option(String name, double fallback) {
    Double value = options.get(name);
    return value == null ? fallback : value;
  }
}
