package org.snncodesign.api.hardware;

import java.util.List;
import org.snncodesign.api.Checks;

/**
 * One searchable accelerator parameter and its allowed values (as labels).
 *
 * @param name parameter name, as in the accelerator's report configuration
 * @param values the choices, at least one
 */
public record DesignParameter(String name, List<String> values) {
  public DesignParameter {
    Checks.checkArgument(name != null && !name.isBlank(), "parameter needs a name");
    values = List.copyOf(values);
    Checks.checkArgument(!values.isEmpty(), "parameter %s has no values", name);
  }

  /** A parameter over integer choices. */
  public static DesignParameter ofInts(String name, int... choices) {
    return new DesignParameter(
        name, java.util.Arrays.stream(choices).mapToObj(Integer::toString).toList());
  }

  public int size() {
    return values.size();
  }
}
