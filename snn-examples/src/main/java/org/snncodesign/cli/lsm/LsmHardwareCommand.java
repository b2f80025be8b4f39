package org.snncodesign.cli.lsm;

import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.cli.data.DataOptions;
import org.snncodesign.flow.lsm.LiquidOnLutLsm;
import org.snncodesign.flow.lsm.LsmHardwareReport;
import org.snncodesign.flow.lsm.LsmTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code snn lsm hardware}: {@link LiquidOnLutLsm#fullAndPruned} on the digits (or, with {@code
 * --dataset fsdd}, FSDD) liquid, full and pruned by activity, on the {@code lut-lsm} accelerator
 * model (cycles, latency, energy, resources per sample) next to the measured CPU time of the
 * software engine on the same liquid and inputs, with the readout accuracy of the float engine and
 * of the fixed-point liquid that the accelerator reproduces exactly (on every sample, or the first
 * {@code --accuracy-samples}; the task's official split and time bins: 4 for digits, 8 for FSDD).
 * Prints one CSV row per liquid on standard output.
 */
@Command(
    name = "hardware",
    mixinStandardHelpOptions = true,
    description =
        "Full and pruned liquid (digits or FSDD) on the lut-lsm model vs the software engine's CPU time,"
            + " with the readout accuracy of both arithmetics.")
public final class LsmHardwareCommand implements Callable<Integer> {
  @Mixin DataOptions dataOptions;

  @Option(
      names = "--encoding",
      defaultValue = "rate",
      description = "fsdd: rate or bsa (default rate).")
  String encoding;

  @Option(
      names = "--tail",
      defaultValue = "0",
      description = "Steps simulated after each input (0: 10 for digits, 20 for fsdd).")
  int tailOption;

  @Option(names = "--liquid", defaultValue = "1000", description = "Liquid neurons (default 1000).")
  int neurons;

  @Option(
      names = "--prune",
      defaultValue = "0.25",
      description = "Kept fraction of the pruned liquid.")
  double keep;

  @Option(
      names = "--samples",
      defaultValue = "400",
      description = "Samples timed and modelled (default 400).")
  int samples;

  @Option(
      names = "--accuracy-samples",
      defaultValue = "0",
      description =
          "Samples used for the float and fixed-point accuracy (0: all; negative: skip accuracy).")
  int accuracySamples;

  @Option(
      names = "--json",
      description = "Print one JSON object as the last line of standard output.")
  boolean json;

  private final PluginRegistry registry;

  /** With the plugins of the context class loader, as picocli builds it without Guice. */
  public LsmHardwareCommand() {
    this(PluginRegistry.discover());
  }

  /** With the plugins {@code snn} was started with ({@code --plugins}, the class path). */
  @Inject
  LsmHardwareCommand(PluginRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() throws IOException {
    DataOptions.Choice choice = dataOptions.resolve("digits");
    LsmTask task =
        LsmTask.load(
            choice.dataset(), choice.dataDir(), 0, encoding, System.err::println, registry);
    int tail = tailOption > 0 ? tailOption : LiquidOnLutLsm.defaultTailSteps(task);
    LiquidOnLutLsm.Settings settings = new LiquidOnLutLsm.Settings(tail, samples, accuracySamples);
    LiquidOnLutLsm.Comparison comparison =
        LiquidOnLutLsm.fullAndPruned(task, neurons, keep, settings, System.err::println);
    System.out.println(
        "liquid,neurons,synapses,cpu_us_per_sample,hw_cycles_per_sample,hw_latency_us,"
            + "hw_energy_nj,lut,ff,bram36,dsp,sw_spikes_per_sample,hw_spikes_per_sample,accuracy_float,"
            + "accuracy_fixed_point");
    for (LiquidOnLutLsm.Row r : comparison.liquids()) {
      System.out.printf(
          Locale.ROOT,
          "%s,%d,%d,%.1f,%d,%.2f,%.1f,%d,%d,%d,%d,%.1f,%.1f,%.4f,%.4f%n",
          r.liquid(),
          r.neurons(),
          r.synapses(),
          r.cpuMicrosPerSample(),
          r.hwCyclesPerSample(),
          r.hwLatencyMicros(),
          r.hwEnergyNanojoules(),
          r.resources().get("lut"),
          r.resources().get("ff"),
          r.resources().get("bram36"),
          r.resources().get("dsp"),
          r.swSpikesPerSample(),
          r.hwSpikesPerSample(),
          r.accuracyFloat().orElse(Double.NaN),
          r.accuracyFixedPoint().orElse(Double.NaN));
    }
    if (json) {
      JsonReport.printLine(
          JsonReport.of("lsm hardware", LsmHardwareReport.of(task, encoding, settings, comparison)),
          System.out);
    }
    return 0;
  }
}
