package org.snncodesign.learning.rewiring;

import org.snncodesign.api.Checks;

/**
 * Target weight sparsity as a function of the optimiser step: zero before {@code startStep}, then
 * the cubic ramp of Zhu and Gupta ("To prune, or not to prune", 2017)
 *
 * <pre>  s(t) = s_f (1 - (1 - (t - t_0) / n)^3)  for t_0 &lt;= t &lt; t_0 + n,   s_f afterwards
 * </pre>
 *
 * which prunes fast while many redundant weights remain and slowly near the target.
 *
 * @param finalSparsity target fraction of zero weights, in [0, 1)
 * @param startStep step at which pruning starts
 * @param rampSteps steps over which the target is reached (0 jumps to it at once)
 */
public record SparsitySchedule(double finalSparsity, long startStep, long rampSteps) {
  public SparsitySchedule {
    Checks.checkArgument(
        finalSparsity >= 0 && finalSparsity < 1,
        "final sparsity must be in [0, 1), got %s",
        finalSparsity);
    Checks.checkArgument(
        startStep >= 0 && rampSteps >= 0,
        "start (%d) and ramp (%d) steps must be >= 0",
        startStep,
        rampSteps);
  }

  /** The constant target {@code sparsity} from the first step on. */
  public static SparsitySchedule constant(double sparsity) {
    return new SparsitySchedule(sparsity, 0, 0);
  }

  /** The target sparsity after {@code step} optimiser steps. */
  public double sparsityAt(long step) {
    if (step < startStep) {
      return 0;
    }
    if (rampSteps == 0 || step >= startStep + rampSteps) {
      return finalSparsity;
    }
    double remaining = 1 - (double) (step - startStep) / rampSteps;
    return finalSparsity * (1 - remaining * remaining * remaining);
  }
}
