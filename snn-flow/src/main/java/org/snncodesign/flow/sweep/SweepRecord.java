package org.snncodesign.flow.sweep;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snncodesign.api.Checks;

/**
 * The outcome of one {@link SweepStep} run: named numbers and strings in a fixed order, one row of
 * a sweep's table. Numbers are kept as {@code double} or {@code long}; serializable so that a
 * cluster can ship it back.
 */
public final class SweepRecord implements Serializable {
  private static final long serialVersionUID = 1L;

  private final LinkedHashMap<String, Object> values;

  private SweepRecord(LinkedHashMap<String, Object> values) {
    this.values = values;
  }

  /** A builder that keeps the order of the puts. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every value by name, in the order they were put: Double, Long or String. */
  public Map<String, Object> values() {
    return Collections.unmodifiableMap(values);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SweepRecord r && r.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }

  /** Collects the values of a record; a name can be put once. */
  public static final class Builder {
    private final LinkedHashMap<String, Object> values = new LinkedHashMap<>();

    private Builder() {}

    /** A real number. */
    public Builder put(String name, double value) {
      return add(name, value);
    }

    /** A count. */
    public Builder put(String name, long value) {
      return add(name, value);
    }

    /** A label. */
    public Builder put(String name, String value) {
      Checks.checkArgument(value != null, "value of %s must not be null", name);
      return add(name, value);
    }

    private Builder add(String name, Object value) {
      Checks.checkArgument(name != null && !name.isBlank(), "a value needs a name");
      Checks.checkArgument(!values.containsKey(name), "%s was put twice", name);
      values.put(name, value);
      return this;
    }

    public SweepRecord build() {
      return new SweepRecord(new LinkedHashMap<>(values));
    }
  }
}
