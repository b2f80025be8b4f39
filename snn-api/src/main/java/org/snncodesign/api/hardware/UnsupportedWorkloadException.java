package org.snncodesign.api.hardware;

import org.snncodesign.api.SnnException;

/**
 * Thrown by {@link Accelerator#evaluate} when the accelerator cannot run a workload (its
 * {@linkplain Accelerator#mapping(Workload) mapping} declines it); the message names the
 * accelerator, the workload and the reason.
 */
public final class UnsupportedWorkloadException extends SnnException {
  private final String accelerator;
  private final String reason;

  public UnsupportedWorkloadException(String accelerator, Workload workload, String reason) {
    super(accelerator + " cannot run workload '" + workload.name() + "': " + reason);
    this.accelerator = accelerator;
    this.reason = reason;
  }

  /** Name of the accelerator that declined. */
  public String accelerator() {
    return accelerator;
  }

  /** Why, in the accelerator's words. */
  public String reason() {
    return reason;
  }
}
