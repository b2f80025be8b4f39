package org.snncodesign.flow.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.snncodesign.api.InvalidInputException;

/**
 * One run of the flow that a sweep repeats over parameter settings and seeds: the LSM pruning
 * study, the SA-STL study, a training run. A step declares its parameters with types and defaults,
 * and turns one setting and one seed into one flat record of named numbers and strings (a row of
 * the sweep's table).
 *
 * <p>Steps are found by name with {@link ServiceLoader} ({@code
 * META-INF/services/org.snncodesign.flow.sweep.SweepStep}) on the context class loader, so a sweep
 * engine can look a step up on any machine that has its jar. A step must be stateless between runs
 * and use no randomness but {@code seed}: the same parameters and seed give the same record
 * wherever and however often it runs (timings excepted).
 */
public interface SweepStep {
  /** The name a sweep file uses, e.g. {@code lsm-pruning}. */
  String name();

  /** One line on what a run does and measures. */
  String description();

  /** The parameters a sweep may set, each with its type and default. */
  List<SweepParameter> parameters();

  /**
   * Runs once.
   *
   * @param parameters every declared parameter, given or defaulted ({@link
   *     SweepParameters#resolve})
   * @param seed the run's seed, the only source of randomness
   */
  SweepRecord run(SweepParameters parameters, long seed);

  /** Every step visible to the context class loader, in discovery order. */
  static List<SweepStep> available() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    List<SweepStep> steps = new ArrayList<>();
    ServiceLoader.load(
            SweepStep.class, context != null ? context : SweepStep.class.getClassLoader())
        .forEach(steps::add);
    return steps;
  }

  /**
   * The step called {@code name}; an {@link InvalidInputException} listing the known names when
   * there is none.
   */
  static SweepStep named(String name) {
    List<SweepStep> steps = available();
    return steps.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "unknown sweep step '"
                        + name
                        + "'; known: "
                        + steps.stream().map(SweepStep::name).sorted().toList()));
  }
}
