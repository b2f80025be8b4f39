package org.snncodesign.flow.graph;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.neuron.Discretization;
import org.snncodesign.flow.training.TrainRunReport;
import org.snncodesign.learning.surrogate.SpikingNetwork;
import org.snncodesign.learning.surrogate.SpikingNetworkGraphs;
import org.snncodesign.neurons.graph.GraphClassifier;
import org.snncodesign.neurons.graph.GraphSimulator;
import org.snncodesign.nir.NirReader;
import org.snncodesign.nir.NirWriter;

/**
 * {@code snn train --export-nir}: writes the trained network as a NIR file, reads the file back and
 * classifies the test set with the re-imported graph on the event-driven engine, so the report
 * shows that the export runs as trained.
 */
public final class NirExport {
  private NirExport() {}

  /**
   * Writes {@code network} to {@code file}, reads it back and classifies {@code test} with it on
   * the engine.
   */
  public static TrainRunReport.NirCheck writeAndCheck(
      SpikingNetwork network, double dt, Path file, LabeledDataset test, PrintStream progress)
      throws IOException {
    new NirWriter().write(SpikingNetworkGraphs.toGraph(network, dt), file);
    NetworkGraph imported = new NirReader().read(file);
    GraphSimulator simulator =
        GraphSimulator.builder(imported, Discretization.forwardEuler(dt)).build();
    progress.printf(
        "wrote %s; classifying %d test samples with the re-imported graph on the engine ...%n",
        file, test.samples());
    GraphClassifier.Result result =
        GraphClassifier.evaluate(
            simulator,
            test,
            GraphClassifier.timeSteps(imported, network.timesteps()),
            GraphClassifier.Scoring.of(imported),
            test.samples());
    return new TrainRunReport.NirCheck(
        file.toString(), dt, "forward-euler", result.accuracy(), result.samples());
  }
}
