package org.snncodesign.spmm.study;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import org.snncodesign.api.Checks;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.spmm.kernel.DenseGemm;
import org.snncodesign.spmm.kernel.GustavsonSpmm;

/**
 * A quick in-process timing of the Gustavson CPU kernel, on one thread and on every core, against
 * the straightforward dense float GEMM on the same seeded operands: medians of repeated runs after
 * JIT warm-up. It is a quick measurement; the figures of record come from the JMH benchmarks
 * ({@code docs/benchmarks/spmm.md}).
 */
public final class QuickKernelTiming {
  /** Most timed runs of one kernel. */
  private static final int MAX_RUNS = 31;

  private QuickKernelTiming() {}

  /**
   * The timings and the check of one measurement.
   *
   * @param denseSeconds median of the dense float GEMM, one thread
   * @param gustavsonSeconds median of the Gustavson kernel, one thread
   * @param gustavsonParallelSeconds median of the Gustavson kernel on {@code threads} workers
   * @param threads workers of the parallel run
   * @param adds additions the kernel performed (one per selected weight entry)
   * @param bytesTouched bytes the kernel must touch: each selected weight entry (4 B index + 4 B
   *     value), the output written and the spike bits
   * @param resultsEqual whether the kernel's product equals the dense product exactly
   * @param measuredSpikeRate the spike rate of the drawn operands
   * @param measuredWeightDensity the weight density of the drawn operands
   */
  public record Result(
      double denseSeconds,
      double gustavsonSeconds,
      double gustavsonParallelSeconds,
      int threads,
      long adds,
      double bytesTouched,
      boolean resultsEqual,
      double measuredSpikeRate,
      double measuredWeightDensity) {

    /** Dense time over single-thread kernel time. */
    public double speedupVsDense() {
      return denseSeconds / gustavsonSeconds;
    }

    /** Dense time over parallel kernel time. */
    public double parallelSpeedupVsDense() {
      return denseSeconds / gustavsonParallelSeconds;
    }

    /** Bytes touched per second by the single-thread kernel, in GB/s. */
    public double gustavsonGigabytesPerSecond() {
      return bytesTouched / gustavsonSeconds / 1e9;
    }
  }

  /**
   * Times the kernels on {@code layer}'s operands at {@code weightSparsity} and {@code spikeRate}.
   *
   * @param secondsPerKernel time budget per timed kernel: a third warms up, the rest times up to 31
   *     runs (at least 3 of each)
   * @param progress told which kernel is being timed
   */
  public static Result run(
      SpmmLayer layer,
      double weightSparsity,
      double spikeRate,
      double secondsPerKernel,
      Consumer<String> progress) {
    Checks.checkArgument(
        secondsPerKernel > 0, "seconds per kernel must be > 0, got %s", secondsPerKernel);
    int rows = layer.rows();
    int inputs = layer.inputs();
    int outputs = layer.outputs();
    SpikeRaster spikes = layer.spikes(spikeRate);
    CsrMatrix weights = layer.weights(weightSparsity);
    float[] denseSpikes = DenseGemm.toDense(spikes);
    float[] denseWeights = weights.toDense();
    float[] denseOut = new float[rows * outputs];
    float[] sparseOut = new float[rows * outputs];
    GustavsonSpmm sequential = GustavsonSpmm.sequential();
    // A pool of every core: the common pool keeps one core for the caller, which on 2 cores means 1
    // worker.
    ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    GustavsonSpmm parallel = GustavsonSpmm.parallel(pool);
    long budget = (long) (secondsPerKernel * 1e9);

    progress.accept("dense float GEMM (single thread)");
    double dense =
        median(
            () ->
                DenseGemm.multiplyInto(denseSpikes, rows, inputs, denseWeights, outputs, denseOut),
            budget);
    progress.accept("Gustavson kernel (single thread)");
    double gustavson = median(() -> sequential.multiply(spikes, weights, sparseOut), budget);
    progress.accept("Gustavson kernel (" + pool.getParallelism() + " workers)");
    double gustavsonParallel;
    try {
      gustavsonParallel = median(() -> parallel.multiply(spikes, weights, sparseOut), budget);
    } finally {
      pool.shutdown();
    }
    long adds = sequential.multiply(spikes, weights, sparseOut);
    boolean equal = Arrays.equals(denseOut, sparseOut);
    double bytes = adds * 8.0 + 4.0 * rows * outputs + 8.0 * spikes.words().length;
    return new Result(
        dense,
        gustavson,
        gustavsonParallel,
        pool.getParallelism(),
        adds,
        bytes,
        equal,
        spikes.density(),
        weights.density());
  }

  /**
   * Median seconds of up to 31 runs after warm-up runs filling a third of the budget (at least 3 of
   * each).
   */
  static double median(Runnable body, long budgetNanos) {
    long start = System.nanoTime();
    for (int w = 0; w < 3 || System.nanoTime() - start < budgetNanos / 3; w++) {
      body.run();
    }
    double[] times = new double[MAX_RUNS];
    int n = 0;
    long began = System.nanoTime();
    while (n < times.length && (n < 3 || System.nanoTime() - began < budgetNanos)) {
      long t0 = System.nanoTime();
      body.run();
      times[n++] = (System.nanoTime() - t0) * 1e-9;
    }
    Arrays.sort(times, 0, n);
    return times[n / 2];
  }
}
