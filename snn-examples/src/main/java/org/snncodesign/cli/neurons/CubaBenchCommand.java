package org.snncodesign.cli.neurons;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.flow.report.CubaBenchReport;
import org.snncodesign.neurons.cuba.CubaBenchmark;
import org.snncodesign.neurons.cuba.CubaResult;
import org.snncodesign.neurons.engine.PropagationMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code snn bench cuba}: runs the CUBA network of Brette et al. 2007 (4,000 LIF neurons, 2%
 * connectivity, dt = 0.1 ms) in-process after a JIT warm-up and reports its speed and firing rate.
 */
@Command(
    name = "cuba",
    mixinStandardHelpOptions = true,
    description = "Time the CUBA benchmark network (Brette et al. 2007) on the simulation engine.")
public final class CubaBenchCommand implements Callable<Integer> {

  @Option(
      names = "--duration",
      defaultValue = "5",
      description = "Biological time to simulate, seconds (default 5).")
  double duration;

  @Option(
      names = "--mode",
      defaultValue = "event",
      description = "Propagation: clock or event (default event).")
  String mode;

  @Option(
      names = "--warmup",
      defaultValue = "2",
      description = "Biological seconds run first to warm up the JIT.")
  double warmup;

  @Option(
      names = "--repeats",
      defaultValue = "3",
      description =
          "Timed runs on fresh networks (same seed); the median wall time is reported (default 3).")
  int repeats;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of connectivity and initial potentials.")
  long seed;

  @Option(
      names = "--json",
      description = "Print one JSON object as the last line of standard output.")
  boolean json;

  /** For picocli and Guice. */
  public CubaBenchCommand() {}

  @Override
  public Integer call() {
    PropagationMode propagation;
    try {
      propagation = PropagationMode.valueOf(mode.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      System.err.println("--mode must be clock or event, got '" + mode + "'");
      return 2;
    }
    System.err.printf(
        Locale.ROOT,
        "CUBA: %s-driven, %.3g s of biological time after %.3g s warm-up%n",
        propagation.name().toLowerCase(Locale.ROOT),
        duration,
        warmup);
    CubaResult r;
    try {
      r = CubaBenchmark.run(duration, propagation, seed, warmup, repeats);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    PrintStream out = System.out;
    if (json) {
      JsonReport.printLine(JsonReport.of("bench cuba", CubaBenchReport.of(r, seed, repeats)), out);
    } else {
      out.printf(
          Locale.ROOT,
          "CUBA %s-driven: %d neurons, %d synapses, %.2f s simulated in %.3f s wall "
              + "(%.4f s per simulated second)%n",
          r.mode(),
          r.neurons(),
          r.synapses(),
          r.simSeconds(),
          r.wallSeconds(),
          r.wallSecondsPerSimSecond());
      out.printf(
          Locale.ROOT,
          "%d spikes (mean rate %.3f Hz), %d synaptic events (%.3g per second)%n",
          r.spikes(),
          r.meanRateHz(),
          r.synapticEvents(),
          r.synapticEventsPerSecond());
    }
    return 0;
  }
}
