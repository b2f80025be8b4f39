package org.snncodesign.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.hardware.WorkloadMapping;
import org.snncodesign.api.neuron.Discretization;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.neurons.graph.GraphRecording;
import org.snncodesign.neurons.graph.GraphSimulator;
import org.snncodesign.neurons.graph.GraphWorkloads;
import org.snncodesign.neurons.graph.Stimulus;
import org.snncodesign.nir.NirReader;

/**
 * A network from snnTorch, Norse, Sinabs, ... (a NIR file) run on the engine with random input
 * spikes, and its measured inference priced on every accelerator plugin.
 *
 * <pre>
 * java -cp snn-examples/target/snn.jar org.snncodesign.examples.ImportNirAndPrice FILE.nir DT_SECONDS
 * </pre>
 *
 * <p>Any NIR file will do, e.g. one that {@code snn train --export-nir digits.nir} writes.
 */
public final class ImportNirAndPrice {
  private ImportNirAndPrice() {}

  /**
   * Runs the example.
   *
   * @param args the NIR file, then the time step in seconds
   * @throws IOException when the file cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: ImportNirAndPrice FILE.nir DT_SECONDS");
      System.exit(2);
    }
    NetworkGraph graph = new NirReader().read(Path.of(args[0]));
    GraphSimulator simulator =
        GraphSimulator.builder(graph, Discretization.forwardEuler(Double.parseDouble(args[1])))
            .build();
    String input = graph.inputNames().get(0);
    int width = graph.outputShape(input).size();
    List<GraphRecording> runs = new ArrayList<>();
    for (int sample = 0; sample < 8; sample++) {
      runs.add(simulator.run(Map.of(input, Stimulus.bernoulli(width, 200, 0.1, sample))));
    }
    Workload workload =
        GraphWorkloads.meanInference(
            simulator, runs, args[0], GraphWorkloads.AnalogInput.EXCLUDED, 32);
    System.out.printf(
        "%s: %d neurons, %d spike-driven projections%n",
        args[0], graph.neuronCount(), workload.layers().size());
    for (Accelerator accelerator : PluginRegistry.discover().providers(Accelerator.class)) {
      WorkloadMapping mapping = accelerator.mapping(workload);
      if (!mapping
          .supported()) { // e.g. lut-lsm runs one recurrent liquid, not a feed-forward network
        System.out.printf("%-18s declines: %s%n", accelerator.name(), mapping.statement());
        continue;
      }
      HardwareReport report = accelerator.evaluate(workload, EnergyTable.HOROWITZ_45NM);
      System.out.printf(
          "%-18s %,12d cycles %12.4e pJ%n",
          report.accelerator(), report.cycles(), report.energyPicojoules());
    }
  }
}
