package org.snncodesign.api.energy;

import java.util.EnumMap;
import java.util.Map;
import org.snncodesign.api.Checks;

/**
 * A mutable tally of operations by kind, kept in a primitive array so hot loops can count cheaply.
 */
public final class OperationCounts {
  private static final Operation[] OPERATIONS = Operation.values();
  private final long[] counts = new long[OPERATIONS.length];

  public void add(Operation operation, long count) {
    Checks.checkArgument(count >= 0, "count of %s must be >= 0, got %d", operation, count);
    counts[operation.ordinal()] += count;
  }

  public void addAll(OperationCounts other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
  }

  public long get(Operation operation) {
    return counts[operation.ordinal()];
  }

  /** Operations with non-zero counts, in declaration order. */
  public Map<Operation, Long> asMap() {
    Map<Operation, Long> map = new EnumMap<>(Operation.class);
    for (Operation op : OPERATIONS) {
      if (counts[op.ordinal()] != 0) {
        map.put(op, counts[op.ordinal()]);
      }
    }
    return map;
  }

  @Override
  public String toString() {
    return "OperationCounts" + asMap();
  }
}
