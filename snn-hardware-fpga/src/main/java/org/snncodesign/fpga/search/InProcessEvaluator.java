package org.snncodesign.fpga.search;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.snncodesign.api.Checks;

/**
 * {@link CandidateEvaluator#inProcess}: a batch on a fixed pool of daemon threads, or a loop with
 * one thread.
 */
final class InProcessEvaluator implements CandidateEvaluator {
  private final int threads;

  InProcessEvaluator(int threads) {
    this.threads = Checks.positive(threads, "threads");
  }

  @Override
  public <R extends Serializable> List<R> evaluate(
      SearchProblem problem, List<? extends SearchTask<R>> tasks) {
    SearchSpaces spaces = problem.open();
    List<R> results = new ArrayList<>();
    if (threads == 1 || tasks.size() < 2) {
      for (SearchTask<R> task : tasks) {
        try {
          results.add(task.run(spaces));
        } catch (RuntimeException e) {
          throw failed(task, e);
        }
      }
      return results;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, tasks.size()),
            r -> {
              Thread t = new Thread(r, "co-search");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (SearchTask<R> task : tasks) {
        futures.add(pool.submit(() -> task.run(spaces)));
      }
      for (int k = 0; k < futures.size(); k++) {
        try {
          results.add(futures.get(k).get());
        } catch (ExecutionException e) {
          throw failed(tasks.get(k), e.getCause());
        }
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("co-search interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static IllegalStateException failed(SearchTask<?> task, Throwable cause) {
    return new IllegalStateException("evaluating " + task.describe() + " failed: " + cause, cause);
  }
}
