package org.snncodesign.fpga.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.DesignParameter;
import org.snncodesign.api.hardware.DesignSpace;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.fpga.resources.FpgaResources;

/**
 * Network x accelerator design-space search for the least energy-delay product under a resource
 * budget and an accuracy floor: uniform random sampling, then an elitist genetic algorithm (binary
 * tournament, uniform crossover, per-gene mutation) over the feasible designs.
 *
 * <p>A genome is the accelerator's genes ({@link DesignSpace}) followed by the network's ({@link
 * NetworkSpace}, e.g. per-layer weight sparsity and bit width); crossover and mutation treat both
 * alike, so the search trades a sparser or narrower network against array size and buffers. Each
 * distinct network genome is turned into a variant (its workload and accuracy) once per search and
 * shared by every accelerator design paired with it. With a {@linkplain NetworkSpace#fixed fixed}
 * network the search is over the accelerator alone.
 *
 * <p>Half the random designs are paired with the unmodified network ({@link
 * NetworkSpace#referenceGenes()}), so that evolution starts from designs that meet the accuracy
 * floor.
 *
 * <p>Every report is taken under the settings' {@link SearchSettings#staticPower() static power
 * policy}, the baseline's too, so that EDPs compare like with like.
 *
 * <p>Candidates are generated sequentially from the seed and evaluated in batches (network variants
 * first, then designs) by a {@link CandidateEvaluator}: threads of this JVM by default, or the
 * machines of a cluster; the results are combined in candidate order, so the same seed gives the
 * same result whatever the evaluator. Designs whose LUT, FF, BRAM or DSP exceed the budget, or
 * whose network variant is below the accuracy floor, are kept as infeasible and never selected.
 */
public final class CoSearch {
  /**
   * Slack on the accuracy floor so that a variant exactly at it is not lost to rounding of a
   * fraction.
   */
  static final double ACCURACY_SLACK = 1e-9;

  private final DesignSpace space;
  private final FpgaResources budget;
  private final SearchSettings settings;

  public CoSearch(DesignSpace space, FpgaResources budget, SearchSettings settings) {
    Checks.checkArgument(
        space != null && budget != null && settings != null,
        "space, budget and settings must be given");
    this.space = space;
    this.budget = budget;
    this.settings = settings;
  }

  /**
   * Searches the accelerator alone for the best design for {@code workload}, compared with {@code
   * baseline}.
   *
   * @param progress told after each batch, e.g. to print to stderr
   * @throws IllegalStateException when no sampled design fits the budget
   */
  public SearchResult run(
      Workload workload, EnergyModel energy, Accelerator baseline, Consumer<String> progress) {
    return run(NetworkSpace.fixed(workload), Double.NEGATIVE_INFINITY, energy, baseline, progress);
  }

  /**
   * Searches network and accelerator jointly. The baseline is {@code baseline} running the
   * {@linkplain NetworkSpace#reference() unmodified network}.
   *
   * @param minAccuracy least accuracy a network variant may have ({@code -Infinity} for no floor);
   *     variants whose accuracy is NaN (not measured) are not held to it
   * @param progress told after each batch, e.g. to print to stderr
   * @throws IllegalStateException when no sampled design both fits the budget and meets the floor
   */
  public SearchResult run(
      NetworkSpace network,
      double minAccuracy,
      EnergyModel energy,
      Accelerator baseline,
      Consumer<String> progress) {
    Checks.checkArgument(network != null && energy != null, "network and energy must be given");
    return run(
        SearchProblem.inProcess(new SearchSpaces(space, network, energy)),
        minAccuracy,
        baseline,
        CandidateEvaluator.inProcess(settings.threads()),
        progress);
  }

  /**
   * Searches network and accelerator jointly, as {@link #run(NetworkSpace, double, EnergyModel,
   * Accelerator, Consumer)} does, on the spaces of {@code problem} (whose accelerator space must be
   * this search's), every batch evaluated by {@code evaluator}.
   */
  public SearchResult run(
      SearchProblem problem,
      double minAccuracy,
      Accelerator baseline,
      CandidateEvaluator evaluator,
      Consumer<String> progress) {
    Checks.checkArgument(
        problem != null && baseline != null && evaluator != null && progress != null,
        "problem, baseline, evaluator and progress must be given");
    Checks.checkArgument(!Double.isNaN(minAccuracy), "minAccuracy must be a number or -Infinity");
    SearchSpaces spaces = problem.open();
    Checks.checkArgument(
        spaces.accelerator().name().equals(space.name()),
        "the problem's accelerator space %s is not this search's %s",
        spaces.accelerator().name(),
        space.name());
    NetworkSpace network = spaces.network();
    Evaluation run = new Evaluation(problem, network, minAccuracy, evaluator);
    Random random = new Random(settings.seed());
    List<int[]> batch = new ArrayList<>();
    int[] referenceGenes = network.referenceGenes();
    Checks.checkArgument(
        referenceGenes.length == network.parameters().size(),
        "the reference genome has %d genes for %d network parameters",
        referenceGenes.length,
        network.parameters().size());
    for (int n = 0; n < settings.randomSamples(); n++) {
      int[] genes = run.randomGenome(random);
      // Every other random design runs the unmodified network: most random compressions of a
      // network miss an
      // accuracy floor, and evolution needs feasible parents to start from.
      if (n % 2 == 0) {
        System.arraycopy(referenceGenes, 0, genes, run.acceleratorGenes, referenceGenes.length);
      }
      batch.add(genes);
    }
    run.evaluate(batch);
    progress.accept(
        String.format(
            "random phase: %d designs, %d network variants, best EDP %.4e J*s",
            run.order.size(), run.variants.size(), bestEdp(run.order)));
    for (int g = 0; g < settings.generations(); g++) {
      List<Candidate> population =
          run.order.stream()
              .filter(Candidate::feasible)
              .sorted(BY_EDP)
              .limit(settings.population())
              .toList();
      batch = new ArrayList<>();
      for (int c = 0; c < settings.population(); c++) {
        int[] child =
            population.size() < 2
                ? run.randomGenome(random)
                : crossover(
                    run.genome(tournament(population, random)),
                    run.genome(tournament(population, random)),
                    random);
        run.mutate(child, random, settings.mutationRate());
        for (int retry = 0; retry < 8 && run.seen.containsKey(Arrays.toString(child)); retry++) {
          run.mutate(child, random, 1.0 / child.length);
        }
        batch.add(child);
      }
      run.evaluate(batch);
      progress.accept(
          String.format(
              "generation %d: %d designs, %d network variants, best EDP %.4e J*s",
              g + 1, run.order.size(), run.variants.size(), bestEdp(run.order)));
    }
    Candidate best = bestOf(run.order);
    if (best == null) {
      throw new IllegalStateException(
          "no design of "
              + space.name()
              + " fits the budget "
              + budget
              + (minAccuracy > Double.NEGATIVE_INFINITY ? " with accuracy >= " + minAccuracy : "")
              + " after "
              + run.order.size()
              + " designs");
    }
    NetworkVariant reference = network.reference();
    return new SearchResult(
        space.name(),
        network.parameters(),
        run.order,
        best,
        baseline
            .evaluate(reference.workload(), spaces.energy())
            .withStaticPower(settings.staticPower()),
        reference,
        minAccuracy);
  }

  /** Least EDP first; among equal EDP the more accurate variant. */
  static final Comparator<Candidate> BY_EDP =
      Comparator.comparingDouble(Candidate::edp)
          .thenComparing(Comparator.comparingDouble(Candidate::accuracy).reversed());

  private static Candidate bestOf(List<Candidate> candidates) {
    return candidates.stream().filter(Candidate::feasible).min(BY_EDP).orElse(null);
  }

  private static double bestEdp(List<Candidate> candidates) {
    Candidate best = bestOf(candidates);
    return best == null ? Double.NaN : best.edp();
  }

  private static Candidate tournament(List<Candidate> population, Random random) {
    Candidate a = population.get(random.nextInt(population.size()));
    Candidate b = population.get(random.nextInt(population.size()));
    return a.edp() <= b.edp() ? a : b;
  }

  private static int[] crossover(int[] ga, int[] gb, Random random) {
    int[] child = new int[ga.length];
    for (int k = 0; k < child.length; k++) {
      child[k] = random.nextBoolean() ? ga[k] : gb[k];
    }
    return child;
  }

  /**
   * The state of one search: the joint parameters, what has been evaluated, the network variant
   * cache.
   */
  private final class Evaluation {
    final SearchProblem problem;
    final double minAccuracy;
    final CandidateEvaluator evaluator;
    final List<DesignParameter> parameters;
    final int acceleratorGenes;
    final Map<String, Candidate> seen = new HashMap<>();
    final List<Candidate> order = new ArrayList<>();
    final Map<String, NetworkVariant> variants = new HashMap<>();

    Evaluation(
        SearchProblem problem,
        NetworkSpace network,
        double minAccuracy,
        CandidateEvaluator evaluator) {
      this.problem = problem;
      this.minAccuracy = minAccuracy;
      this.evaluator = evaluator;
      List<DesignParameter> all = new ArrayList<>(space.parameters());
      this.acceleratorGenes = all.size();
      all.addAll(network.parameters());
      this.parameters = List.copyOf(all);
    }

    int[] randomGenome(Random random) {
      int[] genes = new int[parameters.size()];
      for (int k = 0; k < genes.length; k++) {
        genes[k] = random.nextInt(parameters.get(k).size());
      }
      return genes;
    }

    void mutate(int[] genes, Random random, double rate) {
      for (int k = 0; k < genes.length; k++) {
        if (random.nextDouble() < rate) {
          genes[k] = random.nextInt(parameters.get(k).size());
        }
      }
    }

    int[] genome(Candidate c) {
      int[] a = c.genes();
      int[] n = c.networkGenes();
      int[] genes = Arrays.copyOf(a, a.length + n.length);
      System.arraycopy(n, 0, genes, a.length, n.length);
      return genes;
    }

    void evaluate(List<int[]> batch) {
      List<int[]> fresh = new ArrayList<>();
      for (int[] genes : batch) {
        if (!seen.containsKey(Arrays.toString(genes))
            && fresh.stream().noneMatch(f -> Arrays.equals(f, genes))) {
          fresh.add(genes);
        }
      }
      // Network variants first: each distinct one once, shared by every design that pairs with it.
      List<String> newKeys = new ArrayList<>();
      List<SearchTask.Variant> variantTasks = new ArrayList<>();
      for (int[] genes : fresh) {
        int[] net = Arrays.copyOfRange(genes, acceleratorGenes, genes.length);
        String key = Arrays.toString(net);
        if (!variants.containsKey(key) && !newKeys.contains(key)) {
          newKeys.add(key);
          variantTasks.add(new SearchTask.Variant(net));
        }
      }
      List<NetworkVariant> computed = results(variantTasks);
      for (int k = 0; k < newKeys.size(); k++) {
        variants.put(newKeys.get(k), computed.get(k));
      }
      List<SearchTask.Design> designTasks = new ArrayList<>();
      for (int[] genes : fresh) {
        NetworkVariant variant =
            variants.get(
                Arrays.toString(Arrays.copyOfRange(genes, acceleratorGenes, genes.length)));
        designTasks.add(
            new SearchTask.Design(
                Arrays.copyOf(genes, acceleratorGenes),
                variant.workload(),
                settings.staticPower()));
      }
      List<HardwareReport> reports = results(designTasks);
      for (int k = 0; k < fresh.size(); k++) {
        int[] genes = fresh.get(k);
        int[] net = Arrays.copyOfRange(genes, acceleratorGenes, genes.length);
        NetworkVariant variant = variants.get(Arrays.toString(net));
        boolean meets =
            Double.isNaN(variant.accuracy()) || variant.accuracy() >= minAccuracy - ACCURACY_SLACK;
        HardwareReport report = reports.get(k);
        Candidate design =
            new Candidate(
                Arrays.copyOf(genes, acceleratorGenes),
                net,
                variant,
                report,
                FpgaResources.fromMap(report.resources()).fitsIn(budget),
                meets);
        seen.put(Arrays.toString(genes), design);
        order.add(design);
      }
    }

    private <R extends java.io.Serializable> List<R> results(List<? extends SearchTask<R>> tasks) {
      if (tasks.isEmpty()) {
        return List.of();
      }
      List<R> results = evaluator.evaluate(problem, tasks);
      Checks.checkArgument(
          results.size() == tasks.size(),
          "the evaluator gave %d results for %d tasks",
          results.size(),
          tasks.size());
      return results;
    }
  }
}
