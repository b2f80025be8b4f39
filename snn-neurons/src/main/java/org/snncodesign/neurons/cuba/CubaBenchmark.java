package org.snncodesign.neurons.cuba;

import java.util.Locale;
import org.snncodesign.neurons.engine.Network;
import org.snncodesign.neurons.engine.PropagationMode;

/**
 * Times the {@link CubaNetwork} in-process: builds it, runs a warm-up stretch on a separate copy so
 * the JIT has compiled the step loop, then times a fresh network (same seed) for the requested
 * biological time.
 *
 * <p>Command line: {@code CubaBenchmark [--duration S] [--mode clock|event] [--seed N] [--warmup S]
 * [--repeats N]} (the median of N timed runs is reported); prints progress to stderr and one JSON
 * object on stdout.
 */
public final class CubaBenchmark {
  private CubaBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param durationSeconds biological time to time, > 0
   * @param mode propagation mode
   * @param seed connectivity and initial-state seed
   * @param warmupSeconds biological time simulated on a throw-away network first, >= 0
   */
  public static CubaResult run(
      double durationSeconds, PropagationMode mode, long seed, double warmupSeconds) {
    return run(durationSeconds, mode, seed, warmupSeconds, 1);
  }

  /**
   * Runs the benchmark {@code repeats} times on fresh networks with the same seed (so the same
   * spikes) and reports the median wall time, which resists a shared machine's bursts of load.
   *
   * @param repeats timed runs, >= 1
   */
  public static CubaResult run(
      double durationSeconds, PropagationMode mode, long seed, double warmupSeconds, int repeats) {
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
    }
    if (!(durationSeconds > 0) || !Double.isFinite(durationSeconds)) {
      throw new IllegalArgumentException(
          "duration must be finite and > 0 s, got " + durationSeconds);
    }
    if (!(warmupSeconds >= 0) || !Double.isFinite(warmupSeconds)) {
      throw new IllegalArgumentException("warm-up must be finite and >= 0 s, got " + warmupSeconds);
    }
    int warmupSteps = (int) Math.round(warmupSeconds / CubaNetwork.DT);
    if (warmupSteps > 0) {
      CubaNetwork.build(mode, seed + 1).run(warmupSteps);
    }
    int steps = (int) Math.round(durationSeconds / CubaNetwork.DT);
    double[] walls = new double[repeats];
    double buildSeconds = 0;
    Network network = null;
    for (int r = 0; r < repeats; r++) {
      long buildStart = System.nanoTime();
      network = CubaNetwork.build(mode, seed);
      buildSeconds = (System.nanoTime() - buildStart) * 1e-9;
      long start = System.nanoTime();
      network.run(steps);
      walls[r] = (System.nanoTime() - start) * 1e-9;
    }
    java.util.Arrays.sort(walls);
    double wall =
        repeats % 2 == 1 ? walls[repeats / 2] : (walls[repeats / 2 - 1] + walls[repeats / 2]) / 2;
    double simSeconds = steps * CubaNetwork.DT;
    long spikes = network.spikeCount();
    double rate = spikes / (network.neuronCount() * simSeconds);
    return new CubaResult(
        mode.name().toLowerCase(Locale.ROOT),
        simSeconds,
        network.neuronCount(),
        network.synapseCount(),
        spikes,
        network.synapticEvents(),
        rate,
        wall,
        buildSeconds,
        warmupSeconds);
  }

  public static void main(String[] args) {
    double duration = 1;
    double warmup = 2;
    long seed = 1;
    int repeats = 1;
    PropagationMode mode = PropagationMode.EVENT;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--duration" -> duration = Double.parseDouble(require(args[i], value));
        case "--warmup" -> warmup = Double.parseDouble(require(args[i], value));
        case "--seed" -> seed = Long.parseLong(require(args[i], value));
        case "--repeats" -> repeats = Integer.parseInt(require(args[i], value));
        case "--mode" ->
            mode = PropagationMode.valueOf(require(args[i], value).toUpperCase(Locale.ROOT));
        default ->
            throw new IllegalArgumentException(
                "unknown argument '"
                    + args[i]
                    + "'; use --duration S --mode clock|event --seed N --warmup S");
      }
      i++;
    }
    System.err.printf(
        Locale.ROOT, "CUBA: %s-driven, %.2f s after %.2f s warm-up%n", mode, duration, warmup);
    System.out.println(run(duration, mode, seed, warmup, repeats).toJson());
  }

  private static String require(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }
}
