package org.snncodesign.api.hardware;

import org.snncodesign.api.Checks;

/**
 * How an accelerator runs a workload, or why it cannot: the answer of {@link
 * Accelerator#mapping(Workload)}, shown next to the figures so that a reader knows what was
 * assumed.
 *
 * @param supported true when the accelerator runs the workload
 * @param statement the mapping assumed (when supported) or the reason for declining (when not), in
 *     one sentence
 */
public record WorkloadMapping(boolean supported, String statement) {
  public WorkloadMapping {
    Checks.checkArgument(
        statement != null && !statement.isBlank(), "a mapping must state how or why not");
  }

  /** The accelerator runs the workload as {@code how} describes. */
  public static WorkloadMapping runs(String how) {
    return new WorkloadMapping(true, how);
  }

  /** The accelerator cannot run the workload, for {@code reason}. */
  public static WorkloadMapping declines(String reason) {
    return new WorkloadMapping(false, reason);
  }
}
