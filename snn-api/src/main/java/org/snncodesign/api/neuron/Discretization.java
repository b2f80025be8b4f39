package org.snncodesign.api.neuron;

import org.snncodesign.api.Checks;

/**
 * How a simulator turns a graph's continuous-time neuron equations (NIR's) into steps of {@code
 * dt}. In both methods a spike is an input of value 1 held for one step, as in the discrete-time
 * frameworks that write NIR (snnTorch, Norse, Sinabs).
 *
 * @param dt the time step in seconds, finite and > 0
 * @param integration the update rule
 */
public record Discretization(double dt, Integration integration) {
  public Discretization {
    Checks.positive(dt, "dt");
    Checks.checkArgument(
        integration != null, "integration must be FORWARD_EULER or EXPONENTIAL_EULER");
  }

  /** The update rule of {@code tau dx/dt = -x + u}, with u held over the step. */
  public enum Integration {
    /**
     * {@code x += dt / tau (u - x)}: the rule snnTorch and Norse use, so that a network they export
     * runs with the same numbers (snnTorch writes {@code tau = dt / (1 - beta)} and {@code r = tau
     * / dt}, which this rule maps back to {@code v = beta v + I} exactly).
     */
    FORWARD_EULER,
    /**
     * {@code x = u + (x - u) e^{-dt / tau}}: exact for input held constant over the step
     * (zero-order hold), stable for any dt.
     */
    EXPONENTIAL_EULER
  }

  /** Forward Euler at {@code dt}. */
  public static Discretization forwardEuler(double dt) {
    return new Discretization(dt, Integration.FORWARD_EULER);
  }

  /** Exponential Euler at {@code dt}. */
  public static Discretization exponentialEuler(double dt) {
    return new Discretization(dt, Integration.EXPONENTIAL_EULER);
  }
}
