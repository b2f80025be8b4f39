package org.snncodesign.cli.hardware;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.coding.SpikeEncoder;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.cli.data.DataOptions;
import org.snncodesign.cli.nir.GraphSimulationOptions;
import org.snncodesign.cli.options.RecordedCells;
import org.snncodesign.flow.data.TrainingData;
import org.snncodesign.flow.graph.GraphMeasurement;
import org.snncodesign.flow.measure.MeasuredRun;
import org.snncodesign.flow.measure.MeasuredWorkload;
import org.snncodesign.flow.measure.NetworkSource;
import org.snncodesign.flow.report.DatasetName;
import org.snncodesign.neurons.graph.GraphSimulator;
import org.snncodesign.neurons.graph.Stimulus;
import org.snncodesign.nir.NirReader;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Which network the hardware commands price: a trained one ({@code --network model.json} from
 * {@code snn train}), run on held-out data to measure its spike rates; by default the demo's digits
 * network, trained on the spot; or the seeded synthetic MNIST-shaped MLP ({@code --synthetic}). The
 * analog-input first layer is priced as 8 bit planes of the quantised input ({@code --first-layer
 * bit-planes}, the default) or left out ({@code excluded}); see {@link MeasuredRun}. The measuring
 * itself is the library's ({@link MeasuredWorkload}, {@link GraphMeasurement}).
 */
final class NetworkWorkloadOptions {
  /** Bits of a graph's weights: NIR stores floats. */
  private static final int FLOAT_BITS = 32;

  /** Bounds checked before any stimulus is allocated. */
  private static final int MAX_SAMPLES = 100_000;

  private static final int MAX_STEPS = 100_000;

  @Option(
      names = "--network",
      description =
          "Trained network (model.json of snn train) whose measured spike rates "
              + "form the workload. Default: the demo's 64-128-64-10 digits network, trained in a few seconds.")
  Path network;

  @Mixin DataOptions dataOptions;

  @Option(
      names = "--synthetic",
      description =
          "Price the seeded synthetic 784-500-10 MLP instead of a trained "
              + "network (--steps, --weight-density set its shape).")
  boolean synthetic;

  @Option(
      names = "--steps",
      defaultValue = "8",
      description =
          "Time steps per inference (synthetic workload, or --nir). Default: ${DEFAULT-VALUE}.")
  int steps;

  @Option(
      names = "--weight-density",
      defaultValue = "0.15",
      description = "Fraction of non-zero weights (synthetic workload).")
  double weightDensity;

  @Option(
      names = "--nir",
      paramLabel = "FILE",
      description =
          "Price a NIR graph (from snnTorch, Norse, Sinabs, ... or snn train/convert --export-nir): run it "
              + "on the engine, on --samples inferences of --dataset (constant analog input for --steps steps) or of "
              + "random spikes at --input-rate, and price the measured rates.")
  Path nir;

  @Option(
      names = "--input-rate",
      paramLabel = "P",
      description =
          "With --nir: drive the Input with random spikes, each input spiking with probability P per step, "
              + "instead of the data set.")
  Double inputRate;

  @Option(
      names = "--coding",
      paramLabel = "PLUGIN",
      description =
          "With --nir and a data set: encode each sample into spikes with this coding plugin (rate, "
              + "ttfs, phase, burst, ...; see snn plugins) instead of holding it as a constant analog input.")
  String coding;

  @Option(
      names = "--samples",
      defaultValue = "32",
      description =
          "With --nir: inferences measured (data set samples or random stimuli). Default: ${DEFAULT-VALUE}.")
  int samples;

  @Mixin GraphSimulationOptions simulation;

  @Option(
      names = "--first-layer",
      defaultValue = "bit-planes",
      description =
          "How the analog-input first layer of a trained network is priced: bit-planes (8 bit planes of "
              + "the quantised input through the spike path, once per inference) or excluded (spike-driven layers "
              + "only). Default ${DEFAULT-VALUE}.")
  String firstLayer = "bit-planes";

  MeasuredRun.FirstLayer firstLayer() {
    return switch (firstLayer) {
      case "bit-planes" -> MeasuredRun.FirstLayer.BIT_PLANES;
      case "excluded" -> MeasuredRun.FirstLayer.EXCLUDED;
      default ->
          throw new InvalidInputException(
              "unknown --first-layer '" + firstLayer + "': expected bit-planes or excluded");
    };
  }

  /** The data set the network runs on: {@code --dataset} (digits by default) or {@code --data}. */
  private DataOptions.Choice data() {
    return dataOptions.resolve("digits");
  }

  /**
   * The network the options name: a NIR graph run on the engine ({@code --nir}), the synthetic MLP
   * ({@code --synthetic}), or a trained network ({@code --network} on {@code --dataset} or {@code
   * --data}, by default the demo's digits network, trained on the spot).
   */
  NetworkSource source() {
    if (nir != null) {
      return new NirGraph();
    }
    if (synthetic) {
      return new NetworkSource.Synthetic(steps, weightDensity);
    }
    return network == null
        ? NetworkSource.Trained.defaultDigits()
        : new NetworkSource.Trained(network, data().dataset(), data().dataDir());
  }

  /**
   * The data set the network runs on ({@link NetworkSource.Dataset} as a {@link DatasetName}: its
   * name, the hash of an IDX folder, a plugin's file); null for the synthetic or random-spike
   * workloads.
   */
  DatasetName dataset() throws IOException {
    return source()
        .reportedDataset()
        .map(data -> new DatasetName(data.name(), data.sha256(), data.data()))
        .orElse(null);
  }

  /**
   * The workload priced and its spike-driven part, from the network the options name, its plugins
   * (neuron models, codings) found in {@code registry}.
   */
  MeasuredWorkload measure(long seed, PluginRegistry registry, PrintStream progress)
      throws IOException {
    return source().measure(seed, firstLayer(), registry, progress);
  }

  /** {@code --nir}: a NIR graph run on the engine, on data set samples or random spikes. */
  private final class NirGraph implements NetworkSource {
    @Override
    public MeasuredWorkload measure(
        long seed, MeasuredRun.FirstLayer first, PluginRegistry registry, PrintStream progress)
        throws IOException {
      return measureGraph(seed, registry, progress, first);
    }

    @Override
    public Optional<Dataset> reportedDataset() throws IOException {
      return inputRate != null
          ? Optional.empty()
          : Optional.of(Dataset.of(data().dataset(), data().dataDir()));
    }

    @Override
    public String toString() {
      return "NIR graph " + nir;
    }
  }

  /** A NIR graph run on the engine: the mean inference over the measured samples. */
  private MeasuredWorkload measureGraph(
      long seed, PluginRegistry registry, PrintStream progress, MeasuredRun.FirstLayer first)
      throws IOException {
    if (synthetic || network != null) {
      throw new InvalidInputException("--nir cannot be combined with --synthetic or --network");
    }
    if (samples < 1 || samples > MAX_SAMPLES) {
      throw new InvalidInputException("--samples " + samples + ": expected 1 to " + MAX_SAMPLES);
    }
    if (steps < 1 || steps > MAX_STEPS) {
      throw new InvalidInputException("--steps " + steps + ": expected 1 to " + MAX_STEPS);
    }
    NetworkGraph graph = new NirReader().read(nir);
    int width;
    try {
      width = graph.outputShape(GraphMeasurement.singleInput(graph)).size();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(nir + ": " + e.getMessage());
    }
    // Every inference's recording is kept until the mean is taken.
    RecordedCells.check(graph.neuronCount(), width, samples, steps);
    GraphSimulator simulator = simulation.simulator(graph, registry, false);
    List<Stimulus> stimuli;
    String source;
    if (inputRate != null) {
      if (!(inputRate >= 0 && inputRate <= 1)) {
        throw new InvalidInputException(
            "--input-rate " + inputRate + ": expected a probability in [0, 1]");
      }
      stimuli = GraphMeasurement.randomSpikes(graph, samples, steps, inputRate, seed);
      source = "random input spikes at rate " + inputRate;
    } else {
      LabeledDataset test =
          TrainingData.load(data().dataset(), data().dataDir(), seed, registry).testSet();
      try {
        stimuli =
            coding == null
                ? GraphMeasurement.dataSamples(graph, test, samples, steps)
                : GraphMeasurement.encodedSamples(
                    graph,
                    test,
                    registry.require(SpikeEncoder.class, coding),
                    samples,
                    steps,
                    seed);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(
            nir
                + ": "
                + e.getMessage()
                + "; give --input-rate P to drive it with "
                + "random spikes, or a data set of that size");
      }
      source =
          data().dataset()
              + " test samples "
              + (coding == null ? "as constant input" : "in " + coding + " coding");
    }
    progress.printf(
        "running %s on %d inferences of %d steps (dt = %s s, %s; %s)%n",
        nir.getFileName(),
        stimuli.size(),
        steps,
        simulator.discretization().dt(),
        simulation.integrationName(),
        source);
    return GraphMeasurement.measure(
        simulator,
        stimuli,
        nir.getFileName().toString(),
        first,
        Optional.ofNullable(coding),
        FLOAT_BITS);
  }
}
