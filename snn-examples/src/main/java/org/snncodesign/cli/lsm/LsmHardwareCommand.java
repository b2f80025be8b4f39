package org.snncodesign.cli.lsm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.flow.lsm.LsmTask;
import org.snncodesign.fpga.lsm.FixedPointLiquid;
import org.snncodesign.fpga.lsm.LutLsmAccelerator;
import org.snncodesign.fpga.lsm.LutLsmConfig;
import org.snncodesign.fpga.lsm.LutLsmRun;
import org.snncodesign.learning.lsm.Liquid;
import org.snncodesign.learning.lsm.LiquidParameters;
import org.snncodesign.learning.lsm.LiquidSimulator;
import org.snncodesign.learning.lsm.LiquidStates;
import org.snncodesign.learning.lsm.pruning.InactiveNeuronPruner;
import org.snncodesign.learning.lsm.pruning.NeuronRanking;
import org.snncodesign.learning.lsm.readout.CrossValidation;
import org.snncodesign.learning.lsm.readout.Features;
import org.snncodesign.learning.lsm.readout.ReadoutKind;
import org.snncodesign.learning.lsm.readout.RidgeRegression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code snn lsm hardware}: the digits (or, with {@code --dataset fsdd}, FSDD) liquid, full and pruned by activity,
 * on the {@code lut-lsm} accelerator model (cycles, latency, energy, resources per sample) next to the measured CPU
 * time of the software engine on the same liquid and inputs.
 *
 * <p>Classification accuracy of both arithmetics: every sample (or the first {@code --accuracy-samples}) runs
 * through the float engine ({@link LiquidSimulator}) and through the fixed-point liquid ({@link
 * FixedPointLiquid#simulate}, whose spikes the cycle-level {@link LutLsmAccelerator#run} reproduces exactly); each
 * gives liquid states (spike counts in the task's time bins: 4 for digits, 8 for FSDD), a ridge readout is trained
 * on the training part (digits: every 4th sample held out; FSDD: the official split) of its own states, lambda by
 * 3-fold cross-validation, and its test accuracy is reported as {@code accuracy_float} and
 * {@code accuracy_fixed_point}.
 */
@Command(name = "hardware", mixinStandardHelpOptions = true,
    description = "Full and pruned liquid (digits or FSDD) on the lut-lsm model vs the software engine's CPU time,"
        + " with the readout accuracy of both arithmetics.")
public final class LsmHardwareCommand implements Callable<Integer> {
  @Option(names = "--dataset", defaultValue = "digits", description = "digits or fsdd (default digits).")
  String dataset;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "fsdd: the recordings folder (required).")
  Path dataDir;

  @Option(names = "--encoding", defaultValue = "rate", description = "fsdd: rate or bsa (default rate).")
  String encoding;

  @Option(names = "--tail", defaultValue = "0",
      description = "Steps simulated after each input (0: 10 for digits, 20 for fsdd).")
  int tailOption;

  @Option(names = "--liquid", defaultValue = "1000", description = "Liquid neurons (default 1000).")
  int neurons;

  @Option(names = "--prune", defaultValue = "0.25", description = "Kept fraction of the pruned liquid.")
  double keep;

  @Option(names = "--samples", defaultValue = "400", description = "Samples timed and modelled (default 400).")
  int samples;

  @Option(names = "--accuracy-samples", defaultValue = "0",
      description = "Samples used for the float and fixed-point accuracy (0: all; negative: skip accuracy).")
  int accuracySamples;

  @Option(names = "--json", description = "Print one JSON object as the last line of standard output.")
  boolean json;

  public LsmHardwareCommand() {}

  @Override
  public Integer call() throws IOException {
    LsmTask task = switch (dataset) {
      case "digits" -> LsmTask.digits(null, 0);
      case "fsdd" -> {
        if (dataDir == null) {
          throw new InvalidInputException("--dataset fsdd needs --data-dir, the FSDD recordings folder");
        }
        yield LsmTask.fsdd(dataDir, 0, encoding, System.err::println);
      }
      default -> throw new InvalidInputException("--dataset must be digits or fsdd, got " + dataset);
    };
    tail = tailOption > 0 ? tailOption : task.name().equals("fsdd") ? 20 : 10;
    List<SpikeRaster> inputs = task.inputs();
    int n = Math.min(samples, inputs.size());
    // Same input fan-in rule as snn lsm: sparser for many channels.
    Liquid full = Liquid.create(LiquidParameters.builder().neurons(neurons).inputChannels(task.channels())
        .inputProbability(task.channels() > 8 ? 0.1 : 0.3).seed(1).build());
    // Activity is measured on the training part only, so the pruned liquid never sees test samples.
    LiquidSimulator probe = new LiquidSimulator(full, tail);
    for (int i : task.select(task.officialTest(), false)) {
      probe.raster(inputs.get(i));
    }
    int kept = Math.max(1, (int) Math.round(keep * neurons));
    Liquid pruned = InactiveNeuronPruner.prune(full, InactiveNeuronPruner.keepTop(
        InactiveNeuronPruner.scores(NeuronRanking.ACTIVITY, probe.activity(), null, 1), kept));
    ObjectNode report = JsonReport.create("lsm hardware");
    report.put("dataset", task.name());
    if (task.name().equals("fsdd")) {
      report.put("encoding", encoding);
    }
    report.put("samples", n);
    report.put("accelerator", LutLsmAccelerator.NAME);
    ArrayNode rows = report.putArray("liquids");
    System.out.println("liquid,neurons,synapses,cpu_us_per_sample,hw_cycles_per_sample,hw_latency_us,"
        + "hw_energy_nj,lut,ff,bram36,dsp,sw_spikes_per_sample,hw_spikes_per_sample,accuracy_float,"
        + "accuracy_fixed_point");
    for (Object[] entry : new Object[][] {{"full", full}, {"pruned", pruned}}) {
      Liquid liquid = (Liquid) entry[1];
      LiquidSimulator sim = new LiquidSimulator(liquid, tail);
      for (int i = 0; i < n; i++) {
        sim.raster(inputs.get(i));
      }
      sim.clearActivity();
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        sim.raster(inputs.get(i));
      }
      double cpuMicros = (System.nanoTime() - start) / 1e3 / n;
      FixedPointLiquid fixed = new FixedPointLiquid(liquid.recurrent(), liquid.input(), LutLsmConfig.DEFAULT);
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
        last = accelerator.evaluate(new Workload("lsm", List.of(
            LayerWorkload.measured("liquid", run.spikes(), liquid.recurrent(), 8),
            LayerWorkload.measured("input", padded, liquid.input(), 8))), EnergyTable.HOROWITZ_45NM);
        energy += last.energyPicojoules();
      }
      double clock = LutLsmConfig.DEFAULT.clockHz();
      double[] accuracy = accuracySamples < 0 ? new double[] {Double.NaN, Double.NaN}
          : accuracies(task, liquid, fixed, (String) entry[0]);
      System.out.printf(Locale.ROOT, "%s,%d,%d,%.1f,%d,%.2f,%.1f,%d,%d,%d,%d,%.1f,%.1f,%.4f,%.4f%n", entry[0],
          liquid.neurons(), liquid.synapses(), cpuMicros, cycles / n, cycles / (double) n / clock * 1e6,
          energy / n / 1e3, last.resources().get("lut"), last.resources().get("ff"), last.resources().get("bram36"),
          last.resources().get("dsp"), (double) sim.totalSpikes() / n, (double) hwSpikes / n, accuracy[0],
          accuracy[1]);
      ObjectNode row = rows.addObject();
      row.put("liquid", (String) entry[0]);
      row.put("neurons", liquid.neurons());
      row.put("synapses", liquid.synapses());
      row.put("cpu_us_per_sample", cpuMicros);
      row.put("hw_cycles_per_sample", cycles / n);
      row.put("hw_latency_us", cycles / (double) n / clock * 1e6);
      row.put("hw_energy_nj", energy / n / 1e3);
      last.resources().forEach(row::put);
      if (accuracySamples >= 0) {
        row.put("accuracy_float", accuracy[0]);
        row.put("accuracy_fixed_point", accuracy[1]);
      }
    }
    if (accuracySamples >= 0) {
      report.put("accuracy_samples", accuracySamples == 0 ? inputs.size() : Math.min(accuracySamples,
          inputs.size()));
      report.put("split", task.officialSplit());
      report.put("bins", task.bins());
      report.put("tail_steps", tail);
    }
    if (json) {
      JsonReport.printLine(report, System.out);
    }
    return 0;
  }

  private int tail;

  /**
   * Test accuracy of a ridge readout on the float engine's and on the fixed-point liquid's states, each readout
   * trained (lambda by 3-fold cross-validation) on states of its own arithmetic.
   *
   * @return {float accuracy, fixed-point accuracy}
   */
  private double[] accuracies(LsmTask task, Liquid liquid, FixedPointLiquid fixed, String name) {
    int total = accuracySamples == 0 ? task.inputs().size() : Math.min(accuracySamples, task.inputs().size());
    List<SpikeRaster> inputs = task.inputs().subList(0, total);
    int bins = task.bins();
    LiquidSimulator sim = new LiquidSimulator(liquid, tail);
    Features floatStates = LiquidStates.compute(sim, inputs, bins);
    int d = bins * liquid.neurons();
    float[] values = new float[Math.multiplyExact(total, d)];
    for (int s = 0; s < total; s++) {
      SpikeRaster in = inputs.get(s);
      int steps = sim.stepsFor(in.timeSteps());
      binCounts(fixed.simulate(in, steps), bins, values, s * d);
    }
    Features fixedStates = new Features(total, d, values);
    boolean[] test = new boolean[total];
    for (int i = 0; i < total; i++) {
      test[i] = task.officialTest()[i];
    }
    int[] train = java.util.stream.IntStream.range(0, total).filter(i -> !test[i]).toArray();
    int[] held = java.util.stream.IntStream.range(0, total).filter(i -> test[i]).toArray();
    double[] out = new double[2];
    Features[] states = {floatStates, fixedStates};
    for (int a = 0; a < 2; a++) {
      CrossValidation cv = RidgeRegression.crossValidate(states[a].rows(train), task.labelsOf(train),
          task.classes(), ReadoutKind.RIDGE.defaultLambdas(), 3, 1);
      out[a] = cv.readout().accuracy(states[a].rows(held), task.labelsOf(held));
    }
    System.err.printf(Locale.ROOT, "%s liquid: accuracy float %.4f, fixed point %.4f (%d train / %d test)%n", name,
        out[0], out[1], train.length, held.length);
    return out;
  }

  /**
   * Liquid state of one run, as {@link LiquidSimulator#state}: spike counts per neuron in {@code bins} equal
   * time bins (step t falls in bin {@code t * bins / steps}), added into {@code state[offset ..]}.
   */
  static void binCounts(SpikeRaster spikes, int bins, float[] state, int offset) {
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
