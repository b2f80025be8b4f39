package org.snncodesign.learning.lsm.pruning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.snncodesign.api.Checks;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.learning.lsm.Liquid;
import org.snncodesign.learning.lsm.LiquidSimulator;
import org.snncodesign.learning.lsm.LiquidStates;
import org.snncodesign.learning.lsm.readout.CrossValidation;
import org.snncodesign.learning.lsm.readout.Features;
import org.snncodesign.learning.lsm.readout.LinearReadout;
import org.snncodesign.learning.lsm.readout.ReadoutKind;

/**
 * The whole inactive-neuron pruning experiment on one train/test split: simulate the full liquid on
 * the training and test inputs, fit a readout (lambda by cross-validation on the training set),
 * rank the neurons, then prune (optionally with re-connection and drive balancing), simulate the
 * pruned liquid again, refit the readout with a freshly cross-validated lambda and evaluate it.
 * Pruned liquids are re-simulated, never approximated by dropping feature columns, because removing
 * a neuron also removes its recurrent input to the others.
 *
 * <p>Pruning can be one shot or iterative ({@link Method#rounds()} &gt; 1): each round removes a
 * share of the current neurons so that the kept count falls geometrically, {@code N_r = N_0
 * f^(r/R)}, re-simulates, retrains the readout and re-ranks on the new liquid, so later rounds see
 * the dynamics the earlier removals produced (iterative magnitude pruning, Han et al. 2015, applied
 * to neurons). Test samples are only ever scored, never used to rank, to choose lambda or to choose
 * the operating point.
 */
public final class PruningStudy {
  private final List<SpikeRaster> trainInputs;
  private final int[] trainLabels;
  private final List<SpikeRaster> testInputs;
  private final int[] testLabels;
  private final int classes;
  private final int[] binChoices;
  private final int tailSteps;
  private final ReadoutKind readoutKind;
  private final double[] lambdas;
  private final int folds;
  private final long seed;
  private final Consumer<String> progress;

  /**
   * How a liquid is pruned.
   *
   * @param ranking how neurons are scored
   * @param rewire whether removed neurons' synapses go to heirs ({@link AdaptiveReconnection})
   * @param restoreFanIn with {@code rewire}: re-wire only up to each kept neuron's old fan-in
   * @param balance whether kept neurons' recurrent drive is restored ({@link DriveBalance})
   * @param rounds prune-retrain-rank rounds, >= 1
   */
  public record Method(
      NeuronRanking ranking, boolean rewire, boolean restoreFanIn, boolean balance, int rounds) {
    public Method {
      Checks.checkArgument(rounds >= 1, "pruning needs at least 1 round, got %d", rounds);
    }

    /** One-shot pruning without drive balancing. */
    public static Method oneShot(NeuronRanking ranking, boolean rewire) {
      return new Method(ranking, rewire, false, false, 1);
    }

    /** A short label, e.g. {@code fisher+rewire+balance x4}. */
    public String label() {
      return ranking.name().toLowerCase(Locale.ROOT).replace('_', '-')
          + (rewire ? restoreFanIn ? "+rewire-fan-in" : "+rewire" : "")
          + (balance ? "+balance" : "")
          + (rounds > 1 ? " x" + rounds : "");
    }
  }

  /**
   * A study with a ridge readout.
   *
   * @param bins time bins of the liquid state
   * @param tailSteps steps simulated after each input ends
   * @param lambdas ridge strengths tried by cross-validation
   * @param folds cross-validation folds
   * @param progress receives one line per finished stage
   */
  public PruningStudy(
      List<SpikeRaster> trainInputs,
      int[] trainLabels,
      List<SpikeRaster> testInputs,
      int[] testLabels,
      int classes,
      int bins,
      int tailSteps,
      double[] lambdas,
      int folds,
      long seed,
      Consumer<String> progress) {
    this(
        trainInputs,
        trainLabels,
        testInputs,
        testLabels,
        classes,
        bins,
        tailSteps,
        ReadoutKind.RIDGE,
        lambdas,
        folds,
        seed,
        progress);
  }

  /** A study with the given readout and its candidate lambdas. */
  public PruningStudy(
      List<SpikeRaster> trainInputs,
      int[] trainLabels,
      List<SpikeRaster> testInputs,
      int[] testLabels,
      int classes,
      int bins,
      int tailSteps,
      ReadoutKind readoutKind,
      double[] lambdas,
      int folds,
      long seed,
      Consumer<String> progress) {
    Checks.checkArgument(
        trainInputs.size() == trainLabels.length,
        "%d training inputs but %d labels",
        trainInputs.size(),
        trainLabels.length);
    Checks.checkArgument(
        testInputs.size() == testLabels.length,
        "%d test inputs but %d labels",
        testInputs.size(),
        testLabels.length);
    Checks.checkArgument(lambdas.length > 0, "give at least one lambda");
    this.trainInputs = List.copyOf(trainInputs);
    this.trainLabels = trainLabels.clone();
    this.testInputs = List.copyOf(testInputs);
    this.testLabels = testLabels.clone();
    this.classes = Checks.positive(classes, "classes");
    this.binChoices = new int[] {Checks.positive(bins, "bins")};
    this.tailSteps = Checks.nonNegative(tailSteps, "tailSteps");
    this.readoutKind = readoutKind;
    this.lambdas = lambdas.clone();
    this.folds = folds;
    this.seed = seed;
    this.progress = progress;
  }

  private PruningStudy(PruningStudy from, int[] binChoices) {
    this.trainInputs = from.trainInputs;
    this.trainLabels = from.trainLabels;
    this.testInputs = from.testInputs;
    this.testLabels = from.testLabels;
    this.classes = from.classes;
    this.binChoices = binChoices;
    this.tailSteps = from.tailSteps;
    this.readoutKind = from.readoutKind;
    this.lambdas = from.lambdas;
    this.folds = from.folds;
    this.seed = from.seed;
    this.progress = from.progress;
  }

  /**
   * The same study choosing the number of time bins of the liquid state per liquid, by the same
   * cross-validation as lambda (a readout setting like lambda: it changes the readout's size, not
   * the liquid's). Every choice must divide the largest, because the states are simulated once with
   * the most bins and summed into fewer: bin {@code floor(t b / T)} of b bins is exactly the union
   * of bins {@code floor(t B / T)} with the same quotient by {@code B / b}.
   */
  public PruningStudy withBinChoices(int... choices) {
    Checks.checkArgument(choices.length > 0, "give at least one bin count");
    int[] sorted = choices.clone();
    java.util.Arrays.sort(sorted);
    int most = sorted[sorted.length - 1];
    for (int b : sorted) {
      Checks.checkArgument(
          b >= 1 && most % b == 0, "bin count %d must be >= 1 and divide %d", b, most);
    }
    return new PruningStudy(this, sorted);
  }

  /**
   * The evaluation of one liquid: its point on the curve, its activity, its readout, the chosen
   * number of time bins and the training states at that number (for rankings that need them).
   */
  public record Evaluation(
      PruningPoint point,
      long[] activity,
      LinearReadout readout,
      double simulationSeconds,
      Features trainStates,
      int bins) {}

  /**
   * States simulated with {@code from} bins summed into {@code to} bins ({@code to} divides {@code
   * from}).
   */
  static Features coarser(Features states, int from, int to) {
    if (from == to) {
      return states;
    }
    int n = states.dimension() / from;
    int q = from / to;
    float[] out = new float[Math.multiplyExact(states.samples(), to * n)];
    float[] v = states.values();
    for (int s = 0; s < states.samples(); s++) {
      int in = s * from * n;
      int o = s * to * n;
      for (int b = 0; b < from; b++) {
        int target = o + (b / q) * n;
        int source = in + b * n;
        for (int i = 0; i < n; i++) {
          out[target + i] += v[source + i];
        }
      }
    }
    return new Features(states.samples(), to * n, out);
  }

  /** Simulates, fits and evaluates one liquid reached in one round. */
  public Evaluation evaluate(
      Liquid liquid, double keepFraction, NeuronRanking ranking, boolean rewired) {
    return evaluate(liquid, keepFraction, ranking, rewired, keepFraction < 1 ? 1 : 0);
  }

  /** Simulates, fits and evaluates one liquid reached after {@code rounds} prune-retrain rounds. */
  public Evaluation evaluate(
      Liquid liquid, double keepFraction, NeuronRanking ranking, boolean rewired, int rounds) {
    LiquidSimulator simulator = new LiquidSimulator(liquid, tailSteps);
    long start = System.nanoTime();
    int total = trainInputs.size() + testInputs.size();
    int every = Math.max(500, total / 4);
    int bins = binChoices[binChoices.length - 1];
    Features train =
        LiquidStates.compute(simulator, trainInputs, bins, done -> simulated(done, total, every));
    long[] activity = simulator.activity();
    double rate = simulator.meanRateHz();
    int offset = trainInputs.size();
    Features test =
        LiquidStates.compute(
            simulator, testInputs, bins, done -> simulated(offset + done, total, every));
    double seconds = (System.nanoTime() - start) / 1e9;
    progress.accept(
        String.format(
            Locale.ROOT,
            "  %d neurons simulated in %.1f s; %d-fold %s CV over %d lambdas x %d bin counts ...",
            liquid.neurons(),
            seconds,
            folds,
            readoutKind,
            lambdas.length,
            binChoices.length));
    CrossValidation cv = null;
    double cvAccuracy = -1;
    int chosenBins = bins;
    Features chosenTrain = train;
    for (int b : binChoices) {
      // Ascending bin counts: a larger readout must be strictly better in CV to be chosen.
      Features x = coarser(train, bins, b);
      CrossValidation c = readoutKind.crossValidate(x, trainLabels, classes, lambdas, folds, seed);
      double accuracy = c.accuracies().get(c.lambdas().indexOf(c.bestLambda()));
      if (accuracy > cvAccuracy + 1e-12) {
        cv = c;
        cvAccuracy = accuracy;
        chosenBins = b;
        chosenTrain = x;
      }
    }
    LinearReadout readout = cv.readout();
    test = coarser(test, bins, chosenBins);
    PruningPoint point =
        new PruningPoint(
            keepFraction,
            ranking,
            rewired,
            LiquidSize.of(liquid, readout),
            cvAccuracy,
            readout.accuracy(test, testLabels),
            cv.bestLambda(),
            rate,
            rounds,
            chosenBins);
    progress.accept(
        String.format(
            Locale.ROOT,
            "keep %.3f %s%s round %d: %d neurons, %d synapses, cv %.4f, test %.4f, lambda %g, bins %d, rate %.1f Hz, "
                + "sim %.1f s",
            keepFraction,
            ranking,
            rewired ? " rewired" : "",
            rounds,
            liquid.neurons(),
            liquid.synapses(),
            cvAccuracy,
            point.testAccuracy(),
            cv.bestLambda(),
            chosenBins,
            rate,
            seconds));
    return new Evaluation(point, activity, readout, seconds, chosenTrain, chosenBins);
  }

  private void simulated(int done, int total, int every) {
    if (done % every == 0 && done < total) {
      progress.accept(String.format(Locale.ROOT, "  simulated %d / %d samples", done, total));
    }
  }

  /** Per-neuron scores of an evaluated liquid under {@code ranking}. */
  public double[] scores(Evaluation evaluation, NeuronRanking ranking) {
    return InactiveNeuronPruner.scores(
        ranking,
        evaluation.activity(),
        evaluation.readout(),
        evaluation.bins(),
        evaluation.trainStates(),
        trainLabels,
        classes);
  }

  /**
   * Prunes {@code from} (already evaluated as {@code evaluation}) to its {@code keep} best neurons
   * under the method's ranking, with re-connection and drive balancing as asked.
   */
  public Liquid pruneOnce(Liquid from, Evaluation evaluation, int keep, Method method) {
    int[] kept = InactiveNeuronPruner.keepTop(scores(evaluation, method.ranking()), keep);
    Liquid next =
        method.rewire()
            ? AdaptiveReconnection.prune(from, kept, method.restoreFanIn())
            : InactiveNeuronPruner.prune(from, kept);
    return method.balance() ? DriveBalance.restore(from, kept, next) : next;
  }

  /**
   * The outcome of pruning one liquid: the evaluation after every round (round 0 = the full
   * liquid).
   */
  public record Run(List<Evaluation> rounds, Liquid pruned) {
    /** The final point. */
    public PruningPoint last() {
      return rounds.get(rounds.size() - 1).point();
    }
  }

  /**
   * Prunes {@code liquid} (evaluated as {@code full}) to {@code round(keepFraction N)} neurons in
   * {@code method.rounds()} rounds, the kept count falling geometrically; every round is evaluated.
   */
  public Run prune(Liquid liquid, Evaluation full, double keepFraction, Method method) {
    Checks.checkArgument(
        keepFraction > 0 && keepFraction <= 1,
        "kept fraction must be in (0, 1], got %s",
        keepFraction);
    double[] schedule = new double[method.rounds()];
    for (int r = 1; r <= method.rounds(); r++) {
      schedule[r - 1] = Math.pow(keepFraction, (double) r / method.rounds());
    }
    return pruneThrough(liquid, full, schedule, method);
  }

  /**
   * Prunes {@code liquid} (evaluated as {@code full}) through the kept fractions {@code schedule}
   * (of the original size, descending), one prune-retrain-rank round per fraction; every round is
   * evaluated. The method's own round count is not used.
   */
  public Run pruneThrough(Liquid liquid, Evaluation full, double[] schedule, Method method) {
    int n0 = liquid.neurons();
    List<Evaluation> rounds = new ArrayList<>();
    rounds.add(full);
    Liquid now = liquid;
    Evaluation current = full;
    for (int r = 1; r <= schedule.length; r++) {
      double fraction = schedule[r - 1];
      Checks.checkArgument(
          fraction > 0 && fraction <= 1, "kept fraction must be in (0, 1], got %s", fraction);
      Checks.checkArgument(
          r == 1 || fraction <= schedule[r - 2],
          "kept fractions must descend, got %s after %s",
          fraction,
          r == 1 ? 1 : schedule[r - 2]);
      int target = Math.min(now.neurons(), Math.max(1, (int) Math.round(n0 * fraction)));
      now = pruneOnce(now, current, target, method);
      current = evaluate(now, (double) target / n0, method.ranking(), method.rewire(), r);
      rounds.add(current);
    }
    return new Run(rounds, now);
  }

  /**
   * The curve: the full liquid first (fraction 1), then one point per fraction in {@code
   * keepFractions} for every ranking, with and without re-connection as asked (one-shot pruning).
   */
  public List<PruningPoint> curve(
      Liquid liquid, double[] keepFractions, List<NeuronRanking> rankings, boolean alsoRewired) {
    List<PruningPoint> points = new ArrayList<>();
    Evaluation full = evaluate(liquid, 1.0, NeuronRanking.ACTIVITY, false, 0);
    points.add(full.point());
    for (NeuronRanking ranking : rankings) {
      for (double fraction : keepFractions) {
        Checks.checkArgument(
            fraction > 0 && fraction <= 1, "kept fraction must be in (0, 1], got %s", fraction);
        points.add(prune(liquid, full, fraction, Method.oneShot(ranking, false)).last());
        if (alsoRewired) {
          points.add(prune(liquid, full, fraction, Method.oneShot(ranking, true)).last());
        }
      }
    }
    return points;
  }

  /**
   * The smallest pruned liquid whose cross-validated accuracy is within {@code tolerance} of the
   * full liquid's (the first point); chosen on training data only, so its test accuracy is an
   * honest estimate.
   */
  public static PruningPoint operatingPoint(List<PruningPoint> points, double tolerance) {
    PruningPoint full = points.get(0);
    PruningPoint best = full;
    for (PruningPoint p : points) {
      if (p.cvAccuracy() >= full.cvAccuracy() - tolerance
          && p.size().neurons() < best.size().neurons()) {
        best = p;
      }
    }
    return best;
  }
}
