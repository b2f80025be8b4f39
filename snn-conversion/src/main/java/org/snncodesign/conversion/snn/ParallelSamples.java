package org.snncodesign.conversion.snn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs contiguous slices of samples on worker threads, each with its own state, and collects the
 * states.
 */
final class ParallelSamples {
  private ParallelSamples() {}

  interface Worker {
    void run(int sample);
  }

  static <W extends Worker> List<W> run(int samples, int threads, Supplier<W> factory) {
    int workers = Math.max(1, Math.min(threads, samples));
    List<W> states = new ArrayList<>();
    for (int t = 0; t < workers; t++) {
      states.add(factory.get());
    }
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < workers; t++) {
        int from = (int) ((long) samples * t / workers);
        int to = (int) ((long) samples * (t + 1) / workers);
        W w = states.get(t);
        futures.add(
            pool.submit(
                () -> {
                  for (int i = from; i < to; i++) {
                    w.run(i);
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("simulation interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("simulation failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return states;
  }
}
