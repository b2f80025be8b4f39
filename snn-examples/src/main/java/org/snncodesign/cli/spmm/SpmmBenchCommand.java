package org.snncodesign.cli.spmm;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.flow.report.SpmmBenchReport;
import org.snncodesign.spmm.study.QuickKernelTiming;
import org.snncodesign.spmm.study.SpmmLayer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code snn bench spmm}: the {@link QuickKernelTiming} of the Gustavson CPU kernel against the
 * straightforward dense float GEMM on the same seeded operands, after JIT warm-up, as medians of
 * repeated runs. It is a quick measurement; the figures of record come from the JMH benchmarks
 * ({@code docs/benchmarks/spmm.md}).
 */
@Command(
    name = "spmm",
    mixinStandardHelpOptions = true,
    description =
        "Quick timing of the Gustavson SpMM CPU kernel vs a dense float GEMM (JMH gives the figures of record).")
public final class SpmmBenchCommand implements Callable<Integer> {

  @Option(
      names = "--sparsity",
      description = "Weight sparsity. Default: ${DEFAULT-VALUE}.",
      defaultValue = "0.9")
  double sparsity;

  @Option(
      names = "--spike-rate",
      description = "Spike rate. Default: ${DEFAULT-VALUE}.",
      defaultValue = "0.05")
  double spikeRate;

  @Option(
      names = "--rows",
      description = "Rows of S. Default: ${DEFAULT-VALUE}.",
      defaultValue = "256")
  int rows;

  @Option(names = "--inputs", description = "K. Default: ${DEFAULT-VALUE}.", defaultValue = "1024")
  int inputs;

  @Option(names = "--outputs", description = "M. Default: ${DEFAULT-VALUE}.", defaultValue = "1024")
  int outputs;

  @Option(
      names = "--seed",
      description = "Operand seed. Default: ${DEFAULT-VALUE}.",
      defaultValue = "42")
  long seed;

  @Option(
      names = "--seconds",
      description = "Time budget per timed kernel. Default: ${DEFAULT-VALUE}.",
      defaultValue = "1.0")
  double seconds;

  @Option(
      names = "--json",
      description = "Print one JSON object as the last line of standard output.")
  boolean json;

  public SpmmBenchCommand() {}

  @Override
  public Integer call() {
    if (sparsity < 0 || sparsity > 1 || spikeRate < 0 || spikeRate > 1) {
      throw new IllegalArgumentException(
          "--sparsity and --spike-rate must be in [0, 1], got " + sparsity + " and " + spikeRate);
    }
    if (rows <= 0 || inputs <= 0 || outputs <= 0 || !(seconds > 0)) {
      throw new IllegalArgumentException("--rows, --inputs, --outputs and --seconds must be > 0");
    }
    PrintStream out = System.out;
    PrintStream err = System.err;
    SpmmLayer layer = new SpmmLayer(rows, inputs, outputs, seed);
    QuickKernelTiming.Result t =
        QuickKernelTiming.run(
            layer,
            sparsity,
            spikeRate,
            seconds,
            kernel -> err.println("bench spmm: " + kernel + "..."));

    if (json) {
      JsonReport.printLine(
          JsonReport.of("bench spmm", SpmmBenchReport.of(t, layer, sparsity, spikeRate)), out);
    } else {
      out.printf("quick measurement (JMH gives the figures of record)%n");
      out.printf(
          "S %d x %d (rate %.3f) x W %d x %d (sparsity %.3f)%n",
          rows, inputs, spikeRate, inputs, outputs, sparsity);
      out.printf("dense GEMM         %10.3f ms%n", t.denseSeconds() * 1e3);
      out.printf(
          "gustavson 1 thread %10.3f ms  speedup %.1fx%n",
          t.gustavsonSeconds() * 1e3, t.speedupVsDense());
      out.printf(
          "gustavson %d threads%9.3f ms  speedup %.1fx%n",
          t.threads(), t.gustavsonParallelSeconds() * 1e3, t.parallelSpeedupVsDense());
      out.printf("results equal: %s%n", t.resultsEqual());
    }
    return t.resultsEqual() ? 0 : 1;
  }
}
