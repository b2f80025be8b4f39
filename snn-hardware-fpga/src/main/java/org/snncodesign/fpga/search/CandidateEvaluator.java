package org.snncodesign.fpga.search;

import java.io.Serializable;
import java.util.List;

/**
 * Where a {@link CoSearch} evaluates its candidates: each batch of {@link SearchTask}s (network
 * variants, then accelerator designs) goes to {@link #evaluate}, which must give every task's
 * result, in task order, as {@code task.run(problem.open())} gives it. The search generates and
 * selects candidates itself and combines the results in that fixed order, so the same seed gives
 * the same search whatever the evaluator: threads of this JVM ({@link #inProcess}) or the machines
 * of a cluster (module {@code snn-spark}).
 */
public interface CandidateEvaluator {

  /**
   * The results of {@code tasks}, in their order.
   *
   * @throws IllegalStateException naming the task when one fails
   */
  <R extends Serializable> List<R> evaluate(
      SearchProblem problem, List<? extends SearchTask<R>> tasks);

  /**
   * In this JVM on {@code threads} threads, one batch at a time; one thread is the plain sequential
   * loop.
   */
  static CandidateEvaluator inProcess(int threads) {
    return new InProcessEvaluator(threads);
  }
}
