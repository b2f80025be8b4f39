package org.snncodesign.flow.sweep.steps;

import java.util.Arrays;
import java.util.Locale;
import org.snncodesign.api.InvalidInputException;

/** Reads a text parameter as an enum constant: {@code readout-weight} is {@code READOUT_WEIGHT}. */
final class Choice {
  private Choice() {}

  static <E extends Enum<E>> E of(Class<E> type, String value, String parameter) {
    for (E constant : type.getEnumConstants()) {
      if (label(constant).equals(value)) {
        return constant;
      }
    }
    throw new InvalidInputException("parameter " + parameter + " must be one of "
        + Arrays.stream(type.getEnumConstants()).map(Choice::label).toList() + ", got " + value);
  }

  private static String label(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
