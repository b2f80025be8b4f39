package org.snncodesign.nir;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One HDF5 group of a NIR file (the root, a graph, a node, a metadata group): its children by name,
 * found with messages that name the file, node and field when they are missing or of the wrong
 * kind.
 */
final class NirGroup {
  private final Group group;
  private final NirLocation where;
  private final ReadBudget budget;
  private Map<String, Node> children;

  NirGroup(Group group, NirLocation where, ReadBudget budget) {
    this.group = group;
    this.where = where;
    this.budget = budget;
  }

  NirLocation where() {
    return where;
  }

  /** The same group seen as another object (once its node type is known). */
  NirGroup at(NirLocation location) {
    NirGroup same = new NirGroup(group, location, budget);
    same.children = children;
    return same;
  }

  boolean has(String name) {
    return children().containsKey(name);
  }

  boolean hasGroup(String name) {
    return children().get(name) instanceof Group;
  }

  /** The dataset {@code field}, which must exist. */
  NirDataset dataset(String field) {
    return optionalDataset(field)
        .orElseThrow(() -> where.error(field, "missing; " + describeNeed()));
  }

  Optional<NirDataset> optionalDataset(String field) {
    Node child = children().get(field);
    if (child == null) {
      return Optional.empty();
    }
    if (!(child instanceof Dataset dataset)) {
      throw where.error(field, "expected a dataset, found a group");
    }
    return Optional.of(new NirDataset(dataset, where, field, budget));
  }

  /** The subgroup {@code name}, which must exist, seen at {@code location}. */
  NirGroup group(String name, NirLocation location) {
    return optionalGroup(name, location)
        .orElseThrow(() -> where.error(name, "missing; expected a group"));
  }

  Optional<NirGroup> optionalGroup(String name, NirLocation location) {
    Node child = children().get(name);
    if (child == null) {
      return Optional.empty();
    }
    if (!(child instanceof Group subgroup)) {
      throw where.error(name, "expected a group, found a dataset");
    }
    return Optional.of(new NirGroup(subgroup, location, budget));
  }

  /**
   * The children's names in the order they were written, when the file records it (files this
   * module writes); otherwise sorted, the order in which h5py, and so the reference reader, lists
   * them.
   */
  List<String> childNames() {
    Map<String, Node> children = children();
    List<String> sorted = new ArrayList<>(children.keySet());
    sorted.sort(null);
    List<String> written = stringsAttribute(NirFormat.ORDER_ATTRIBUTE);
    return written.size() == sorted.size() && new HashSet<>(written).equals(children.keySet())
        ? written
        : sorted;
  }

  /** The strings of attribute {@code name}; empty when it is missing or holds anything else. */
  List<String> stringsAttribute(String name) {
    Attribute attribute = guard(() -> group.getAttribute(name), "attribute " + name);
    if (attribute == null) {
      return List.of();
    }
    budget.take(guard(attribute::getSize, "attribute " + name), where, "(attribute " + name + ")");
    Object values = guard(attribute::getData, "attribute " + name);
    return values instanceof String[] strings && Arrays.stream(strings).allMatch(Objects::nonNull)
        ? List.of(strings)
        : List.of();
  }

  /**
   * The members, loaded once; each counts against the budget, so a forged member count cannot
   * exhaust memory.
   */
  private Map<String, Node> children() {
    if (children == null) {
      Map<String, Node> loaded = guard(group::getChildren, "its members");
      budget.take(loaded.size(), where, "(members)");
      children = loaded;
    }
    return children;
  }

  private String describeNeed() {
    return where.type().isEmpty() ? "expected by NIR" : "required by NIR " + where.type();
  }

  private <T> T guard(Supplier<T> call, String what) {
    return HdfGuard.call(call, where.file(), where.describe() + " " + what);
  }
}
