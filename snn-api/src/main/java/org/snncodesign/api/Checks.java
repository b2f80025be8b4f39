package org.snncodesign.api;

import org.jspecify.annotations.Nullable;

/** Argument checks at public boundaries, with messages that name the bad value. */
public final class Checks {
  private Checks() {}

  /** Throws {@link IllegalArgumentException} with the message when {@code condition} is false. */
  public static void checkArgument(boolean condition, String message, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(message, args));
    }
  }

  /**
   * Returns {@code value} when it is not null (a map entry, an optional setting), otherwise throws
   * {@link IllegalArgumentException} with the message.
   */
  public static <T> T checkPresent(@Nullable T value, String message, Object... args) {
    if (value == null) {
      throw new IllegalArgumentException(String.format(message, args));
    }
    return value;
  }

  /** Returns {@code value} when it is positive, otherwise throws naming {@code name}. */
  public static int positive(int value, String name) {
    checkArgument(value > 0, "%s must be > 0, got %d", name, value);
    return value;
  }

  /** Returns {@code value} when it is zero or positive, otherwise throws naming {@code name}. */
  public static int nonNegative(int value, String name) {
    checkArgument(value >= 0, "%s must be >= 0, got %d", name, value);
    return value;
  }

  /** Returns {@code value} when it is finite and positive, otherwise throws naming {@code name}. */
  public static double positive(double value, String name) {
    checkArgument(
        value > 0 && Double.isFinite(value), "%s must be finite and > 0, got %s", name, value);
    return value;
  }
}
