package org.snncodesign.learning.lsm.pruning;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.snncodesign.api.Checks;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.learning.lsm.Liquid;
import org.snncodesign.learning.lsm.LiquidSimulator;
import org.snncodesign.learning.lsm.LiquidStates;
import org.snncodesign.learning.lsm.readout.CrossValidation;
import org.snncodesign.learning.lsm.readout.Features;
import org.snncodesign.learning.lsm.readout.LinearReadout;
import org.snncodesign.learning.lsm.readout.RidgeRegression;

/**
 * The whole inactive-neuron pruning experiment on one train/test split: simulate the full liquid on the training
 * and test inputs, fit a ridge readout (lambda by cross-validation on the training set), measure every neuron's
 * activity on the training set, then for each kept fraction prune (optionally with re-connection), simulate the
 * pruned liquid again, refit the readout and evaluate it. Pruned liquids are re-simulated, never approximated by
 * dropping feature columns, because removing a neuron also removes its recurrent input to the others.
 */
public final class PruningStudy {
  private final List<SpikeRaster> trainInputs;
  private final int[] trainLabels;
  private final List<SpikeRaster> testInputs;
  private final int[] testLabels;
  private final int classes;
  private final int bins;
  private final int tailSteps;
  private final double[] lambdas;
  private final int folds;
  private final long seed;
  private final Consumer<String> progress;

  /**
   * @param bins time bins of the liquid state
   * @param tailSteps steps simulated after each input ends
   * @param lambdas ridge strengths tried by cross-validation
   * @param folds cross-validation folds
   * @param progress receives one line per finished stage
   */
  public PruningStudy(List<SpikeRaster> trainInputs, int[] trainLabels, List<SpikeRaster> testInputs,
      int[] testLabels, int classes, int bins, int tailSteps, double[] lambdas, int folds, long seed,
      Consumer<String> progress) {
    Checks.checkArgument(trainInputs.size() == trainLabels.length, "%d training inputs but %d labels",
        trainInputs.size(), trainLabels.length);
    Checks.checkArgument(testInputs.size() == testLabels.length, "%d test inputs but %d labels",
        testInputs.size(), testLabels.length);
    this.trainInputs = List.copyOf(trainInputs);
    this.trainLabels = trainLabels.clone();
    this.testInputs = List.copyOf(testInputs);
    this.testLabels = testLabels.clone();
    this.classes = Checks.positive(classes, "classes");
    this.bins = Checks.positive(bins, "bins");
    this.tailSteps = Checks.nonNegative(tailSteps, "tailSteps");
    this.lambdas = lambdas.clone();
    this.folds = folds;
    this.seed = seed;
    this.progress = progress;
  }

  /** The evaluation of one liquid: its point on the curve, its activity and its readout. */
  public record Evaluation(PruningPoint point, long[] activity, LinearReadout readout, double simulationSeconds) {}

  /** Simulates, fits and evaluates one liquid. */
  public Evaluation evaluate(Liquid liquid, double keepFraction, NeuronRanking ranking, boolean rewired) {
    LiquidSimulator simulator = new LiquidSimulator(liquid, tailSteps);
    long start = System.nanoTime();
    Features train = LiquidStates.compute(simulator, trainInputs, bins);
    long[] activity = simulator.activity();
    double rate = simulator.meanRateHz();
    Features test = LiquidStates.compute(simulator, testInputs, bins);
    double seconds = (System.nanoTime() - start) / 1e9;
    CrossValidation cv = RidgeRegression.crossValidate(train, trainLabels, classes, lambdas, folds, seed);
    LinearReadout readout = cv.readout();
    double cvAccuracy = cv.accuracies().get(cv.lambdas().indexOf(cv.bestLambda()));
    PruningPoint point = new PruningPoint(keepFraction, ranking, rewired, LiquidSize.of(liquid, readout),
        cvAccuracy, readout.accuracy(test, testLabels), cv.bestLambda(), rate);
    progress.accept(String.format(java.util.Locale.ROOT,
        "keep %.3f %s%s: %d neurons, %d synapses, cv %.4f, test %.4f, rate %.1f Hz, sim %.1f s", keepFraction,
        ranking, rewired ? " rewired" : "", liquid.neurons(), liquid.synapses(), cvAccuracy, point.testAccuracy(),
        rate, seconds));
    return new Evaluation(point, activity, readout, seconds);
  }

  /**
   * The curve: the full liquid first (fraction 1), then one point per fraction in {@code keepFractions} for
   * every ranking, with and without re-connection as asked.
   */
  public List<PruningPoint> curve(Liquid liquid, double[] keepFractions, List<NeuronRanking> rankings,
      boolean alsoRewired) {
    List<PruningPoint> points = new ArrayList<>();
    Evaluation full = evaluate(liquid, 1.0, NeuronRanking.ACTIVITY, false);
    points.add(full.point());
    for (NeuronRanking ranking : rankings) {
      double[] score = InactiveNeuronPruner.scores(ranking, full.activity(), full.readout(), bins);
      for (double fraction : keepFractions) {
        Checks.checkArgument(fraction > 0 && fraction <= 1, "kept fraction must be in (0, 1], got %s", fraction);
        int keep = Math.max(1, (int) Math.round(fraction * liquid.neurons()));
        int[] kept = InactiveNeuronPruner.keepTop(score, keep);
        points.add(evaluate(InactiveNeuronPruner.prune(liquid, kept), fraction, ranking, false).point());
        if (alsoRewired) {
          points.add(evaluate(AdaptiveReconnection.prune(liquid, kept), fraction, ranking, true).point());
        }
      }
    }
    return points;
  }

  /**
   * The smallest pruned liquid whose cross-validated accuracy is within {@code tolerance} of the full liquid's
   * (the first point); chosen on training data only, so its test accuracy is an honest estimate.
   */
  public static PruningPoint operatingPoint(List<PruningPoint> points, double tolerance) {
    PruningPoint full = points.get(0);
    PruningPoint best = full;
    for (PruningPoint p : points) {
      if (p.cvAccuracy() >= full.cvAccuracy() - tolerance && p.size().neurons() < best.size().neurons()) {
        best = p;
      }
    }
    return best;
  }
}
