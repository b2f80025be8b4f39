package org.snncodesign.cli.hardware;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.cli.JsonReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code snn hw evaluate}: every accelerator plugin (or the ones named) on the same workload, side by side: one
 * inference of a trained network with its measured spike rates (see {@link NetworkWorkloadOptions}).
 */
@Command(name = "evaluate", aliases = "estimate", mixinStandardHelpOptions = true,
    description = "Cycles, latency, energy, EDP and resources of a workload on each accelerator model.")
public final class HwEvaluateCommand implements Callable<Integer> {
  private final PluginRegistry registry;

  @Option(names = {"--model", "--backend"}, split = ",",
      description = "Accelerator plugins to evaluate (default: all), e.g. spikex-systolic,firefly-s.")
  List<String> models = new ArrayList<>();



  @Option(names = "--seed", defaultValue = "1", description = "Seed of the default network's training, or of the synthetic workload.")
  long seed;

  @Mixin NetworkWorkloadOptions network;

  @Option(names = "--json", description = "Print one JSON object as the last line of standard output.")
  boolean json;

  @Inject
  public HwEvaluateCommand(PluginRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() throws java.io.IOException {
    PrintStream out = System.out;
    Workload workload = network.workload(seed, System.err);
    List<Accelerator> accelerators = new ArrayList<>();
    if (models.isEmpty()) {
      accelerators.addAll(registry.providers(Accelerator.class));
    } else {
      for (String name : models) {
        accelerators.add(registry.require(Accelerator.class, name));
      }
    }
    ObjectNode report = JsonReport.create("hw evaluate");
    report.put("workload", workload.name());
    report.put("energy_model", EnergyTable.HOROWITZ_45NM.name());
    ArrayNode rows = report.putArray("reports");
    if (!json) {
      out.printf("%-18s %12s %12s %14s %14s %10s %10s %8s %6s %s%n", "ACCELERATOR", "CYCLES", "LATENCY_S",
          "ENERGY_PJ", "EDP_JS", "LUT", "FF", "BRAM36", "DSP", "BOTTLENECK");
    }
    int failures = 0;
    for (Accelerator accelerator : accelerators) {
      HardwareReport r;
      try {
        r = accelerator.evaluate(workload, EnergyTable.HOROWITZ_45NM);
      } catch (RuntimeException e) {
        // One broken model must not hide the others.
        failures++;
        System.err.println("hw evaluate: " + accelerator.name() + " failed: " + e.getMessage());
        ObjectNode failed = rows.addObject();
        failed.put("accelerator", accelerator.name());
        failed.put("error", String.valueOf(e.getMessage()));
        continue;
      }
      rows.add(HwJson.report(r));
      if (!json) {
        out.printf("%-18s %12d %12.4e %14.4e %14.4e %10d %10d %8d %6d %s%n", r.accelerator(), r.cycles(),
            r.latencySeconds(), r.energyPicojoules(), r.energyDelayProduct(), r.resources().getOrDefault("lut", 0L),
            r.resources().getOrDefault("ff", 0L), r.resources().getOrDefault("bram36", 0L),
            r.resources().getOrDefault("dsp", 0L), r.bottleneck());
      }
    }
    if (json) {
      JsonReport.printLine(report, out);
    }
    return failures == 0 ? 0 : 1;
  }
}
