package org.snncodesign.cli.hardware;

import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.energy.StaticPower;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.flow.measure.MeasuredWorkload;
import org.snncodesign.flow.report.FireFlyReport;
import org.snncodesign.flow.report.HardwareFigures;
import org.snncodesign.flow.search.AcceleratorLineup;
import org.snncodesign.flow.search.DesignRow;
import org.snncodesign.flow.search.EvaluationReport;
import org.snncodesign.flow.search.PricedDesign;
import org.snncodesign.fpga.firefly.FireFlyConfig;
import org.snncodesign.fpga.firefly.FireFlyEfficiency;
import org.snncodesign.fpga.resources.FpgaResources;
import org.snncodesign.fpga.search.ComparedDesign;
import org.snncodesign.fpga.search.DesignPointComparison;
import org.snncodesign.fpga.search.SearchSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code snn hw evaluate}: every accelerator plugin (or the ones named) on the same workload, side
 * by side: one inference of a trained network with its measured spike rates (see {@link
 * NetworkWorkloadOptions}). Each model appears at its default design and, when it has a design
 * space, at the least-EDP design of a quick seeded co-search on the same workload ({@link
 * DesignPointComparison}); a model that cannot run the workload is listed as declined with its
 * reason. Energies are dynamic unless {@code --include-static}; every row states its assumption.
 *
 * <p>When {@code firefly-s} is among the models, a second table puts its FPS/W next to FireFly-S's
 * published 10,047 FPS/W with one assumption changed at a time ({@link FireFlyEfficiency}):
 * spike-driven layers only, the whole network, no static power, FPGA dynamic energies ({@code
 * --fpga-energy-factor}), FPGA static power ({@code --static-power-w}) and clock ({@code
 * --clock-hz}). The last two also set the {@code firefly-s} design of the main table.
 */
@Command(
    name = "evaluate",
    aliases = "estimate",
    mixinStandardHelpOptions = true,
    description =
        "Cycles, latency, energy, EDP and resources of a workload on each accelerator model.")
public final class HwEvaluateCommand implements Callable<Integer> {
  private final PluginRegistry registry;

  @Option(
      names = {"--model", "--backend"},
      split = ",",
      description =
          "Accelerator plugins to evaluate (default: all), e.g. spikex-systolic,firefly-s "
              + "(spikex is short for spikex-systolic).")
  List<String> models = new ArrayList<>();

  @Option(
      names = "--seed",
      defaultValue = "1",
      description =
          "Seed of the default network's training (or of the "
              + "synthetic workload) and of the quick co-search.")
  long seed;

  @Mixin NetworkWorkloadOptions network;

  @Option(
      names = "--static-power-w",
      description =
          "Static power of the firefly-s design in watts (default: the "
              + "model's assumed 0.5 W).")
  Double staticPowerWatts;

  @Option(
      names = "--clock-hz",
      description = "Clock of the firefly-s design in Hz (default: 200e6).")
  Double clockHz;

  @Option(
      names = "--fpga-energy-factor",
      defaultValue = "14",
      description =
          "FPGA over ASIC dynamic energy factor of the FireFly-S comparison (default ${DEFAULT-VALUE}, "
              + "Kuon & Rose 2007).")
  double fpgaEnergyFactor;

  @Option(
      names = "--include-static",
      description =
          "Include each model's static (leakage) energy in its energy "
              + "and EDP (default: dynamic energy only; static energy is reported apart either way).")
  boolean includeStatic;

  @Option(
      names = "--measure-cpu-time",
      description =
          "Also time the cpu-gustavson kernel on this host and report "
              + "the wall time under measured_timing (its cycles stay modelled).")
  boolean measureCpuTime;

  @Option(
      names = "--budget",
      defaultValue = "zynq-7020",
      description =
          "FPGA budget of the quick co-search: zynq-7020 or zu9eg (default ${DEFAULT-VALUE}).")
  String budget;

  @Option(
      names = "--json",
      description = "Print one JSON object as the last line of standard output.")
  boolean json;

  @Inject
  public HwEvaluateCommand(PluginRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() throws java.io.IOException {
    PrintStream out = System.out;
    // Names are checked before the default network is trained, so a typo fails at once.
    AcceleratorLineup.Lineup lineup =
        new AcceleratorLineup(models, fireFlyConfig(), measureCpuTime).resolve(registry);
    FpgaResources limit = FpgaResources.device(budget);
    MeasuredWorkload measured = network.measure(seed, registry, System.err);
    Workload workload = measured.priced();
    StaticPower staticPower = StaticPower.of(includeStatic);
    EnergyTable energy = EnergyTable.HOROWITZ_45NM;
    List<ComparedDesign> designs =
        new DesignPointComparison(
                energy,
                limit,
                budget,
                SearchSettings.QUICK.withSeed(seed).withStaticPower(staticPower))
            .compare(lineup.accelerators(), workload);
    Optional<FireFlyEfficiency.Comparison> fireFly =
        lineup.fireFly().map(design -> compareWithFireFlyS(measured, design));
    EvaluationReport report =
        EvaluationReport.of(
            measured,
            network.dataset(),
            energy,
            staticPower,
            PricedDesign.priceAll(designs, List.of(workload), energy, staticPower),
            fireFly.map(comparison -> FireFlyReport.of(comparison, fpgaEnergyFactor)).orElse(null));
    // One broken model must not hide the others.
    for (DesignRow failed : report.failures()) {
      System.err.println("hw evaluate: " + failed.accelerator() + " failed: " + failed.error());
    }
    if (json) {
      JsonReport.printLine(JsonReport.of("hw evaluate", report), out);
    } else {
      print(report, out);
      fireFly.ifPresent(comparison -> print(comparison, lineup.fireFly().get(), out));
    }
    return report.failures().isEmpty() ? 0 : 1;
  }

  /** The table of designs and their notes. */
  private void print(EvaluationReport report, PrintStream out) {
    out.printf(
        "%-18s %-11s %12s %12s %14s %14s %14s %10s %8s %6s %s%n",
        "ACCELERATOR",
        "DESIGN",
        "CYCLES",
        "LATENCY_S",
        "ENERGY_PJ",
        "STATIC_PJ",
        "EDP_JS",
        "LUT",
        "BRAM36",
        "DSP",
        "BOTTLENECK");
    for (DesignRow row : report.reports()) {
      if (row.failed()) {
        continue;
      }
      HardwareFigures r = row.figures();
      if (r == null) {
        out.printf("%-18s %-11s %s%n", row.accelerator(), "-", "declined (see below)");
        continue;
      }
      out.printf(
          "%-18s %-11s %12d %12.4e %14.4e %14.4e %14.4e %10d %8d %6d %s%n",
          row.accelerator(),
          row.designPoint(),
          r.cycles(),
          r.latencyS(),
          r.energyPj(),
          r.staticPj(),
          r.edpJs(),
          r.resource("lut"),
          r.resource("bram36"),
          r.resource("dsp"),
          r.bottleneck());
    }
    out.printf(
        "%nenergies priced with %s (%s); static energy %s%n",
        report.energyModel(),
        report.technologyNode(),
        includeStatic ? "included" : "excluded from ENERGY_PJ and EDP_JS (STATIC_PJ shows it)");
    for (DesignRow row : report.reports()) {
      if (!row.failed()) {
        out.println("  " + row.note());
      }
    }
  }

  private FireFlyConfig fireFlyConfig() {
    FireFlyConfig config = FireFlyConfig.DEFAULT;
    if (staticPowerWatts != null) {
      config = config.withStaticPower(staticPowerWatts);
    }
    if (clockHz != null) {
      config = config.withClock(clockHz);
    }
    return config;
  }

  // FPS/W of firefly-s with one assumption changed at a time, next to the published figure.
  private FireFlyEfficiency.Comparison compareWithFireFlyS(
      MeasuredWorkload measured, FireFlyConfig design) {
    return FireFlyEfficiency.compare(
        measured.spikeLayersOnly().orElse(null),
        measured.priced(),
        FireFlyConfig.DEFAULT,
        EnergyTable.HOROWITZ_45NM,
        fpgaEnergyFactor,
        design.staticPowerWatts(),
        design.clockHz());
  }

  private static void print(
      FireFlyEfficiency.Comparison comparison, FireFlyConfig design, PrintStream out) {
    FireFlyEfficiency.Step dynamicFpga = comparison.dynamicFpga();
    out.printf(
        "%nfirefly-s FPS/W next to FireFly-S's published %,.0f FPS/W (one assumption changed per row):%n",
        FireFlyEfficiency.PUBLISHED_FPS_PER_WATT);
    out.printf(
        "%-26s %14s %12s %10s %14s %10s  %s%n",
        "STEP", "FPS", "DYNAMIC_W", "STATIC_W", "FPS_PER_W", "X_PAPER", "ASSUMPTION");
    for (FireFlyEfficiency.Step step : comparison.steps()) {
      out.printf(
          "%-26s %14.1f %12.4g %10.3f %14.1f %10.2f  %s%n",
          step.key(),
          step.fps(),
          step.dynamicWatts(),
          step.staticWatts(),
          step.fpsPerWatt(),
          step.overPublished(),
          step.assumption());
    }
    out.printf(
        "static power at which %s falls to %,.0f FPS/W: %.3f W%n",
        dynamicFpga.key(),
        FireFlyEfficiency.PUBLISHED_FPS_PER_WATT,
        comparison.breakEvenStaticWatts());
    out.printf(
        "frame rate at which FPGA dynamic energy + %.3f W static gives %,.0f FPS/W: %,.0f FPS "
            + "(the model runs %,.0f FPS)%n",
        design.staticPowerWatts(),
        FireFlyEfficiency.PUBLISHED_FPS_PER_WATT,
        comparison.breakEvenFps(),
        dynamicFpga.fps());
  }
}
