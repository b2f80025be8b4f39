package org.snncodesign.conversion.ann;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs an evaluation over {@code n} samples on a short-lived fixed pool: sample range {@code [0,
 * n)} is cut into {@link #workers} contiguous slices of near-equal size, one per thread, so each
 * slice can own its workspace and results land in per-worker or per-sample slots without locking.
 */
public final class ParallelSlices {

  /** One thread's share of the samples. */
  @FunctionalInterface
  public interface Slice {
    /** Processes samples {@code [from, to)} as worker number {@code worker}. */
    void run(int worker, int from, int to);
  }

  private ParallelSlices() {}

  /**
   * Threads used for {@code n} samples: at most {@code threads}, at most one per sample, at least
   * one.
   */
  public static int workers(int n, int threads) {
    return Math.max(1, Math.min(threads, n));
  }

  /**
   * Runs {@code slice} on {@code workers} threads and waits for all of them.
   *
   * @throws IllegalStateException when interrupted or when a slice throws (the cause is kept)
   */
  public static void run(int n, int workers, Slice slice) {
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < workers; t++) {
        int from = (int) ((long) n * t / workers);
        int to = (int) ((long) n * (t + 1) / workers);
        int worker = t;
        futures.add(pool.submit(() -> slice.run(worker, from, to)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("evaluation interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
