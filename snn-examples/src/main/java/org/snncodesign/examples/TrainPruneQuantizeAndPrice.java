package org.snncodesign.examples;

import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.flow.measure.MeasuredRun;
import org.snncodesign.flow.training.DigitsDemoNetwork;

/**
 * The co-design loop of {@code snn demo} as a library user writes it: train a 64-128-64-10 LIF network on the
 * embedded UCI digits with surrogate gradients while gradient rewiring prunes 80 % of the weights and LSQ
 * quantises them to 4 bits; run the held-out digits recording every spike; price the measured inference on every
 * accelerator plugin found.
 *
 * <pre>java -cp snn-examples/target/snn.jar org.snncodesign.examples.TrainPruneQuantizeAndPrice [seed]</pre>
 */
public final class TrainPruneQuantizeAndPrice {
  private TrainPruneQuantizeAndPrice() {}

  public static void main(String[] args) {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
    DigitsDemoNetwork trained = DigitsDemoNetwork.train(seed, System.out);
    MeasuredRun run = MeasuredRun.of(trained.network(), trained.data().testSet());
    // The first layer takes pixels, not spikes: it is priced as 8 bit planes through the spike path.
    Workload workload = run.meanInference(MeasuredRun.FirstLayer.BIT_PLANES);
    System.out.printf("accuracy %.2f %% over %d held-out digits%n", 100 * run.accuracy(), run.inferences());
    for (Accelerator accelerator : PluginRegistry.discover().providers(Accelerator.class)) {
      HardwareReport report = accelerator.evaluate(workload, EnergyTable.HOROWITZ_45NM);
      System.out.printf("%-18s %,12d cycles %12.4e pJ %12.4e J s%n", report.accelerator(), report.cycles(),
          report.energyPicojoules(), report.energyDelayProduct());
    }
  }
}
