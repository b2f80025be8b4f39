package org.snncodesign.fpga.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.fpga.resources.FpgaResources;

/**
 * Accelerator design-space search for the least energy-delay product on one workload under a resource budget:
 * uniform random sampling, then an elitist genetic algorithm (binary tournament, uniform crossover, per-gene
 * mutation) over the feasible designs. Candidates are generated sequentially from the seed and evaluated in
 * parallel, so the same seed gives the same result whatever the thread count. Designs whose LUT, FF, BRAM or DSP
 * exceed the budget are kept as infeasible and never selected.
 */
public final class CoSearch {
  private final DesignSpace space;
  private final FpgaResources budget;
  private final SearchSettings settings;

  public CoSearch(DesignSpace space, FpgaResources budget, SearchSettings settings) {
    Checks.checkArgument(space != null && budget != null && settings != null,
        "space, budget and settings must be given");
    this.space = space;
    this.budget = budget;
    this.settings = settings;
  }

  /**
   * Searches for the best design for {@code workload}, compared with {@code baseline}.
   *
   * @param progress told after each batch, e.g. to print to stderr
   * @throws IllegalStateException when no sampled design fits the budget
   */
  public SearchResult run(Workload workload, EnergyModel energy, Accelerator baseline, Consumer<String> progress) {
    Random random = new Random(settings.seed());
    Map<String, Candidate> seen = new HashMap<>();
    List<Candidate> order = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), r -> {
      Thread t = new Thread(r, "co-search");
      t.setDaemon(true);
      return t;
    });
    try {
      List<int[]> batch = new ArrayList<>();
      for (int n = 0; n < settings.randomSamples(); n++) {
        batch.add(randomGenome(random));
      }
      evaluate(batch, workload, energy, pool, seen, order);
      progress.accept(String.format("random phase: %d designs, best EDP %.4e J*s", order.size(),
          bestOf(order) == null ? Double.NaN : bestOf(order).edp()));
      for (int g = 0; g < settings.generations(); g++) {
        List<Candidate> population = order.stream().filter(Candidate::feasible)
            .sorted(Comparator.comparingDouble(Candidate::edp)).limit(settings.population()).toList();
        batch = new ArrayList<>();
        for (int c = 0; c < settings.population(); c++) {
          int[] child = population.size() < 2 ? randomGenome(random)
              : crossover(tournament(population, random), tournament(population, random), random);
          mutate(child, random, settings.mutationRate());
          for (int retry = 0; retry < 8 && seen.containsKey(Arrays.toString(child)); retry++) {
            mutate(child, random, 1.0 / child.length);
          }
          batch.add(child);
        }
        evaluate(batch, workload, energy, pool, seen, order);
        Candidate best = bestOf(order);
        progress.accept(String.format("generation %d: %d designs, best EDP %.4e J*s", g + 1, order.size(),
            best == null ? Double.NaN : best.edp()));
      }
    } finally {
      pool.shutdownNow();
    }
    Candidate best = bestOf(order);
    if (best == null) {
      throw new IllegalStateException("no design of " + space.name() + " fits the budget " + budget + " after "
          + order.size() + " designs");
    }
    return new SearchResult(space.name(), order, best, baseline.evaluate(workload, energy));
  }

  private static Candidate bestOf(List<Candidate> candidates) {
    return candidates.stream().filter(Candidate::feasible).min(Comparator.comparingDouble(Candidate::edp))
        .orElse(null);
  }

  private int[] randomGenome(Random random) {
    List<DesignParameter> params = space.parameters();
    int[] genes = new int[params.size()];
    for (int k = 0; k < genes.length; k++) {
      genes[k] = random.nextInt(params.get(k).size());
    }
    return genes;
  }

  private static Candidate tournament(List<Candidate> population, Random random) {
    Candidate a = population.get(random.nextInt(population.size()));
    Candidate b = population.get(random.nextInt(population.size()));
    return a.edp() <= b.edp() ? a : b;
  }

  private static int[] crossover(Candidate a, Candidate b, Random random) {
    int[] ga = a.genes();
    int[] gb = b.genes();
    int[] child = new int[ga.length];
    for (int k = 0; k < child.length; k++) {
      child[k] = random.nextBoolean() ? ga[k] : gb[k];
    }
    return child;
  }

  private void mutate(int[] genes, Random random, double rate) {
    List<DesignParameter> params = space.parameters();
    for (int k = 0; k < genes.length; k++) {
      if (random.nextDouble() < rate) {
        genes[k] = random.nextInt(params.get(k).size());
      }
    }
  }

  private void evaluate(List<int[]> batch, Workload workload, EnergyModel energy, ExecutorService pool,
      Map<String, Candidate> seen, List<Candidate> order) {
    List<int[]> fresh = new ArrayList<>();
    for (int[] genes : batch) {
      String key = Arrays.toString(genes);
      if (!seen.containsKey(key) && fresh.stream().noneMatch(f -> Arrays.equals(f, genes))) {
        fresh.add(genes);
      }
    }
    List<Future<Candidate>> futures = new ArrayList<>();
    for (int[] genes : fresh) {
      futures.add(pool.submit(() -> {
        HardwareReport report = space.build(genes).evaluate(workload, energy);
        return new Candidate(genes, report, FpgaResources.fromMap(report.resources()).fitsIn(budget));
      }));
    }
    try {
      for (Future<Candidate> f : futures) {
        Candidate c = f.get();
        seen.put(Arrays.toString(c.genes()), c);
        order.add(c);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("co-search interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("evaluating a design failed: " + e.getCause(), e.getCause());
    }
  }
}
