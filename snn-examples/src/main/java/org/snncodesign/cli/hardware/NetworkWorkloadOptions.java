package org.snncodesign.cli.hardware;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.cli.training.DigitsDemoNetwork;
import org.snncodesign.cli.training.MeasuredRun;
import org.snncodesign.cli.training.TrainingData;
import org.snncodesign.fpga.search.ReferenceWorkloads;
import org.snncodesign.learning.surrogate.SpikingNetwork;
import org.snncodesign.learning.surrogate.SpikingNetworkJson;
import picocli.CommandLine.Option;

/**
 * Which network the hardware commands price: a trained one ({@code --network model.json} from {@code snn train}),
 * run on held-out data to measure its spike rates; by default the demo's digits network, trained on the spot; or
 * the seeded synthetic MNIST-shaped MLP ({@code --synthetic}). The analog-input first layer is priced as 8 bit
 * planes of the quantised input ({@code --first-layer bit-planes}, the default) or left out ({@code excluded}); see
 * {@link MeasuredRun}.
 */
final class NetworkWorkloadOptions {
  @Option(names = "--network", description = "Trained network (model.json of snn train) whose measured spike rates "
      + "form the workload. Default: the demo's 64-128-64-10 digits network, trained in a few seconds.")
  Path network;

  @Option(names = "--dataset", defaultValue = "digits",
      description = "Held-out data the network runs on: digits (embedded) or mnist (default ${DEFAULT-VALUE}).")
  String dataset;

  @Option(names = "--data-dir", description = "Folder with the MNIST IDX files, for --dataset mnist.")
  Path dataDir;

  @Option(names = "--synthetic", description = "Price the seeded synthetic 784-500-10 MLP instead of a trained "
      + "network (--steps, --weight-density set its shape).")
  boolean synthetic;

  @Option(names = "--steps", defaultValue = "8", description = "Time steps per inference (synthetic workload).")
  int steps;

  @Option(names = "--weight-density", defaultValue = "0.15",
      description = "Fraction of non-zero weights (synthetic workload).")
  double weightDensity;

  @Option(names = "--first-layer", defaultValue = "bit-planes",
      description = "How the analog-input first layer of a trained network is priced: bit-planes (8 bit planes of "
          + "the quantised input through the spike path, once per inference) or excluded (spike-driven layers "
          + "only). Default ${DEFAULT-VALUE}.")
  String firstLayer = "bit-planes";

  /**
   * The workload priced, and the same inference without its first layer (for comparisons); equal for the synthetic
   * workload, which has no analog layer.
   *
   * @param priced what the commands price (per {@code --first-layer})
   * @param spikeLayersOnly the spike-driven layers only ({@code priced} itself when the first layer is excluded),
   *     null for a one-layer network
   * @param firstLayerNote how the first layer was treated, for reports
   */
  record Measured(Workload priced, Workload spikeLayersOnly, String firstLayerNote) {}

  /** The workload of one inference, measured where a network is run; progress goes to {@code progress}. */
  Workload workload(long seed, PrintStream progress) throws IOException {
    return measure(seed, progress).priced();
  }

  MeasuredRun.FirstLayer firstLayer() {
    return switch (firstLayer) {
      case "bit-planes" -> MeasuredRun.FirstLayer.BIT_PLANES;
      case "excluded" -> MeasuredRun.FirstLayer.EXCLUDED;
      default -> throw new InvalidInputException("unknown --first-layer '" + firstLayer
          + "': expected bit-planes or excluded");
    };
  }

  /** The workload priced and its spike-driven part; see {@link Measured}. */
  Measured measure(long seed, PrintStream progress) throws IOException {
    MeasuredRun.FirstLayer first = firstLayer();
    if (synthetic) {
      Workload workload = ReferenceWorkloads.mnistMlp(steps, weightDensity, seed);
      return new Measured(workload, workload, "synthetic spike workload: no analog layer");
    }
    SpikingNetwork trained;
    TrainingData data;
    if (network == null) {
      progress.println("training the default digits network (give --network model.json to price your own)");
      DigitsDemoNetwork demo = DigitsDemoNetwork.train(seed, progress);
      trained = demo.network();
      data = demo.data();
    } else {
      trained = SpikingNetworkJson.read(network);
      data = TrainingData.load(dataset, dataDir, seed);
    }
    MeasuredRun run = MeasuredRun.of(trained, data.testSet());
    progress.printf("measured %d held-out inferences: accuracy %.2f%%; %s%n", run.inferences(),
        100 * run.accuracy(), "first layer " + first.note());
    // A one-layer network has no spike-driven layer to compare with.
    Workload priced = run.meanInference(first);
    Workload spikeLayers = first == MeasuredRun.FirstLayer.EXCLUDED ? priced
        : trained.layers().size() > 1 ? run.meanInference(MeasuredRun.FirstLayer.EXCLUDED) : null;
    return new Measured(priced, spikeLayers, first.note());
  }
}
