package org.snncodesign.fpga.search;

import java.io.Serializable;
import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.StaticPower;

/**
 * How long and how widely {@link CoSearch} looks.
 *
 * @param randomSamples designs sampled uniformly before evolution starts
 * @param population designs kept between generations (the best feasible by EDP)
 * @param generations evolutionary generations, each evaluating {@code population} children
 * @param mutationRate probability that a child's gene is redrawn
 * @param seed seed of every random choice: the same seed gives the same search
 * @param threads evaluation threads (all cores by default)
 * @param staticPower whether the EDP the search minimises includes static energy (one switch for
 *     every report)
 */
public record SearchSettings(
    int randomSamples,
    int population,
    int generations,
    double mutationRate,
    long seed,
    int threads,
    StaticPower staticPower)
    implements Serializable {

  /**
   * 64 random designs, then 20 generations of 24 on all cores, mutation 0.2, seed 1, static energy
   * excluded.
   */
  public static final SearchSettings DEFAULT =
      new SearchSettings(
          64, 24, 20, 0.2, 1, Runtime.getRuntime().availableProcessors(), StaticPower.EXCLUDED);

  /**
   * A quick search for side-by-side tables (a second or so per model on the demo's network): 24
   * random designs, then 6 generations of 12.
   */
  public static final SearchSettings QUICK = DEFAULT.withBudget(24, 12, 6);

  public SearchSettings {
    Checks.positive(randomSamples, "randomSamples");
    Checks.positive(population, "population");
    Checks.nonNegative(generations, "generations");
    Checks.checkArgument(
        mutationRate >= 0 && mutationRate <= 1,
        "mutationRate must be in [0, 1], got %s",
        mutationRate);
    Checks.positive(threads, "threads");
    Checks.checkArgument(staticPower != null, "static power policy must be given");
  }

  public SearchSettings withSeed(long newSeed) {
    return new SearchSettings(
        randomSamples, population, generations, mutationRate, newSeed, threads, staticPower);
  }

  public SearchSettings withBudget(int newRandomSamples, int newPopulation, int newGenerations) {
    return new SearchSettings(
        newRandomSamples, newPopulation, newGenerations, mutationRate, seed, threads, staticPower);
  }

  public SearchSettings withThreads(int newThreads) {
    return new SearchSettings(
        randomSamples, population, generations, mutationRate, seed, newThreads, staticPower);
  }

  public SearchSettings withStaticPower(StaticPower policy) {
    return new SearchSettings(
        randomSamples, population, generations, mutationRate, seed, threads, policy);
  }
}
