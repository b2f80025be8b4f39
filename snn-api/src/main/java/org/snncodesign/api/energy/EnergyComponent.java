package org.snncodesign.api.energy;

import java.io.Serializable;
import org.snncodesign.api.Checks;

/**
 * One named part of a report's energy, e.g. the {@code weight_buffer} reads of an array, in one
 * category.
 *
 * @param category the shared category it counts toward
 * @param name the model's name for the part (lower case, underscores), unique within its category
 * @param picojoules its energy, finite and {@code >= 0}
 */
public record EnergyComponent(EnergyCategory category, String name, double picojoules)
    implements Serializable {
  public EnergyComponent {
    Checks.checkArgument(category != null, "energy component %s needs a category", name);
    Checks.checkArgument(
        name != null && !name.isBlank(), "energy component of %s needs a name", category);
    Checks.checkArgument(
        Double.isFinite(picojoules) && picojoules >= 0,
        "energy of component %s (%s) must be finite and >= 0, got %s",
        name,
        category.key(),
        picojoules);
  }
}
