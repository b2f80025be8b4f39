package com.example.snn;

import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.flow.measure.MeasuredRun;
import org.snncodesign.flow.training.DigitsDemoNetwork;

/** The co-design loop of {@code snn demo} from a user's own project: train, measure, price. */
public final class Quickstart {
  public static void main(String[] args) {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
    // Train 64-128-64-10 LIF on the embedded digits: gradient rewiring to 80 % sparsity, 4-bit LSQ weights.
    DigitsDemoNetwork trained = DigitsDemoNetwork.train(seed, System.out);
    // Run the held-out digits, recording every spike; the pixel layer is priced as 8 bit planes.
    MeasuredRun run = MeasuredRun.of(trained.network(), trained.data().testSet());
    Workload workload = run.meanInference(MeasuredRun.FirstLayer.BIT_PLANES);
    System.out.printf("accuracy %.2f %% over %d held-out digits%n", 100 * run.accuracy(), run.inferences());
    // Price the measured inference on every accelerator model found.
    for (Accelerator accelerator : PluginRegistry.discover().providers(Accelerator.class)) {
      if (accelerator.mapping(workload).supported()) { // lut-lsm declines: it runs liquids, not this MLP
        HardwareReport report = accelerator.evaluate(workload, EnergyTable.HOROWITZ_45NM);
        System.out.printf("%-18s %,12d cycles %12.4e pJ %12.4e J s%n", report.accelerator(), report.cycles(),
            report.energyPicojoules(), report.energyDelayProduct());
      }
    }
  }
}
