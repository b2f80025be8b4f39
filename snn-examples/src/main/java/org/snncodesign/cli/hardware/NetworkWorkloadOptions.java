package org.snncodesign.cli.hardware;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
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
 * the seeded synthetic MNIST-shaped MLP ({@code --synthetic}).
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

  /** The workload of one inference, measured where a network is run; progress goes to {@code progress}. */
  Workload workload(long seed, PrintStream progress) throws IOException {
    if (synthetic) {
      return ReferenceWorkloads.mnistMlp(steps, weightDensity, seed);
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
        100 * run.accuracy(), "first layer " + MeasuredRun.FIRST_LAYER_NOTE);
    return run.meanInference();
  }
}
