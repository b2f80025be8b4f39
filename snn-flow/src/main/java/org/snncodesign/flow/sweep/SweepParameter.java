package org.snncodesign.flow.sweep;

import java.util.Locale;
import org.snncodesign.api.Checks;
import org.snncodesign.api.InvalidInputException;

/**
 * A parameter of a {@link SweepStep}: its name, type, default and meaning.
 *
 * @param name the name a sweep file uses, in snake_case
 * @param type what values it takes
 * @param defaultValue the value when a sweep does not set it, already of {@code type}'s Java class
 * @param description one line with its unit or choices
 */
public record SweepParameter(String name, Type type, Object defaultValue, String description) {

  /** The value kinds a parameter can have, with the Java class of their values. */
  public enum Type {
    INTEGER(Long.class),
    REAL(Double.class),
    BOOLEAN(Boolean.class),
    TEXT(String.class);

    private final Class<?> javaType;

    Type(Class<?> javaType) {
      this.javaType = javaType;
    }

    /** The class of this type's values: Long, Double, Boolean or String. */
    public Class<?> javaType() {
      return javaType;
    }
  }

  public SweepParameter {
    Checks.checkArgument(name != null && !name.isBlank(), "a parameter needs a name");
    Checks.checkArgument(type != null, "parameter %s needs a type", name);
    Checks.checkArgument(
        type.javaType().isInstance(defaultValue),
        "default of %s must be a %s, got %s",
        name,
        type.javaType().getSimpleName(),
        defaultValue);
  }

  /** An integer parameter. */
  public static SweepParameter integer(String name, long defaultValue, String description) {
    return new SweepParameter(name, Type.INTEGER, defaultValue, description);
  }

  /** A real-valued parameter. */
  public static SweepParameter real(String name, double defaultValue, String description) {
    return new SweepParameter(name, Type.REAL, defaultValue, description);
  }

  /** A yes/no parameter. */
  public static SweepParameter flag(String name, boolean defaultValue, String description) {
    return new SweepParameter(name, Type.BOOLEAN, defaultValue, description);
  }

  /** A text parameter (a choice among names). */
  public static SweepParameter text(String name, String defaultValue, String description) {
    return new SweepParameter(name, Type.TEXT, defaultValue, description);
  }

  /**
   * {@code value} as this parameter's type: any number for a real, a whole number for an integer, a
   * boolean (or "true"/"false") for a flag, anything for text.
   *
   * @throws InvalidInputException when the value does not fit, naming the parameter and the value
   */
  public Object coerce(Object value) {
    Object coerced =
        switch (type) {
          case INTEGER ->
              value instanceof Number n
                      && n.doubleValue() == Math.rint(n.doubleValue())
                      && !Double.isInfinite(n.doubleValue())
                  ? (Object) n.longValue()
                  : null;
          case REAL -> value instanceof Number n ? (Object) n.doubleValue() : null;
          case BOOLEAN ->
              value instanceof Boolean
                  ? value
                  : value instanceof String s && (s.equals("true") || s.equals("false"))
                      ? (Object) Boolean.valueOf(s)
                      : null;
          case TEXT -> value == null ? null : value.toString();
        };
    if (coerced == null) {
      throw new InvalidInputException(
          String.format(
              Locale.ROOT,
              "parameter %s must be %s, got %s",
              name,
              type.name().toLowerCase(Locale.ROOT),
              value));
    }
    return coerced;
  }
}
