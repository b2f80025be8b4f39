package org.snncodesign.flow.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.snncodesign.spmm.study.QuickKernelTiming;
import org.snncodesign.spmm.study.SpmmLayer;

/**
 * A quick in-process timing of the SpMM kernels ({@link QuickKernelTiming}), as {@code snn bench
 * spmm} reports it; Jackson writes it with snake-case keys in this order. The timings vary from run
 * to run; JMH gives the figures of record.
 *
 * @param measurement how the figures were measured, in words
 * @param workload the layer timed
 * @param denseMs dense GEMM time in milliseconds
 * @param gustavsonMs single-thread Gustavson kernel time in milliseconds
 * @param gustavsonParallelMs multi-thread Gustavson kernel time in milliseconds
 * @param threads threads of the parallel kernel
 * @param speedupVsDense dense time over single-thread kernel time
 * @param parallelSpeedupVsDense dense time over multi-thread kernel time
 * @param adds additions the kernel performed
 * @param gustavsonGbPerS bytes the single-thread kernel touched per second, in GB/s
 * @param resultsEqual whether every kernel gave the dense result
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = false)
public record SpmmBenchReport(
    String measurement,
    Workload workload,
    double denseMs,
    double gustavsonMs,
    double gustavsonParallelMs,
    int threads,
    double speedupVsDense,
    double parallelSpeedupVsDense,
    long adds,
    double gustavsonGbPerS,
    boolean resultsEqual) {

  /** How {@link QuickKernelTiming} measures. */
  public static final String MEASUREMENT =
      "quick in-process timing (median after JIT warm-up); JMH gives the figures of record";

  /**
   * The layer timed.
   *
   * @param rows rows of S
   * @param inputs K
   * @param outputs M
   * @param weightSparsity the weight sparsity asked for
   * @param spikeRate the spike rate asked for
   * @param measuredSpikeRate the operands' spike rate
   * @param measuredWeightDensity the operands' weight density
   * @param seed the operands' seed
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  public record Workload(
      int rows,
      int inputs,
      int outputs,
      double weightSparsity,
      double spikeRate,
      double measuredSpikeRate,
      double measuredWeightDensity,
      long seed) {}

  /** The report of {@code t}, timed on {@code layer} at {@code sparsity} and {@code spikeRate}. */
  public static SpmmBenchReport of(
      QuickKernelTiming.Result t, SpmmLayer layer, double sparsity, double spikeRate) {
    return new SpmmBenchReport(
        MEASUREMENT,
        new Workload(
            layer.rows(),
            layer.inputs(),
            layer.outputs(),
            sparsity,
            spikeRate,
            t.measuredSpikeRate(),
            t.measuredWeightDensity(),
            layer.seed()),
        t.denseSeconds() * 1e3,
        t.gustavsonSeconds() * 1e3,
        t.gustavsonParallelSeconds() * 1e3,
        t.threads(),
        t.speedupVsDense(),
        t.parallelSpeedupVsDense(),
        t.adds(),
        t.gustavsonGigabytesPerSecond(),
        t.resultsEqual());
  }
}
