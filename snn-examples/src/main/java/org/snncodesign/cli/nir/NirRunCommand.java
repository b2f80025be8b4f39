package org.snncodesign.cli.nir;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.cli.options.RecordedCells;
import org.snncodesign.cli.report.SelfStaged;
import org.snncodesign.flow.graph.GraphRunReport;
import org.snncodesign.flow.graph.RecordingCsv;
import org.snncodesign.flow.report.StagedOutput;
import org.snncodesign.neurons.graph.GraphRecording;
import org.snncodesign.neurons.graph.GraphSimulator;
import org.snncodesign.neurons.graph.Stimulus;
import org.snncodesign.nir.NirReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code snn nir run FILE}: simulates a NIR graph on the engine with an input from a CSV file (one
 * row per step) or random spikes, and writes every spike, the neuron voltages and the Output values
 * as CSV ({@link RecordingCsv}).
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Simulate a NIR graph on the engine; write spikes.csv, voltages.csv and output.csv.")
public final class NirRunCommand implements Callable<Integer>, SelfStaged {
  /** Voltage values above which voltages.csv is skipped unless asked for (about 1 GB of text). */
  static final long VOLTAGE_VALUE_LIMIT = 20_000_000L;

  private final PluginRegistry registry;

  @Parameters(index = "0", paramLabel = "FILE", description = "A .nir file.")
  Path file;

  @Mixin GraphStimulusOptions stimulus;

  @Mixin GraphSimulationOptions simulation;

  @Option(names = "--no-voltages", description = "Do not record or write voltages.csv.")
  boolean noVoltages;

  @Option(
      names = "--out",
      defaultValue = "snn-out/nir-run",
      description = "Output folder. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(
      names = "--json",
      description = "Print one JSON object as the last line of standard output.")
  boolean json;

  @Inject
  public NirRunCommand(PluginRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() throws IOException {
    try (StagedOutput output = StagedOutput.to(out)) {
      return run(output);
    }
  }

  private int run(StagedOutput output) throws IOException {
    NetworkGraph graph = new NirReader().read(file);
    String input = GraphStimulusOptions.singleInput(graph, file);
    Stimulus drive = stimulus.stimulus(graph.outputShape(input).size());
    RecordedCells.check(graph.neuronCount(), drive.neurons(), 1, drive.timeSteps());
    long voltageValues = RecordedCells.voltageValues(graph.neuronCount(), drive.timeSteps());
    boolean voltages = !noVoltages && voltageValues <= VOLTAGE_VALUE_LIMIT;
    if (!noVoltages && !voltages) {
      System.err.printf(
          "nir run: %,d voltage values exceed %,d; voltages.csv is skipped (give --no-voltages to "
              + "silence this)%n",
          voltageValues, VOLTAGE_VALUE_LIMIT);
    }
    GraphSimulator simulator = simulation.simulator(graph, registry, voltages);
    System.err.printf(
        "running %s: %d steps of dt = %s s (%s)%n",
        file, drive.timeSteps(), simulator.discretization().dt(), simulation.integrationName());
    GraphRecording recording = simulator.run(Map.of(input, drive));
    Map<String, GraphRunReport.NodeSpikes> spikes =
        GraphRunReport.byNode(RecordingCsv.writeSpikes(recording, output.file("spikes.csv")));
    if (voltages) {
      RecordingCsv.writeVoltages(recording, output.file("voltages.csv"));
    }
    RecordingCsv.writeOutputs(recording, output.file("output.csv"));
    output.commit();
    GraphRunReport report =
        new GraphRunReport(
            file.toString(),
            simulator.discretization().dt(),
            simulation.integrationName(),
            simulator.neuronModels(),
            recording.timeSteps(),
            drive.isSpikes() ? "spikes" : "analog values",
            recording.synapticEvents(),
            spikes,
            out.toString());
    PrintStream stdout = System.out;
    if (json) {
      JsonReport.printLine(JsonReport.of("nir run", report), stdout);
    } else {
      stdout.printf(
          "%d steps of %s s; spikes per node: %s; written to %s%n",
          recording.timeSteps(),
          simulator.discretization().dt(),
          JsonReport.mapper().writeValueAsString(spikes),
          out);
    }
    return 0;
  }
}
