package org.snncodesign.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Parses a name (a command-line option, a sweep parameter) into one of an enum's constants, or
 * refuses it with the choices.
 */
public final class Choices {
  private Choices() {}

  /**
   * The constant of {@code type} named {@code text}, ignoring case and reading '-' as '_'.
   *
   * @throws InvalidInputException naming {@code option}, the text and every valid choice
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String text, String option) {
    String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(wanted)) {
        return constant;
      }
    }
    throw new InvalidInputException(
        option
            + " "
            + text
            + " is not known; choose one of "
            + Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", ")));
  }
}
