package org.snncodesign.learning.stdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.snncodesign.api.Checks;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.learning.distance.VanRossumDistance;
import org.snncodesign.learning.distance.VictorPurpuraDistance;
import org.snncodesign.learning.lsm.Liquid;
import org.snncodesign.learning.lsm.LiquidSimulator;

/**
 * STDP-assisted spike timing learning (SA-STL): trains the recurrent synapses onto designated
 * output neurons of a liquid so that those neurons fire given target spike trains, while keeping
 * only the most relevant of those synapses.
 *
 * <p><b>Timing learning</b> is the remote supervised rule (ReSuMe; Ponulak &amp; Kasiński 2010,
 * Neural Computation 22:467): after each presentation (the liquid run on the project's engine), for
 * every output j and step t, {@code dw_ij = eta [S_target_j(t) - S_out_j(t)] (a + x_i(t))}, x_i the
 * presynaptic trace with time constant tau. Excitatory synapses stay >= 0 and inhibitory ones &lt;=
 * 0 (Dale's law). {@link Rule#PERCEPTRON} replaces ReSuMe by a precise-timing perceptron on the
 * teacher-forced outputs ({@link SaStlPerceptron}); pruning, relevance, regrowth and the pocket
 * work the same with either rule.
 *
 * <p><b>Relevance</b> is the pair-STDP pairing of each presynaptic train with the target train,
 * {@code r_ij += sum_t x_i(t) S_target_j(t) - y_j(t) S_i(t)} (pre-before-target potentiates,
 * target-before-pre depresses, y_j the target's trace), accumulated over presentations: a synapse
 * whose presynaptic spikes consistently precede the target spikes scores high, one whose spikes are
 * unrelated to the target's timing scores about zero because both terms then grow with the same
 * rate product. The selection score is {@code |r_ij| * |w_ij|}, the causal pairing weighted by how
 * strongly the synapse can act on it.
 *
 * <p><b>Dynamic selection</b>: every {@code pruneEvery} epochs during the first {@code pruneUntil}
 * share of training the live synapses with the lowest score ({@link Selection#RELEVANCE}), the
 * smallest |w| ({@link Selection#MAGNITUDE}) or random ones ({@link Selection#RANDOM}, the control)
 * are removed, the live share falling linearly to {@code keepFraction}; the rest of training tunes
 * the survivors. Removed synapses stay in the matrix with weight 0 while training and are dropped
 * from {@link Result#learner()}. With {@link Budget#ALL} the kept share counts all recurrent
 * synapses and the liquid's own (untrained) synapses are removed in the same rounds by their own
 * pair-STDP relevance (see {@link Budget}).
 *
 * <p><b>Regrowth</b> (optional, {@code regrowEvery > 0}; after DEEP R, Bellec et al. 2018, ICLR,
 * and RigL, Evci et al. 2020, ICML): after the pruning phase, every {@code regrowEvery} epochs
 * until {@code regrowUntil} of the epochs, each output drops {@code regrowShare} of its live
 * synapses by the selection's score and revives as many of its removed synapses, the ones with the
 * largest ReSuMe update accumulated since the last round in the direction Dale's law allows ({@code
 * sum_t [S_target_j(t) - S_out_j(t)] x_i(t)}, positive for an excitatory, negative for an
 * inhibitory presynaptic neuron). Revived synapses start at weight 0 (so the swap does not disturb
 * the output's trains), ReSuMe then grows them, and they cannot be dropped in the next round. Every
 * output keeps its live count, so the kept share stays exact; the selection can thus correct the
 * early choice.
 *
 * <p><b>Pocket</b> (Gallant 1990, IEEE Trans. Neural Networks 1:179): batch ReSuMe on an
 * integrating LIF output does not settle; the distance wanders around a floor with jumps of +-50 %
 * from one presentation to the next. So the best weights of every output seen since the last
 * pruning round (lowest van Rossum distance), with which of its synapses were live (regrowth rounds
 * do not reset the pocket: each output's live count is the same), are kept aside, learning goes on
 * from the current weights, and the returned learner carries the pocket weights. The final entry of
 * {@link Result#vanRossum()} is measured on those weights, so it is the distance of the returned
 * liquid. All distances are on the training presentation: the task is to reproduce given trains,
 * not to generalise.
 *
 * <p>ReSuMe assumes the presynaptic trains do not depend on the weights being learned; outputs that
 * project back into the liquid break this (each update changes the output's own input), which is
 * why {@link SaStlTask}'s outputs send no synapses.
 */
public final class SaStl {

  /** How the synapses to remove are chosen. */
  public enum Selection {
    /** Lowest {@code |STDP pairing with the target| x |w|}: SA-STL. */
    RELEVANCE,
    /** Smallest |w| (magnitude pruning during learning). */
    MAGNITUDE,
    /** Uniformly random live synapses (seeded): the control. */
    RANDOM,
    /**
     * Lowest {@code |sum of the synapse's ReSuMe updates so far| x |w|}: the first-order (Taylor)
     * estimate of how much the error would change without the synapse (after Molchanov et al. 2017,
     * ICLR), with ReSuMe's update as the error signal; an error-driven alternative to the target
     * pairing of {@link #RELEVANCE}.
     */
    TAYLOR
  }

  /** The timing rule that trains the synapses onto the outputs. */
  public enum Rule {
    /** ReSuMe on the free-running outputs (batch per presentation). */
    RESUME,
    /**
     * A precise-timing perceptron on the teacher-forced outputs (see {@link SaStlPerceptron}): the
     * potential with resets forced at the target times is linear in the weights; {@code V >= 1} is
     * required at target steps and {@code V < 1} at the other free steps (except {@code
     * toleranceSteps} just before a target), and each violation adds {@code +-eta v_k(t)}. Its
     * current weights converge when the constraints can be met.
     */
    PERCEPTRON
  }

  /**
   * Which synapses the kept share counts.
   *
   * <p>{@link #ALL}: the share applies to all recurrent synapses, the liquid's own ones (which are
   * not trained) as well as the trainable ones onto the outputs. The split is proportional: the
   * outputs keep {@code ceil(keep x trainable)} synapses, as with {@link #TRAINABLE}, and the
   * liquid keeps the rest of {@code ceil(keep x all)}, so both groups keep (about) the same share.
   * A global ranking would need the two groups' scores on one scale, but they are not: the outputs'
   * pairing is with the target trains, the liquid's with its own postsynaptic trains; a fixed split
   * also leaves the outputs the same budget as {@link #TRAINABLE}, so the difference between the
   * two budgets is the effect of pruning the liquid. The liquid's synapses are removed in the same
   * pruning rounds, their live count falling linearly to their share, by the selection's score on
   * the liquid: for {@link Selection#RELEVANCE} and {@link Selection#TAYLOR} (no error signal
   * reaches the liquid) the pair-STDP pairing of the pre- and postsynaptic liquid trains, {@code
   * r_ij += sum_t x_i(t) S_j(t) - x_j(t) S_i(t)}, times {@code |w_ij|}; for {@link
   * Selection#MAGNITUDE} {@code |w_ij|}; for {@link Selection#RANDOM} a seeded random draw ({@link
   * LiquidScore} offers a pairing weighted by the postsynaptic neuron's importance to the outputs).
   * The liquid's weights are never changed otherwise, and it is not regrown.
   */
  public enum Budget {
    /** The share counts the synapses onto the outputs only; the liquid's own synapses stay. */
    TRAINABLE,
    /** The share counts all recurrent synapses; the liquid's own ones are pruned too. */
    ALL
  }

  /**
   * How {@link Budget#ALL} scores the liquid's own synapses for {@link Selection#RELEVANCE} and
   * {@link Selection#TAYLOR} (the other selections score them as they score the outputs' synapses).
   */
  public enum LiquidScore {
    /** {@code |pair-STDP pairing of the pre- and postsynaptic liquid trains| x |w|}. */
    PAIRING,
    /**
     * The pairing score times the postsynaptic neuron's downstream importance to the outputs: its
     * share of the outputs' live afferent weight (summed over outputs, each output's afferents
     * summing to 1), plus the importance it passes on in one more hop, its share of each liquid
     * neuron's live recurrent input weight times that neuron's direct share. A synapse onto a
     * neuron whose spikes reach no output, directly or through one liquid neuron, scores 0. Pruning
     * the liquid changes the trains the outputs learn from; this keeps the synapses that shape
     * those trains.
     */
    DOWNSTREAM
  }

  /**
   * Called after every presentation; {@code epoch} counts from 0, the final check has {@code epoch
   * == epochs}.
   */
  @FunctionalInterface
  public interface EpochListener {
    /** A listener that does nothing. */
    EpochListener NONE = (epoch, vanRossum, victorPurpura, live) -> {};

    void epoch(int epoch, double vanRossum, double victorPurpura, int liveSynapses);
  }

  /**
   * Training settings.
   *
   * @param epochs presentations, >= 1
   * @param learningRate eta
   * @param bias the non-Hebbian term a of ReSuMe
   * @param traceTauSteps tau of the traces, in steps
   * @param keepFraction share of the trainable synapses kept at the end, in (0, 1]
   * @param pruneEvery epochs between pruning rounds
   * @param pruneUntil share of the epochs, in (0, 1], by whose end the kept share is reached
   * @param distanceTauSteps tau of the van Rossum distance, in steps
   * @param victorPurpuraCost q of the Victor-Purpura distance, per step
   * @param selection how synapses are chosen for removal
   * @param seed seed of {@link Selection#RANDOM}
   * @param regrowEvery epochs between regrowth rounds after the pruning phase; 0: no regrowth
   * @param regrowShare share of each output's live synapses swapped per regrowth round, in [0, 1]
   * @param regrowUntil share of the epochs after which the topology is fixed, in [0, 1]
   * @param rescale after each pruning round, scale every output's surviving weights so that their
   *     summed magnitude is what it was before the round (the output keeps its drive; ReSuMe need
   *     not regrow it)
   * @param budget which synapses {@code keepFraction} counts
   * @param rule the timing rule
   * @param toleranceSteps for {@link Rule#PERCEPTRON}: steps just before a target without the
   *     below-threshold constraint, >= 0
   * @param liquidScore how {@link Budget#ALL} scores the liquid's own synapses
   */
  public record Settings(
      int epochs,
      double learningRate,
      double bias,
      double traceTauSteps,
      double keepFraction,
      int pruneEvery,
      double pruneUntil,
      double distanceTauSteps,
      double victorPurpuraCost,
      Selection selection,
      long seed,
      int regrowEvery,
      double regrowShare,
      double regrowUntil,
      boolean rescale,
      Budget budget,
      Rule rule,
      int toleranceSteps,
      LiquidScore liquidScore) {

    /** Settings whose liquid synapses (with {@link Budget#ALL}) are scored by their own pairing. */
    public Settings(
        int epochs,
        double learningRate,
        double bias,
        double traceTauSteps,
        double keepFraction,
        int pruneEvery,
        double pruneUntil,
        double distanceTauSteps,
        double victorPurpuraCost,
        Selection selection,
        long seed,
        int regrowEvery,
        double regrowShare,
        double regrowUntil,
        boolean rescale,
        Budget budget,
        Rule rule,
        int toleranceSteps) {
      this(
          epochs,
          learningRate,
          bias,
          traceTauSteps,
          keepFraction,
          pruneEvery,
          pruneUntil,
          distanceTauSteps,
          victorPurpuraCost,
          selection,
          seed,
          regrowEvery,
          regrowShare,
          regrowUntil,
          rescale,
          budget,
          rule,
          toleranceSteps,
          LiquidScore.PAIRING);
    }

    /** Settings with ReSuMe. */
    public Settings(
        int epochs,
        double learningRate,
        double bias,
        double traceTauSteps,
        double keepFraction,
        int pruneEvery,
        double pruneUntil,
        double distanceTauSteps,
        double victorPurpuraCost,
        Selection selection,
        long seed,
        int regrowEvery,
        double regrowShare,
        double regrowUntil,
        boolean rescale,
        Budget budget) {
      this(
          epochs,
          learningRate,
          bias,
          traceTauSteps,
          keepFraction,
          pruneEvery,
          pruneUntil,
          distanceTauSteps,
          victorPurpuraCost,
          selection,
          seed,
          regrowEvery,
          regrowShare,
          regrowUntil,
          rescale,
          budget,
          Rule.RESUME,
          1);
    }

    /** Settings whose kept share counts the trainable synapses only. */
    public Settings(
        int epochs,
        double learningRate,
        double bias,
        double traceTauSteps,
        double keepFraction,
        int pruneEvery,
        double pruneUntil,
        double distanceTauSteps,
        double victorPurpuraCost,
        Selection selection,
        long seed,
        int regrowEvery,
        double regrowShare,
        double regrowUntil,
        boolean rescale) {
      this(
          epochs,
          learningRate,
          bias,
          traceTauSteps,
          keepFraction,
          pruneEvery,
          pruneUntil,
          distanceTauSteps,
          victorPurpuraCost,
          selection,
          seed,
          regrowEvery,
          regrowShare,
          regrowUntil,
          rescale,
          Budget.TRAINABLE);
    }

    /** Settings without rescaling on pruning. */
    public Settings(
        int epochs,
        double learningRate,
        double bias,
        double traceTauSteps,
        double keepFraction,
        int pruneEvery,
        double pruneUntil,
        double distanceTauSteps,
        double victorPurpuraCost,
        Selection selection,
        long seed,
        int regrowEvery,
        double regrowShare,
        double regrowUntil) {
      this(
          epochs,
          learningRate,
          bias,
          traceTauSteps,
          keepFraction,
          pruneEvery,
          pruneUntil,
          distanceTauSteps,
          victorPurpuraCost,
          selection,
          seed,
          regrowEvery,
          regrowShare,
          regrowUntil,
          false);
    }

    /** Settings without regrowth (the selection is made once, during the pruning phase). */
    public Settings(
        int epochs,
        double learningRate,
        double bias,
        double traceTauSteps,
        double keepFraction,
        int pruneEvery,
        double pruneUntil,
        double distanceTauSteps,
        double victorPurpuraCost,
        Selection selection,
        long seed) {
      this(
          epochs,
          learningRate,
          bias,
          traceTauSteps,
          keepFraction,
          pruneEvery,
          pruneUntil,
          distanceTauSteps,
          victorPurpuraCost,
          selection,
          seed,
          0,
          0,
          0);
    }

    public Settings {
      Checks.positive(epochs, "epochs");
      Checks.positive(learningRate, "learningRate");
      Checks.checkArgument(bias >= 0, "bias must be >= 0, got %s", bias);
      Checks.positive(traceTauSteps, "traceTauSteps");
      Checks.checkArgument(
          keepFraction > 0 && keepFraction <= 1,
          "keepFraction must be in (0, 1], got %s",
          keepFraction);
      Checks.positive(pruneEvery, "pruneEvery");
      Checks.checkArgument(
          pruneUntil > 0 && pruneUntil <= 1, "pruneUntil must be in (0, 1], got %s", pruneUntil);
      Checks.positive(distanceTauSteps, "distanceTauSteps");
      Checks.checkArgument(
          victorPurpuraCost >= 0, "Victor-Purpura cost must be >= 0, got %s", victorPurpuraCost);
      Checks.checkArgument(selection != null, "selection must not be null");
      Checks.checkArgument(budget != null, "budget must not be null");
      Checks.checkArgument(rule != null, "rule must not be null");
      Checks.checkArgument(liquidScore != null, "liquidScore must not be null");
      Checks.checkArgument(
          toleranceSteps >= 0, "toleranceSteps must be >= 0, got %s", toleranceSteps);
      Checks.checkArgument(regrowEvery >= 0, "regrowEvery must be >= 0, got %s", regrowEvery);
      Checks.checkArgument(
          regrowShare >= 0 && regrowShare <= 1,
          "regrowShare must be in [0, 1], got %s",
          regrowShare);
      Checks.checkArgument(
          regrowUntil >= 0 && regrowUntil <= 1,
          "regrowUntil must be in [0, 1], got %s",
          regrowUntil);
    }

    /**
     * The defaults of {@code snn lsm sastl}: 400 epochs, eta = 0.002, a = 0, tau = 20 steps, keep
     * 0.5, a pruning round every 2 epochs during the first 2 % of the epochs (the selection is made
     * from the first presentations' STDP pairings, then the survivors train; later selection was
     * worse, see docs/results/lsm-sastl.md), van Rossum tau = 5 steps, Victor-Purpura q = 0.2 per
     * step, relevance selection, seed 1, and regrowth: every 5 epochs after the pruning phase each
     * output swaps 5 % of its live synapses (one of 20) until 90 % of the epochs (chosen on
     * development seeds 11-15, see docs/results/lsm-sastl.md).
     */
    public static Settings defaults() {
      return new Settings(
          400, 0.002, 0, 20, 0.5, 2, 0.02, 5, 0.2, Selection.RELEVANCE, 1, 5, 0.05, 0.9);
    }

    /** The same settings with another number of epochs. */
    public Settings withEpochs(int newEpochs) {
      return new Settings(
          newEpochs,
          learningRate,
          bias,
          traceTauSteps,
          keepFraction,
          pruneEvery,
          pruneUntil,
          distanceTauSteps,
          victorPurpuraCost,
          selection,
          seed,
          regrowEvery,
          regrowShare,
          regrowUntil,
          rescale,
          budget,
          rule,
          toleranceSteps,
          liquidScore);
    }

    /** The same settings with another learning rate. */
    public Settings withLearningRate(double eta) {
      return new Settings(
          epochs,
          eta,
          bias,
          traceTauSteps,
          keepFraction,
          pruneEvery,
          pruneUntil,
          distanceTauSteps,
          victorPurpuraCost,
          selection,
          seed,
          regrowEvery,
          regrowShare,
          regrowUntil,
          rescale,
          budget,
          rule,
          toleranceSteps,
          liquidScore);
    }

    /** The same settings with another kept fraction. */
    public Settings keeping(double fraction) {
      return new Settings(
          epochs,
          learningRate,
          bias,
          traceTauSteps,
          fraction,
          pruneEvery,
          pruneUntil,
          distanceTauSteps,
          victorPurpuraCost,
          selection,
          seed,
          regrowEvery,
          regrowShare,
          regrowUntil,
          rescale,
          budget,
          rule,
          toleranceSteps,
          liquidScore);
    }

    /** The same settings with another selection and seed. */
    public Settings selecting(Selection newSelection, long newSeed) {
      return new Settings(
          epochs,
          learningRate,
          bias,
          traceTauSteps,
          keepFraction,
          pruneEvery,
          pruneUntil,
          distanceTauSteps,
          victorPurpuraCost,
          newSelection,
          newSeed,
          regrowEvery,
          regrowShare,
          regrowUntil,
          rescale,
          budget,
          rule,
          toleranceSteps,
          liquidScore);
    }

    /**
     * The same settings with regrowth every {@code every} epochs, {@code share} swapped, until
     * {@code until}.
     */
    public Settings regrowing(int every, double share, double until) {
      return new Settings(
          epochs,
          learningRate,
          bias,
          traceTauSteps,
          keepFraction,
          pruneEvery,
          pruneUntil,
          distanceTauSteps,
          victorPurpuraCost,
          selection,
          seed,
          every,
          share,
          until,
          rescale,
          budget,
          rule,
          toleranceSteps,
          liquidScore);
    }

    /** The same settings with another timing rule and perceptron tolerance. */
    public Settings withRule(Rule newRule, int tolerance) {
      return new Settings(
          epochs,
          learningRate,
          bias,
          traceTauSteps,
          keepFraction,
          pruneEvery,
          pruneUntil,
          distanceTauSteps,
          victorPurpuraCost,
          selection,
          seed,
          regrowEvery,
          regrowShare,
          regrowUntil,
          rescale,
          budget,
          newRule,
          tolerance,
          liquidScore);
    }

    /** The same settings with another budget. */
    public Settings budgeting(Budget newBudget) {
      return new Settings(
          epochs,
          learningRate,
          bias,
          traceTauSteps,
          keepFraction,
          pruneEvery,
          pruneUntil,
          distanceTauSteps,
          victorPurpuraCost,
          selection,
          seed,
          regrowEvery,
          regrowShare,
          regrowUntil,
          rescale,
          newBudget,
          rule,
          toleranceSteps,
          liquidScore);
    }

    /** The same settings with another score for the liquid's own synapses. */
    public Settings scoringLiquid(LiquidScore newLiquidScore) {
      return new Settings(
          epochs,
          learningRate,
          bias,
          traceTauSteps,
          keepFraction,
          pruneEvery,
          pruneUntil,
          distanceTauSteps,
          victorPurpuraCost,
          selection,
          seed,
          regrowEvery,
          regrowShare,
          regrowUntil,
          rescale,
          budget,
          rule,
          toleranceSteps,
          newLiquidScore);
    }

    /** The same settings with rescaling on pruning switched on or off. */
    public Settings rescaling(boolean on) {
      return new Settings(
          epochs,
          learningRate,
          bias,
          traceTauSteps,
          keepFraction,
          pruneEvery,
          pruneUntil,
          distanceTauSteps,
          victorPurpuraCost,
          selection,
          seed,
          regrowEvery,
          regrowShare,
          regrowUntil,
          on,
          budget,
          rule,
          toleranceSteps,
          liquidScore);
    }
  }

  /**
   * The outcome of training.
   *
   * @param learner the trained liquid, removed synapses dropped
   * @param trainableSynapses synapses onto the outputs at the start
   * @param keptSynapses of those, the ones alive at the end
   * @param vanRossum mean van Rossum distance per output between produced and target trains, per
   *     epoch (before that epoch's update), plus a last entry for the returned (pocket) weights
   * @param victorPurpura mean Victor-Purpura distance per output, per epoch, plus the returned
   *     weights' one
   * @param recurrentSynapses all recurrent synapses at the start (the liquid's own and the
   *     trainable ones)
   * @param keptRecurrentSynapses of those, the ones in {@link #learner()}
   */
  public record Result(
      Liquid learner,
      int trainableSynapses,
      int keptSynapses,
      List<Double> vanRossum,
      List<Double> victorPurpura,
      int recurrentSynapses,
      int keptRecurrentSynapses) {

    /** Distance after the last epoch. */
    public double finalVanRossum() {
      return vanRossum.get(vanRossum.size() - 1);
    }

    public double finalVictorPurpura() {
      return victorPurpura.get(victorPurpura.size() - 1);
    }

    /** Distance of the untrained liquid. */
    public double initialVanRossum() {
      return vanRossum.get(0);
    }

    /**
     * Mean van Rossum distance over the last {@code count} epochs (smooths epoch-to-epoch jitter).
     */
    public double meanVanRossumOfLast(int count) {
      return meanOfLast(vanRossum, count);
    }

    /** Mean Victor-Purpura distance over the last {@code count} epochs. */
    public double meanVictorPurpuraOfLast(int count) {
      return meanOfLast(victorPurpura, count);
    }

    public double keptShare() {
      return trainableSynapses == 0 ? 1 : (double) keptSynapses / trainableSynapses;
    }

    private static double meanOfLast(List<Double> values, int count) {
      Checks.positive(count, "count");
      return values.subList(Math.max(0, values.size() - count), values.size()).stream()
          .mapToDouble(Double::doubleValue)
          .average()
          .orElseThrow();
    }
  }

  private final Settings settings;

  public SaStl(Settings settings) {
    this.settings = settings;
  }

  public Settings settings() {
    return settings;
  }

  /**
   * As {@link #train(Liquid, int[], SpikeRaster, SpikeRaster, EpochListener)} without a listener.
   */
  public Result train(Liquid liquid, int[] outputs, SpikeRaster input, SpikeRaster targets) {
    return train(liquid, outputs, input, targets, EpochListener.NONE);
  }

  /**
   * Trains a copy of {@code liquid}.
   *
   * @param outputs indices of the output neurons, distinct
   * @param input the input presented every epoch
   * @param targets target spikes, {@code input.timeSteps() x outputs.length}
   * @param listener told the distances after every presentation
   */
  public Result train(
      Liquid liquid,
      int[] outputs,
      SpikeRaster input,
      SpikeRaster targets,
      EpochListener listener) {
    Checks.checkArgument(
        targets.neurons() == outputs.length,
        "targets have %d trains but there are %d outputs",
        targets.neurons(),
        outputs.length);
    Checks.checkArgument(
        targets.timeSteps() == input.timeSteps(),
        "targets span %d steps but the input %d",
        targets.timeSteps(),
        input.timeSteps());
    Liquid learner = liquid.copy();
    int n = learner.neurons();
    int[] outputOf = new int[n];
    Arrays.fill(outputOf, -1);
    for (int o = 0; o < outputs.length; o++) {
      Checks.checkArgument(
          outputs[o] >= 0 && outputs[o] < n, "output neuron %d outside [0, %d)", outputs[o], n);
      Checks.checkArgument(
          outputOf[outputs[o]] < 0, "output neuron %d is listed twice", outputs[o]);
      outputOf[outputs[o]] = o;
    }
    CsrMatrix w = learner.recurrent();
    int[] rp = w.rowPointers();
    int[] ci = w.columnIndices();
    float[] values = w.values();
    // Trainable synapses grouped by output: entry index and presynaptic neuron.
    int[] counts = new int[outputs.length];
    for (int k = 0; k < ci.length; k++) {
      if (outputOf[ci[k]] >= 0) {
        counts[outputOf[ci[k]]]++;
      }
    }
    int[][] byOutputEntries = new int[outputs.length][];
    int[][] byOutputRows = new int[outputs.length][];
    for (int o = 0; o < outputs.length; o++) {
      byOutputEntries[o] = new int[counts[o]];
      byOutputRows[o] = new int[counts[o]];
    }
    int trainable = 0;
    for (int c : counts) {
      trainable += c;
    }
    int[] entries = new int[trainable];
    int[] entryRows = new int[trainable];
    int[] fill = new int[outputs.length];
    int e0 = 0;
    for (int r = 0; r < n; r++) {
      for (int k = rp[r]; k < rp[r + 1]; k++) {
        int o = outputOf[ci[k]];
        if (o >= 0) {
          byOutputEntries[o][fill[o]] = k;
          byOutputRows[o][fill[o]++] = r;
          entries[e0] = k;
          entryRows[e0++] = r;
        }
      }
    }
    // Budget ALL: the liquid's own synapses (post not an output) are pruned too, in the same
    // rounds.
    boolean pruneLiquid = settings.budget() == Budget.ALL;
    int liquidCount = pruneLiquid ? ci.length - trainable : 0;
    int[] liquidEntries = new int[liquidCount];
    int[] liquidPre = new int[liquidCount];
    int[] liquidPost = new int[liquidCount];
    if (pruneLiquid) {
      int l = 0;
      for (int r = 0; r < n; r++) {
        for (int k = rp[r]; k < rp[r + 1]; k++) {
          if (outputOf[ci[k]] < 0) {
            liquidEntries[l] = k;
            liquidPre[l] = r;
            liquidPost[l++] = ci[k];
          }
        }
      }
    }
    int liquidKeep =
        Math.max(
            0,
            (int) Math.ceil(settings.keepFraction() * (trainable + liquidCount) - 1e-9)
                - targetLive(trainable, 1));
    int liveLiquid = liquidCount;
    boolean[] alive = new boolean[values.length];
    Arrays.fill(alive, true);
    boolean resume = settings.rule() == Rule.RESUME;
    SaStlPerceptron perceptron =
        resume ? null : new SaStlPerceptron(learner, outputs, byOutputEntries, byOutputRows, input);
    double[] relevance = new double[values.length];
    // DOWNSTREAM: the liquid's pairing weighted by the postsynaptic neuron's importance to the
    // outputs.
    boolean downstream = pruneLiquid && settings.liquidScore() == LiquidScore.DOWNSTREAM;
    double[] liquidScores = downstream ? new double[values.length] : relevance;
    double[] delta = new double[values.length];
    double decay = Math.exp(-1 / settings.traceTauSteps());
    int steps = input.timeSteps();
    List<Double> vanRossum = new ArrayList<>();
    List<Double> victorPurpura = new ArrayList<>();
    int[][] targetTimes = new int[outputs.length][];
    for (int o = 0; o < outputs.length; o++) {
      targetTimes[o] = targets.train(o).times();
    }
    SplittableRandom random = new SplittableRandom(settings.seed());
    double[] x = new double[n];
    double[] y = new double[outputs.length];
    // Pocket (Gallant 1990): the best weights of each output seen since the last pruning round are
    // kept aside;
    // learning explores from the current weights, the result is the pocket.
    float[] pocket = values.clone();
    boolean[] pocketAlive = alive.clone();
    // Regrowth: ReSuMe updates accumulated since the last round (also for removed synapses), and
    // the synapses
    // revived in the last round (protected from being dropped at once).
    double[] growth = new double[values.length];
    double[] updates = new double[values.length];
    double[] scoreBase = settings.selection() == Selection.TAYLOR ? updates : relevance;
    boolean[] fresh = new boolean[values.length];
    int regrowEnd = (int) (settings.epochs() * settings.regrowUntil());
    double[] pocketVr = new double[outputs.length];
    Arrays.fill(pocketVr, Double.POSITIVE_INFINITY);
    int liveCount = trainable;
    int pruneEnd = Math.max(1, (int) (settings.epochs() * settings.pruneUntil()));
    for (int epoch = 0; epoch <= settings.epochs(); epoch++) {
      if (epoch == settings.epochs()) {
        for (int k : entries) {
          values[k] = pocket[k];
          alive[k] = pocketAlive[k];
        }
      }
      SpikeRaster spikes = new LiquidSimulator(learner, 0).raster(input);
      double vrSum = 0;
      double vpSum = 0;
      for (int o = 0; o < outputs.length; o++) {
        int[] produced = spikes.train(outputs[o]).times();
        double vr =
            VanRossumDistance.distance(produced, targetTimes[o], settings.distanceTauSteps());
        vrSum += vr;
        vpSum +=
            VictorPurpuraDistance.distance(produced, targetTimes[o], settings.victorPurpuraCost());
        if (vr < pocketVr[o]) {
          pocketVr[o] = vr;
          for (int k : byOutputEntries[o]) {
            pocket[k] = values[k];
            pocketAlive[k] = alive[k];
          }
        }
      }
      vanRossum.add(vrSum / outputs.length);
      victorPurpura.add(vpSum / outputs.length);
      listener.epoch(epoch, vanRossum.get(epoch), victorPurpura.get(epoch), liveCount);
      if (epoch == settings.epochs()) {
        break;
      }
      Arrays.fill(delta, 0);
      Arrays.fill(x, 0);
      Arrays.fill(y, 0);
      for (int t = 0; t < steps; t++) {
        for (int o = 0; o < outputs.length; o++) {
          boolean targetSpike = targets.get(t, o);
          int err = (targetSpike ? 1 : 0) - (spikes.get(t, outputs[o]) ? 1 : 0);
          int[] ks = byOutputEntries[o];
          int[] rows = byOutputRows[o];
          double step = settings.learningRate() * err;
          for (int e = 0; e < ks.length; e++) {
            int k = ks[e];
            int i = rows[e];
            if (err != 0 && resume) {
              delta[k] += step * (settings.bias() + x[i]);
            }
            // Pair STDP of the presynaptic train against the target train.
            if (targetSpike) {
              relevance[k] += x[i];
            }
            if (spikes.get(t, i)) {
              relevance[k] -= y[o];
            }
          }
        }
        if (pruneLiquid && epoch < pruneEnd) {
          // Pair STDP of the liquid's own pre- and postsynaptic trains (x is every neuron's trace
          // up to t - 1).
          for (int e = 0; e < liquidCount; e++) {
            int k = liquidEntries[e];
            if (alive[k]) {
              if (spikes.get(t, liquidPost[e])) {
                relevance[k] += x[liquidPre[e]];
              }
              if (spikes.get(t, liquidPre[e])) {
                relevance[k] -= x[liquidPost[e]];
              }
            }
          }
        }
        for (int i = 0; i < n; i++) {
          x[i] = x[i] * decay + (spikes.get(t, i) ? 1 : 0);
        }
        for (int o = 0; o < outputs.length; o++) {
          y[o] = y[o] * decay + (targets.get(t, o) ? 1 : 0);
        }
      }
      if (!resume) {
        perceptron.accumulate(
            spikes, targets, values, settings.learningRate(), settings.toleranceSteps(), delta);
      }
      for (int e = 0; e < trainable; e++) {
        int k = entries[e];
        growth[k] += delta[k];
        updates[k] += delta[k];
        if (alive[k]) {
          float updated = (float) (values[k] + delta[k]);
          values[k] =
              learner.isExcitatory(entryRows[e]) ? Math.max(0f, updated) : Math.min(0f, updated);
        }
      }
      boolean last = epoch == settings.epochs() - 1;
      if (((epoch + 1) % settings.pruneEvery() == 0 && epoch < pruneEnd) || last) {
        // The last epoch makes sure the requested share is reached even when pruneEvery skips the
        // end of the
        // pruning phase.
        double progress = last ? 1 : Math.min(1.0, (epoch + 1.0) / pruneEnd);
        int target = targetLive(trainable, progress);
        int liquidTarget =
            (int) Math.ceil(liquidCount - (liquidCount - liquidKeep) * progress - 1e-9);
        boolean pruned = false;
        if (liveLiquid > liquidTarget) {
          // The liquid's synapses are scored by their own STDP pairing for RELEVANCE and TAYLOR
          // alike, weighted by
          // the postsynaptic neuron's importance to the outputs with DOWNSTREAM.
          if (downstream) {
            double[] importance =
                downstreamImportance(
                    n,
                    liquidEntries,
                    liquidPre,
                    liquidPost,
                    byOutputEntries,
                    byOutputRows,
                    alive,
                    values);
            for (int e = 0; e < liquidCount; e++) {
              int k = liquidEntries[e];
              liquidScores[k] = relevance[k] * importance[liquidPost[e]];
            }
          }
          liveLiquid =
              prune(liquidEntries, alive, liquidScores, values, liveLiquid - liquidTarget, random);
          pruned = true;
        }
        if (liveCount > target) {
          double[] before = settings.rescale() ? outputMagnitudes(byOutputEntries, values) : null;
          liveCount = prune(entries, alive, scoreBase, values, liveCount - target, random);
          if (settings.rescale()) {
            double[] after = outputMagnitudes(byOutputEntries, values);
            for (int o = 0; o < outputs.length; o++) {
              if (after[o] > 0) {
                float factor = (float) (before[o] / after[o]);
                for (int k : byOutputEntries[o]) {
                  values[k] *= factor;
                }
              }
            }
          }
          pruned = true;
        }
        if (pruned) {
          // The pruned network is a new starting point: the pocket starts again from it.
          Arrays.fill(pocketVr, Double.POSITIVE_INFINITY);
          for (int k : entries) {
            pocket[k] = values[k];
            pocketAlive[k] = alive[k];
          }
        }
      } else if (settings.regrowEvery() > 0
          && epoch >= pruneEnd
          && epoch + 1 < regrowEnd
          && (epoch + 1 - pruneEnd) % settings.regrowEvery() == 0) {
        for (int o = 0; o < outputs.length; o++) {
          regrow(
              byOutputEntries[o],
              byOutputRows[o],
              learner,
              alive,
              fresh,
              scoreBase,
              growth,
              values,
              random);
        }
        Arrays.fill(growth, 0);
      }
    }
    Liquid compact = learner.withSynapses(dropDead(w, alive), learner.input());
    return new Result(
        compact,
        trainable,
        liveCount,
        List.copyOf(vanRossum),
        List.copyOf(victorPurpura),
        w.nonZeros(),
        compact.synapses());
  }

  /** Summed |w| of the synapses onto each output (removed ones are 0). */
  private static double[] outputMagnitudes(int[][] byOutputEntries, float[] values) {
    double[] sums = new double[byOutputEntries.length];
    for (int o = 0; o < sums.length; o++) {
      for (int k : byOutputEntries[o]) {
        sums[o] += Math.abs(values[k]);
      }
    }
    return sums;
  }

  /**
   * Each neuron's downstream importance to the outputs ({@link LiquidScore#DOWNSTREAM}): its direct
   * share of every output's live afferent |w| (each output's shares sum to 1), plus, for each live
   * liquid synapse from it, its share of the postsynaptic neuron's live recurrent input |w| times
   * that neuron's direct share. The liquid's own synapses are given as entry, pre- and postsynaptic
   * neuron; each output's afferents as entry and presynaptic neuron.
   */
  static double[] downstreamImportance(
      int neurons,
      int[] liquidEntries,
      int[] liquidPre,
      int[] liquidPost,
      int[][] byOutputEntries,
      int[][] byOutputRows,
      boolean[] alive,
      float[] values) {
    double[] direct = new double[neurons];
    for (int o = 0; o < byOutputEntries.length; o++) {
      double total = 0;
      for (int k : byOutputEntries[o]) {
        total += alive[k] ? Math.abs(values[k]) : 0;
      }
      for (int e = 0; total > 0 && e < byOutputEntries[o].length; e++) {
        int k = byOutputEntries[o][e];
        if (alive[k]) {
          direct[byOutputRows[o][e]] += Math.abs(values[k]) / total;
        }
      }
    }
    double[] recurrentInput = new double[neurons];
    for (int e = 0; e < liquidEntries.length; e++) {
      int k = liquidEntries[e];
      recurrentInput[liquidPost[e]] += alive[k] ? Math.abs(values[k]) : 0;
    }
    double[] importance = direct.clone();
    for (int e = 0; e < liquidEntries.length; e++) {
      int k = liquidEntries[e];
      if (alive[k] && recurrentInput[liquidPost[e]] > 0) {
        importance[liquidPre[e]] +=
            Math.abs(values[k]) / recurrentInput[liquidPost[e]] * direct[liquidPost[e]];
      }
    }
    return importance;
  }

  /**
   * Live synapses wanted when pruning is {@code progress} (0..1) of the way to {@code
   * keepFraction}.
   */
  private int targetLive(int trainable, double progress) {
    return (int) Math.ceil(trainable * (1 - (1 - settings.keepFraction()) * progress) - 1e-9);
  }

  /** Removes {@code count} live synapses chosen by the selection; returns the live count left. */
  private int prune(
      int[] entries,
      boolean[] alive,
      double[] relevance,
      float[] values,
      int count,
      SplittableRandom random) {
    int[] candidates = Arrays.stream(entries).filter(k -> alive[k]).toArray();
    if (count <= 0) {
      return candidates.length;
    }
    int[] order =
        order(
            candidates, selectionScores(candidates, relevance, values, random), candidates.length);
    int removed = Math.min(count, order.length);
    for (int i = 0; i < removed; i++) {
      alive[candidates[order[i]]] = false;
      values[candidates[order[i]]] = 0f;
    }
    return candidates.length - removed;
  }

  /**
   * The selection's score of each candidate synapse (lowest goes first); one draw each for RANDOM.
   */
  private double[] selectionScores(
      int[] candidates, double[] relevance, float[] values, SplittableRandom random) {
    double[] score = new double[candidates.length];
    for (int c = 0; c < candidates.length; c++) {
      int k = candidates[c];
      score[c] =
          switch (settings.selection()) {
            case RELEVANCE, TAYLOR -> relevanceScore(relevance[k], values[k]);
            case MAGNITUDE -> Math.abs(values[k]);
            case RANDOM -> random.nextDouble();
          };
    }
    return score;
  }

  /**
   * One regrowth round for one output: drops up to {@code regrowShare} of its live synapses (lowest
   * selection score, not revived in the last round) and revives as many removed ones (largest
   * accumulated ReSuMe update in the direction Dale's law allows, or random ones for {@link
   * Selection#RANDOM}) at weight 0.
   */
  private void regrow(
      int[] ks,
      int[] rows,
      Liquid learner,
      boolean[] alive,
      boolean[] fresh,
      double[] relevance,
      double[] growth,
      float[] values,
      SplittableRandom random) {
    int live = 0;
    for (int k : ks) {
      live += alive[k] ? 1 : 0;
    }
    int swaps = (int) Math.round(settings.regrowShare() * live);
    if (swaps == 0) {
      return;
    }
    int[] droppable = Arrays.stream(ks).filter(k -> alive[k] && !fresh[k]).toArray();
    double[] dropScore = selectionScores(droppable, relevance, values, random);
    int[] growable = new int[ks.length];
    double[] growScore = new double[ks.length];
    int g = 0;
    for (int e = 0; e < ks.length; e++) {
      int k = ks[e];
      if (alive[k]) {
        continue;
      }
      double score;
      if (settings.selection() == Selection.RANDOM) {
        score = random.nextDouble();
      } else {
        // Only an update in the allowed direction can move a weight away from 0.
        score = learner.isExcitatory(rows[e]) ? growth[k] : -growth[k];
        if (score <= 0) {
          continue;
        }
      }
      growable[g] = k;
      growScore[g++] = score;
    }
    swaps = Math.min(swaps, Math.min(droppable.length, g));
    int[] dropOrder = order(droppable, dropScore, droppable.length);
    int[] growOrder = order(Arrays.copyOf(growable, g), Arrays.copyOf(growScore, g), g);
    for (int k : ks) {
      fresh[k] = false;
    }
    for (int i = 0; i < swaps; i++) {
      int dropped = droppable[dropOrder[i]];
      alive[dropped] = false;
      values[dropped] = 0f;
      int grown = growable[growOrder[g - 1 - i]];
      alive[grown] = true;
      values[grown] = 0f;
      fresh[grown] = true;
    }
  }

  /** Indices 0..count-1 sorted by ascending score, ties by entry index (deterministic). */
  private static int[] order(int[] entries, double[] score, int count) {
    Integer[] order = new Integer[count];
    Arrays.setAll(order, c -> c);
    Arrays.sort(
        order,
        (a, b) -> {
          int c = Double.compare(score[a], score[b]);
          return c != 0 ? c : Integer.compare(entries[a], entries[b]);
        });
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  /**
   * The selection score of a live synapse: its accumulated STDP pairing with the target times its
   * |w|.
   */
  private static double relevanceScore(double pairing, float weight) {
    return Math.abs(pairing) * Math.abs(weight);
  }

  private static CsrMatrix dropDead(CsrMatrix w, boolean[] alive) {
    int rows = w.rows();
    int[] rp = w.rowPointers();
    int[] pointers = new int[rows + 1];
    int count = 0;
    for (boolean a : alive) {
      count += a ? 1 : 0;
    }
    int[] columns = new int[count];
    float[] values = new float[count];
    int k2 = 0;
    for (int r = 0; r < rows; r++) {
      for (int k = rp[r]; k < rp[r + 1]; k++) {
        if (alive[k]) {
          columns[k2] = w.columnIndices()[k];
          values[k2++] = w.values()[k];
        }
      }
      pointers[r + 1] = k2;
    }
    return new CsrMatrix(rows, w.cols(), pointers, columns, values);
  }
}
