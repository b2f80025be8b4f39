package org.snncodesign.examples;

import java.io.IOException;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.flow.lsm.LsmStudy;
import org.snncodesign.flow.lsm.LsmTask;
import org.snncodesign.learning.lsm.pruning.PruningPoint;

/**
 * A liquid state machine on the embedded digits (each image fed row by row as spikes into a random
 * recurrent liquid of 300 LIF neurons, a ridge readout on its binned spike counts), pruned to half
 * its neurons by their activity and read out again: size against accuracy, before and after.
 *
 * <pre>java -cp snn-examples/target/snn.jar org.snncodesign.examples.PruneLiquidStateMachine [seed]
 * </pre>
 */
public final class PruneLiquidStateMachine {
  private PruneLiquidStateMachine() {}

  /**
   * Runs the example.
   *
   * @param args an optional seed (default 1)
   * @throws IOException never for the embedded digits
   */
  public static void main(String[] args) throws IOException {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
    LsmTask digits = LsmTask.digits(null, 0);
    // The neuron model and a learning rule for the input synapses are plugins, taken by name from
    // the registry.
    LsmStudy.Settings settings =
        LsmStudy.Settings.builder().neurons(300).neuronModel("lif").keep(0.5).seed(seed).build();
    LsmStudy.Official study =
        LsmStudy.run(digits, settings, PluginRegistry.discover(), line -> {}).official();
    System.out.printf(
        "%s: %d training and %d test samples (%s)%n",
        digits.name(), study.trainSamples(), study.testSamples(), study.split());
    print("liquid", study.before());
    print("pruned", study.after());
  }

  private static void print(String label, PruningPoint point) {
    System.out.printf(
        "%s: %3d neurons, %,6d synapses, %,8d bytes, %.1f %% test accuracy%n",
        label,
        point.size().neurons(),
        point.size().synapses(),
        point.size().bytes(),
        100 * point.testAccuracy());
  }
}
