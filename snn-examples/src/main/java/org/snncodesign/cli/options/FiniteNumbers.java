package org.snncodesign.cli.options;

import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters that refuse NaN and infinities for every {@code double} and {@code float} option: no
 * option of the tool means a non-finite number, and one let through silently turns a run into a
 * wrong result.
 */
public final class FiniteNumbers {
  private FiniteNumbers() {}

  /** Registers the converters on {@code commandLine} and every subcommand it has. */
  public static void register(CommandLine commandLine) {
    commandLine.registerConverter(Double.class, FiniteNumbers::toDouble);
    commandLine.registerConverter(double.class, FiniteNumbers::toDouble);
    commandLine.registerConverter(Float.class, FiniteNumbers::toFloat);
    commandLine.registerConverter(float.class, FiniteNumbers::toFloat);
  }

  static double toDouble(String text) {
    double value;
    try {
      value = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + text + "' is not a number");
    }
    if (!Double.isFinite(value)) {
      throw new TypeConversionException("'" + text + "' is not a finite number");
    }
    return value;
  }

  static float toFloat(String text) {
    double value = toDouble(text);
    if (Math.abs(value) > Float.MAX_VALUE) {
      throw new TypeConversionException("'" + text + "' is beyond the float range");
    }
    return (float) value;
  }
}
