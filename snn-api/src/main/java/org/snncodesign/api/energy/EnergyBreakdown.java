package org.snncodesign.api.energy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.snncodesign.api.Checks;

/**
 * A report's energy as named components, each in one {@link EnergyCategory}. The category totals
 * are the sums of their components; the total is the sum of the categories, with {@link
 * EnergyCategory#STATIC} counted only under {@link StaticPower#INCLUDED}.
 *
 * <p>Components are kept in a fixed order (category declaration order, then name) and charges to
 * the same (category, name) are merged, so two breakdowns charged the same amounts in any order are
 * equal and print alike.
 *
 * @param components the parts, ordered and merged as described
 */
public record EnergyBreakdown(List<EnergyComponent> components) implements Serializable {
  private static final Comparator<EnergyComponent> ORDER =
      Comparator.comparing(EnergyComponent::category).thenComparing(EnergyComponent::name);

  /** No energy at all. */
  public static final EnergyBreakdown NONE = new EnergyBreakdown(List.of());

  public EnergyBreakdown {
    Checks.checkArgument(components != null, "components must be given");
    Map<EnergyCategory, Map<String, Double>> merged = new EnumMap<>(EnergyCategory.class);
    for (EnergyComponent c : components) {
      Checks.checkArgument(c != null, "energy components must not be null");
      merged
          .computeIfAbsent(c.category(), k -> new TreeMap<>())
          .merge(c.name(), c.picojoules(), Double::sum);
    }
    List<EnergyComponent> ordered = new ArrayList<>();
    merged.forEach(
        (category, parts) ->
            parts.forEach((name, pj) -> ordered.add(new EnergyComponent(category, name, pj))));
    ordered.sort(ORDER);
    components = Collections.unmodifiableList(ordered);
  }

  /** A builder with no components yet. */
  public static Builder builder() {
    return new Builder();
  }

  /** Energy of one category: the sum of its components (0 when the model charges nothing to it). */
  public double picojoules(EnergyCategory category) {
    double sum = 0;
    for (EnergyComponent c : components) {
      if (c.category() == category) {
        sum += c.picojoules();
      }
    }
    return sum;
  }

  /** Energy of the components named {@code name} (in whichever category), 0 when there is none. */
  public double componentPicojoules(String name) {
    double sum = 0;
    for (EnergyComponent c : components) {
      if (c.name().equals(name)) {
        sum += c.picojoules();
      }
    }
    return sum;
  }

  /** Every category's energy, in declaration order, zero for those not charged. */
  public Map<EnergyCategory, Double> byCategory() {
    Map<EnergyCategory, Double> map = new EnumMap<>(EnergyCategory.class);
    for (EnergyCategory category : EnergyCategory.values()) {
      map.put(category, picojoules(category));
    }
    return Collections.unmodifiableMap(map);
  }

  /** Sum of every category but {@link EnergyCategory#STATIC}. */
  public double dynamicPicojoules() {
    double sum = 0;
    for (EnergyComponent c : components) {
      if (c.category().dynamic()) {
        sum += c.picojoules();
      }
    }
    return sum;
  }

  /** The {@link EnergyCategory#STATIC} category. */
  public double staticPicojoules() {
    return picojoules(EnergyCategory.STATIC);
  }

  /** The total under {@code policy}: dynamic energy, plus static energy when it is included. */
  public double total(StaticPower policy) {
    Checks.checkArgument(policy != null, "static power policy must be given");
    return dynamicPicojoules() + (policy == StaticPower.INCLUDED ? staticPicojoules() : 0);
  }

  /** The categories a model charged something to, i.e. with at least one component. */
  public List<EnergyCategory> chargedCategories() {
    return components.stream().map(EnergyComponent::category).distinct().toList();
  }

  /** Collects components; charges to the same (category, name) add. */
  public static final class Builder {
    private final List<EnergyComponent> components = new ArrayList<>();

    private Builder() {}

    /** Charges {@code picojoules} to component {@code name} of {@code category}. */
    public Builder charge(EnergyCategory category, String name, double picojoules) {
      components.add(new EnergyComponent(category, name, picojoules));
      return this;
    }

    /** Charges {@code count} operations of kind {@code operation}, priced by {@code energy}. */
    public Builder charge(
        EnergyCategory category,
        String name,
        EnergyModel energy,
        Operation operation,
        double count) {
      Checks.checkArgument(
          count >= 0 && Double.isFinite(count),
          "count of %s for %s must be finite and >= 0, got %s",
          operation,
          name,
          count);
      return charge(category, name, count * energy.picojoules(operation));
    }

    /**
     * Static energy: {@code watts} over {@code seconds}, as component {@code name} of the static
     * category.
     */
    public Builder chargeStatic(String name, double watts, double seconds) {
      Checks.checkArgument(
          watts >= 0 && Double.isFinite(watts),
          "static power must be finite and >= 0 W, got %s",
          watts);
      Checks.checkArgument(
          seconds >= 0 && Double.isFinite(seconds),
          "busy time must be finite and >= 0 s, got %s",
          seconds);
      return charge(EnergyCategory.STATIC, name, watts * seconds * 1e12);
    }

    public EnergyBreakdown build() {
      return new EnergyBreakdown(components);
    }
  }
}
