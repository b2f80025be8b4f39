package org.snncodesign.flow.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.snncodesign.api.InvalidInputException;

/**
 * The values of every parameter of a step for one run, given or defaulted, each of its declared
 * type.
 */
public final class SweepParameters {
  private final Map<String, Object> values;

  private SweepParameters(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * The step's defaults overridden by {@code given}.
   *
   * @throws InvalidInputException when {@code given} names a parameter the step does not have, or a
   *     value does not fit its parameter's type
   */
  public static SweepParameters resolve(SweepStep step, Map<String, ?> given) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (SweepParameter p : step.parameters()) {
      values.put(
          p.name(), given.containsKey(p.name()) ? p.coerce(given.get(p.name())) : p.defaultValue());
    }
    for (String name : given.keySet()) {
      if (!values.containsKey(name)) {
        throw new InvalidInputException(
            "step "
                + step.name()
                + " has no parameter '"
                + name
                + "'; it has "
                + new TreeSet<>(values.keySet()));
      }
    }
    return new SweepParameters(values);
  }

  /** Every value by parameter name, in the step's declaration order. */
  public Map<String, Object> values() {
    return values;
  }

  /** An integer parameter as an int. */
  public int integer(String name) {
    return Math.toIntExact(get(name, Long.class));
  }

  /** A real parameter. */
  public double real(String name) {
    return get(name, Double.class);
  }

  /** A yes/no parameter. */
  public boolean flag(String name) {
    return get(name, Boolean.class);
  }

  /** A text parameter. */
  public String text(String name) {
    return get(name, String.class);
  }

  private <T> T get(String name, Class<T> type) {
    Object value = values.get(name);
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          "no " + type.getSimpleName() + " parameter '" + name + "' among " + values.keySet());
    }
    return type.cast(value);
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
