package org.snncodesign.cli.spmm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.spmm.kernel.DenseGemm;
import org.snncodesign.spmm.kernel.GustavsonSpmm;
import org.snncodesign.spmm.workload.RandomSpmmOperands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code snn bench spmm}: a quick in-process timing of the Gustavson CPU kernel against the straightforward dense
 * float GEMM on the same seeded operands, after JIT warm-up, as medians of repeated runs. It is a quick
 * measurement; the figures of record come from the JMH benchmarks ({@code docs/benchmarks/spmm.md}).
 */
@Command(name = "spmm", mixinStandardHelpOptions = true,
    description = "Quick timing of the Gustavson SpMM CPU kernel vs a dense float GEMM (JMH gives the figures of record).")
public final class SpmmBenchCommand implements Callable<Integer> {

  @Option(names = "--sparsity", description = "Weight sparsity. Default: ${DEFAULT-VALUE}.", defaultValue = "0.9")
  double sparsity;

  @Option(names = "--spike-rate", description = "Spike rate. Default: ${DEFAULT-VALUE}.", defaultValue = "0.05")
  double spikeRate;

  @Option(names = "--rows", description = "Rows of S. Default: ${DEFAULT-VALUE}.", defaultValue = "256")
  int rows;

  @Option(names = "--inputs", description = "K. Default: ${DEFAULT-VALUE}.", defaultValue = "1024")
  int inputs;

  @Option(names = "--outputs", description = "M. Default: ${DEFAULT-VALUE}.", defaultValue = "1024")
  int outputs;

  @Option(names = "--seed", description = "Operand seed. Default: ${DEFAULT-VALUE}.", defaultValue = "42")
  long seed;

  @Option(names = "--seconds", description = "Time budget per timed kernel. Default: ${DEFAULT-VALUE}.", defaultValue = "1.0")
  double seconds;

  @Option(names = "--json", description = "Print one JSON object as the last line of standard output.")
  boolean json;

  public SpmmBenchCommand() {}

  @Override
  public Integer call() {
    if (sparsity < 0 || sparsity > 1 || spikeRate < 0 || spikeRate > 1) {
      throw new IllegalArgumentException("--sparsity and --spike-rate must be in [0, 1], got " + sparsity + " and "
          + spikeRate);
    }
    if (rows <= 0 || inputs <= 0 || outputs <= 0 || !(seconds > 0)) {
      throw new IllegalArgumentException("--rows, --inputs, --outputs and --seconds must be > 0");
    }
    PrintStream out = System.out;
    PrintStream err = System.err;
    SpikeRaster spikes = RandomSpmmOperands.spikes(rows, inputs, spikeRate, seed);
    CsrMatrix weights = RandomSpmmOperands.weights(inputs, outputs, 1 - sparsity, seed + 1);
    float[] denseSpikes = DenseGemm.toDense(spikes);
    float[] denseWeights = weights.toDense();
    float[] denseOut = new float[rows * outputs];
    float[] sparseOut = new float[rows * outputs];
    GustavsonSpmm sequential = GustavsonSpmm.sequential();
    // A pool of every core: the common pool keeps one core for the caller, which on 2 cores means 1 worker.
    ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    GustavsonSpmm parallel = GustavsonSpmm.parallel(pool);
    long budget = (long) (seconds * 1e9);

    err.println("bench spmm: dense float GEMM (single thread)...");
    double dense = median(() -> DenseGemm.multiplyInto(denseSpikes, rows, inputs, denseWeights, outputs, denseOut),
        budget);
    err.println("bench spmm: Gustavson kernel (single thread)...");
    double gustavson = median(() -> sequential.multiply(spikes, weights, sparseOut), budget);
    err.println("bench spmm: Gustavson kernel (" + pool.getParallelism() + " workers)...");
    double gustavsonParallel;
    try {
      gustavsonParallel = median(() -> parallel.multiply(spikes, weights, sparseOut), budget);
    } finally {
      pool.shutdown();
    }
    long adds = sequential.multiply(spikes, weights, sparseOut);
    boolean equal = Arrays.equals(denseOut, sparseOut);
    // Bytes the kernel must touch: each selected weight entry (4 B index + 4 B value) plus the output written.
    double bytes = adds * 8.0 + 4.0 * rows * outputs + 8.0 * spikes.words().length;

    ObjectNode report = JsonReport.create("bench spmm");
    report.put("measurement", "quick in-process timing (median after JIT warm-up); JMH gives the figures of record");
    ObjectNode workload = report.putObject("workload");
    workload.put("rows", rows);
    workload.put("inputs", inputs);
    workload.put("outputs", outputs);
    workload.put("weight_sparsity", sparsity);
    workload.put("spike_rate", spikeRate);
    workload.put("measured_spike_rate", spikes.density());
    workload.put("measured_weight_density", weights.density());
    workload.put("seed", seed);
    report.put("dense_ms", dense * 1e3);
    report.put("gustavson_ms", gustavson * 1e3);
    report.put("gustavson_parallel_ms", gustavsonParallel * 1e3);
    report.put("threads", pool.getParallelism());
    report.put("speedup_vs_dense", dense / gustavson);
    report.put("parallel_speedup_vs_dense", dense / gustavsonParallel);
    report.put("adds", adds);
    report.put("gustavson_gb_per_s", bytes / gustavson / 1e9);
    report.put("results_equal", equal);
    if (json) {
      JsonReport.printLine(report, out);
    } else {
      out.printf("quick measurement (JMH gives the figures of record)%n");
      out.printf("S %d x %d (rate %.3f) x W %d x %d (sparsity %.3f)%n", rows, inputs, spikeRate, inputs, outputs,
          sparsity);
      out.printf("dense GEMM         %10.3f ms%n", dense * 1e3);
      out.printf("gustavson 1 thread %10.3f ms  speedup %.1fx%n", gustavson * 1e3, dense / gustavson);
      out.printf("gustavson %d threads%9.3f ms  speedup %.1fx%n", pool.getParallelism(),
          gustavsonParallel * 1e3, dense / gustavsonParallel);
      out.printf("results equal: %s%n", equal);
    }
    return equal ? 0 : 1;
  }

  /** Median seconds of up to 31 runs after warm-up runs filling a third of the budget (at least 3 of each). */
  private static double median(Runnable body, long budgetNanos) {
    long start = System.nanoTime();
    for (int w = 0; w < 3 || System.nanoTime() - start < budgetNanos / 3; w++) {
      body.run();
    }
    double[] times = new double[31];
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
