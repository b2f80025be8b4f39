package org.snncodesign.flow.lsm;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.fpga.lsm.FixedPointLiquid;
import org.snncodesign.fpga.lsm.LutLsmAccelerator;
import org.snncodesign.fpga.lsm.LutLsmConfig;
import org.snncodesign.fpga.lsm.LutLsmRun;
import org.snncodesign.learning.lsm.Liquid;
import org.snncodesign.learning.lsm.LiquidSimulator;
import org.snncodesign.learning.lsm.LiquidStates;
import org.snncodesign.learning.lsm.pruning.InactiveNeuronPruner;
import org.snncodesign.learning.lsm.pruning.NeuronRanking;
import org.snncodesign.learning.lsm.readout.CrossValidation;
import org.snncodesign.learning.lsm.readout.Features;
import org.snncodesign.learning.lsm.readout.ReadoutKind;
import org.snncodesign.learning.lsm.readout.RidgeRegression;

/**
 * A liquid on the LUT-based LSM accelerator next to the software engine: per sample, the
 * cycle-level model's cycles, latency, energy and resources, the engine's measured CPU time, and
 * the classification accuracy of both arithmetics. Every sample runs through the float engine
 * ({@link LiquidSimulator}) and through the fixed-point liquid ({@link FixedPointLiquid#simulate},
 * whose spikes {@link LutLsmAccelerator#run} reproduces exactly); each gives liquid states (spike
 * counts in the task's time bins), a ridge readout is trained on the training part of its own
 * states (lambda by 3-fold cross-validation), and its test accuracy is reported.
 */
public final class LiquidOnLutLsm {
  private LiquidOnLutLsm() {}

  /**
   * How the study runs.
   *
   * @param tailSteps steps simulated after each input
   * @param samples samples timed and modelled, >= 1
   * @param accuracySamples samples of the accuracy comparison: 0 all, a negative number none
   */
  public record Settings(int tailSteps, int samples, int accuracySamples) {
    public Settings {
      Checks.nonNegative(tailSteps, "tail steps");
      Checks.positive(samples, "samples");
    }
  }

  /**
   * One liquid's figures, per sample.
   *
   * @param cpuMicrosPerSample measured time of the software engine (a timing figure: it differs
   *     between runs)
   * @param accuracyFloat readout accuracy on the float engine's states, if measured
   * @param accuracyFixedPoint readout accuracy on the fixed-point liquid's states, if measured
   */
  public record Row(
      String liquid,
      int neurons,
      long synapses,
      double cpuMicrosPerSample,
      long hwCyclesPerSample,
      double hwLatencyMicros,
      double hwEnergyNanojoules,
      Map<String, Long> resources,
      double swSpikesPerSample,
      double hwSpikesPerSample,
      OptionalDouble accuracyFloat,
      OptionalDouble accuracyFixedPoint) {}

  /**
   * The study of {@code snn lsm hardware}: its liquids, measured in this order.
   *
   * @param samples samples timed and modelled (at most the task's)
   * @param liquids the full liquid's row, then the pruned liquid's
   */
  public record Comparison(int samples, List<Row> liquids) {}

  /** Steps simulated after each input by default: 20 for FSDD's clips, 10 for the other tasks. */
  public static int defaultTailSteps(LsmTask task) {
    return task.name().equals("fsdd") ? 20 : 10;
  }

  /**
   * A liquid of {@code neurons} drawn for {@code task} (seed 1, LIF neurons, the task's input
   * fan-in) and the same liquid pruned to its {@code keep} most active neurons ({@link
   * #prunedByActivity}), both measured.
   */
  public static Comparison fullAndPruned(
      LsmTask task, int neurons, double keep, Settings settings, Consumer<String> progress) {
    Liquid full = Liquid.create(task.liquid(neurons, 1).build());
    Liquid pruned = prunedByActivity(task, full, keep, settings.tailSteps());
    return new Comparison(
        Math.min(settings.samples(), task.inputs().size()),
        List.of(
            measure("full", task, full, settings, progress),
            measure("pruned", task, pruned, settings, progress)));
  }

  /**
   * {@code full} pruned to its {@code keep} most active neurons, activity counted on the task's
   * training part only (so the pruned liquid never sees a test sample).
   */
  public static Liquid prunedByActivity(LsmTask task, Liquid full, double keep, int tailSteps) {
    Checks.checkArgument(keep > 0 && keep <= 1, "kept fraction must be in (0, 1], got %s", keep);
    LiquidSimulator probe = new LiquidSimulator(full, tailSteps);
    for (int i : task.select(task.officialTest(), false)) {
      probe.raster(task.inputs().get(i));
    }
    int kept = Math.max(1, (int) Math.round(keep * full.neurons()));
    return InactiveNeuronPruner.prune(
        full,
        InactiveNeuronPruner.keepTop(
            InactiveNeuronPruner.scores(NeuronRanking.ACTIVITY, probe.activity(), null, 1), kept));
  }

  /**
   * The figures of {@code liquid} (called {@code name} in the row) on the first samples of {@code
   * task}.
   */
  public static Row measure(
      String name, LsmTask task, Liquid liquid, Settings settings, Consumer<String> progress) {
    List<SpikeRaster> inputs = task.inputs();
    int n = Math.min(settings.samples(), inputs.size());
    LiquidSimulator sim = new LiquidSimulator(liquid, settings.tailSteps());
    for (int i = 0; i < n; i++) {
      sim.raster(inputs.get(i));
    }
    sim.clearActivity();
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      sim.raster(inputs.get(i));
    }
    double cpuMicros = (System.nanoTime() - start) / 1e3 / n;
    FixedPointLiquid fixed =
        new FixedPointLiquid(liquid.recurrent(), liquid.input(), LutLsmConfig.DEFAULT);
    LutLsmAccelerator accelerator = new LutLsmAccelerator();
    long cycles = 0;
    long hwSpikes = 0;
    double energy = 0;
    HardwareReport last = null;
    for (int i = 0; i < n; i++) {
      SpikeRaster in = inputs.get(i);
      int steps = sim.stepsFor(in.timeSteps());
      LutLsmRun run = accelerator.run(fixed, in, steps);
      cycles += run.cycles();
      hwSpikes += run.spikes().count();
      SpikeRaster padded = new SpikeRaster(steps, in.neurons());
      System.arraycopy(in.words(), 0, padded.words(), 0, in.words().length);
      last =
          accelerator.evaluate(
              new Workload(
                  "lsm",
                  List.of(
                      LayerWorkload.measured("liquid", run.spikes(), liquid.recurrent(), 8),
                      LayerWorkload.measured("input", padded, liquid.input(), 8))),
              EnergyTable.HOROWITZ_45NM);
      energy += last.energyPicojoules();
    }
    double clock = LutLsmConfig.DEFAULT.clockHz();
    OptionalDouble accuracyFloat = OptionalDouble.empty();
    OptionalDouble accuracyFixed = OptionalDouble.empty();
    if (settings.accuracySamples() >= 0) {
      double[] accuracy = accuracies(task, liquid, fixed, settings);
      accuracyFloat = OptionalDouble.of(accuracy[0]);
      accuracyFixed = OptionalDouble.of(accuracy[1]);
      progress.accept(
          String.format(
              java.util.Locale.ROOT,
              "%s liquid: accuracy float %.4f, fixed point %.4f",
              name,
              accuracy[0],
              accuracy[1]));
    }
    return new Row(
        name,
        liquid.neurons(),
        liquid.synapses(),
        cpuMicros,
        cycles / n,
        cycles / (double) n / clock * 1e6,
        energy / n / 1e3,
        last.resources(),
        (double) sim.totalSpikes() / n,
        (double) hwSpikes / n,
        accuracyFloat,
        accuracyFixed);
  }

  /** Samples the accuracy comparison uses under {@code settings}. */
  public static int accuracySamples(LsmTask task, Settings settings) {
    int all = task.inputs().size();
    return settings.accuracySamples() == 0 ? all : Math.min(settings.accuracySamples(), all);
  }

  /**
   * {float accuracy, fixed-point accuracy} of ridge readouts trained on states of their own
   * arithmetic.
   */
  private static double[] accuracies(
      LsmTask task, Liquid liquid, FixedPointLiquid fixed, Settings settings) {
    int total = accuracySamples(task, settings);
    List<SpikeRaster> inputs = task.inputs().subList(0, total);
    int bins = task.bins();
    LiquidSimulator sim = new LiquidSimulator(liquid, settings.tailSteps());
    Features floatStates = LiquidStates.compute(sim, inputs, bins);
    int d = bins * liquid.neurons();
    float[] values = new float[Math.multiplyExact(total, d)];
    for (int s = 0; s < total; s++) {
      SpikeRaster in = inputs.get(s);
      binCounts(fixed.simulate(in, sim.stepsFor(in.timeSteps())), bins, values, s * d);
    }
    Features fixedStates = new Features(total, d, values);
    boolean[] test = task.officialTest();
    int[] train = IntStream.range(0, total).filter(i -> !test[i]).toArray();
    int[] held = IntStream.range(0, total).filter(i -> test[i]).toArray();
    double[] out = new double[2];
    Features[] states = {floatStates, fixedStates};
    for (int a = 0; a < 2; a++) {
      CrossValidation cv =
          RidgeRegression.crossValidate(
              states[a].rows(train),
              task.labelsOf(train),
              task.classes(),
              ReadoutKind.RIDGE.defaultLambdas(),
              3,
              1);
      out[a] = cv.readout().accuracy(states[a].rows(held), task.labelsOf(held));
    }
    return out;
  }

  /**
   * Liquid state of one run, as {@link LiquidSimulator#state}: spike counts per neuron in {@code
   * bins} equal time bins (step t falls in bin {@code t * bins / steps}), added into {@code
   * state[offset ..]}.
   */
  public static void binCounts(SpikeRaster spikes, int bins, float[] state, int offset) {
    int steps = spikes.timeSteps();
    int n = spikes.neurons();
    long[] words = spikes.words();
    for (int t = 0; t < steps; t++) {
      int base = offset + (int) ((long) t * bins / steps) * n;
      int word0 = spikes.stepOffset(t);
      for (int w = 0; w < spikes.wordsPerStep(); w++) {
        long word = words[word0 + w];
        while (word != 0) {
          state[base + (w << 6) + Long.numberOfTrailingZeros(word)] += 1f;
          word &= word - 1;
        }
      }
    }
  }
}
