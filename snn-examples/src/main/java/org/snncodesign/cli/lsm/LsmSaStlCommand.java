package org.snncodesign.cli.lsm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.learning.lsm.Liquid;
import org.snncodesign.learning.lsm.LiquidParameters;
import org.snncodesign.learning.lsm.LiquidSimulator;
import org.snncodesign.learning.stdp.SaStl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code snn lsm sastl}: SA-STL on a teacher-student task, spike-train distance against the share of trainable
 * recurrent synapses kept. The student is a liquid; the teacher is the same liquid with its synapses onto the
 * output neurons rescaled by {@code U[0.3, 2)}; the targets are the teacher outputs' spikes for a fixed Poisson
 * input (8 channels, p = 0.3 per step). Outputs are the 5 most active excitatory neurons firing fewer than 40
 * spikes. Prints one row per (seed, kept share).
 */
@Command(name = "sastl", mixinStandardHelpOptions = true,
    description = "SA-STL: van Rossum / Victor-Purpura distance to target trains vs share of synapses kept.")
public final class LsmSaStlCommand implements Callable<Integer> {
  @Option(names = "--liquid", defaultValue = "200", description = "Liquid neurons (default 200).")
  int neurons;

  @Option(names = "--steps", defaultValue = "300", description = "Steps of the presentation (default 300).")
  int steps;

  @Option(names = "--epochs", defaultValue = "100", description = "Training epochs (default 100).")
  int epochs;

  @Option(names = "--eta", defaultValue = "0.01", description = "Learning rate (default 0.01).")
  double eta;

  @Option(names = "--keep", split = ",", defaultValue = "1,0.75,0.5,0.35,0.25",
      description = "Kept shares of the trainable synapses (default 1,0.75,0.5,0.35,0.25).")
  double[] keep;

  @Option(names = "--seeds", defaultValue = "3", description = "Seeds 1..n (default 3).")
  int seeds;

  @Option(names = "--json", description = "Print one JSON object as the last line of standard output.")
  boolean json;

  public LsmSaStlCommand() {}

  @Override
  public Integer call() {
    ObjectNode report = JsonReport.create("lsm sastl");
    ArrayNode rows = report.putArray("rows");
    double[] sum = new double[keep.length];
    System.out.println("seed,keep_fraction,kept_synapses,trainable_synapses,van_rossum_start,van_rossum_end,"
        + "van_rossum_last10,victor_purpura_start,victor_purpura_end");
    for (long seed = 1; seed <= seeds; seed++) {
      Liquid liquid = Liquid.create(LiquidParameters.builder().neurons(neurons).inputChannels(8).seed(seed)
          .build());
      SpikeRaster input = new SpikeRaster(steps, 8);
      SplittableRandom random = new SplittableRandom(seed + 4);
      for (int t = 0; t < steps; t++) {
        for (int c = 0; c < 8; c++) {
          if (random.nextDouble() < 0.3) {
            input.set(t, c);
          }
        }
      }
      int[] counts = new LiquidSimulator(liquid, 0).raster(input).countsPerNeuron();
      Integer[] order = new Integer[neurons];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, (x, y) -> counts[y] - counts[x]);
      int[] outputs = new int[5];
      int found = 0;
      for (int i = 0; i < neurons && found < 5; i++) {
        if (liquid.isExcitatory(order[i]) && counts[order[i]] < 40) {
          outputs[found++] = order[i];
        }
      }
      outputs = Arrays.copyOf(outputs, found);
      Arrays.sort(outputs);
      Liquid teacher = liquid.copy();
      boolean[] isOutput = new boolean[neurons];
      for (int o : outputs) {
        isOutput[o] = true;
      }
      float[] w = teacher.recurrent().values();
      int[] columns = teacher.recurrent().columnIndices();
      for (int k = 0; k < w.length; k++) {
        if (isOutput[columns[k]]) {
          w[k] *= (float) (0.3 + 1.7 * random.nextDouble());
        }
      }
      SpikeRaster taught = new LiquidSimulator(teacher, 0).raster(input);
      SpikeRaster targets = new SpikeRaster(steps, outputs.length);
      for (int t = 0; t < steps; t++) {
        for (int o = 0; o < outputs.length; o++) {
          if (taught.get(t, outputs[o])) {
            targets.set(t, o);
          }
        }
      }
      for (int i = 0; i < keep.length; i++) {
        SaStl.Settings settings = new SaStl.Settings(epochs, eta, 0.05, 10, keep[i], 2, 5, 0.2);
        SaStl.Result r = new SaStl(settings).train(liquid, outputs, input, targets);
        double last = r.meanVanRossumOfLast(10);
        sum[i] += last / seeds;
        System.out.printf(Locale.ROOT, "%d,%.2f,%d,%d,%.4f,%.4f,%.4f,%.3f,%.3f%n", seed, keep[i],
            r.keptSynapses(), r.trainableSynapses(), r.vanRossum().get(0), r.finalVanRossum(), last,
            r.victorPurpura().get(0), r.finalVictorPurpura());
        ObjectNode row = rows.addObject();
        row.put("seed", seed);
        row.put("keep_fraction", keep[i]);
        row.put("kept_synapses", r.keptSynapses());
        row.put("trainable_synapses", r.trainableSynapses());
        row.put("van_rossum_last10", last);
        row.put("victor_purpura_end", r.finalVictorPurpura());
      }
    }
    ArrayNode means = report.putArray("mean_van_rossum_last10");
    for (double s : sum) {
      means.add(s);
    }
    if (json) {
      JsonReport.printLine(report, System.out);
    }
    return 0;
  }
}
