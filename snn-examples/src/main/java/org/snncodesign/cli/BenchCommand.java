package org.snncodesign.cli;

import org.snncodesign.cli.neurons.CubaBenchCommand;
import org.snncodesign.cli.spmm.SpmmBenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code snn bench}: quick in-process measurements; JMH gives the figures of record
 * (docs/BENCHMARKS.md).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Quick in-process benchmarks (with JIT warm-up); JMH figures are in docs/BENCHMARKS.md.",
    subcommands = {SpmmBenchCommand.class, CubaBenchCommand.class})
final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }
}
