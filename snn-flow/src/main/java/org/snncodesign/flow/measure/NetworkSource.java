package org.snncodesign.flow.measure;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.snncodesign.api.Checks;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.flow.data.DatasetHash;
import org.snncodesign.flow.data.IdxDataset;
import org.snncodesign.flow.data.TrainingData;
import org.snncodesign.flow.training.DigitsDemoNetwork;
import org.snncodesign.learning.surrogate.SpikingNetworkJson;

/**
 * Which network a hardware step prices, as data: a trained network run on its held-out data ({@link
 * Trained}), the seeded synthetic MLP ({@link Synthetic}), or another source of the caller's (a NIR
 * graph run on the engine).
 */
public interface NetworkSource {

  /**
   * The workload of one inference, measured where a network is run, the plugins it names (a trained
   * network's neuron model) found in {@code registry}; progress goes to {@code progress}.
   *
   * @param seed seed of the synthetic weights, of the default network's training and of the split
   * @throws IOException when the network or its data set cannot be read
   */
  MeasuredWorkload measure(
      long seed, MeasuredRun.FirstLayer firstLayer, PluginRegistry registry, PrintStream progress)
      throws IOException;

  /**
   * The data set the network runs on, for reports; empty when there is none (synthetic weights and
   * spikes).
   *
   * @throws IOException when an IDX data set's files cannot be read for their hash
   */
  Optional<Dataset> reportedDataset() throws IOException;

  /**
   * The seeded synthetic MNIST-shaped 784-500-10 MLP ({@link MeasuredWorkload#synthetic}).
   *
   * @param steps time steps per inference, at least 1
   * @param weightDensity fraction of non-zero weights, in [0, 1]
   */
  record Synthetic(int steps, double weightDensity) implements NetworkSource {
    /** Checks the shape. */
    public Synthetic {
      Checks.positive(steps, "steps");
      Checks.checkArgument(
          weightDensity >= 0 && weightDensity <= 1,
          "the weight density must be in [0, 1], got %s",
          weightDensity);
    }

    @Override
    public MeasuredWorkload measure(
        long seed,
        MeasuredRun.FirstLayer firstLayer,
        PluginRegistry registry,
        PrintStream progress) {
      return MeasuredWorkload.synthetic(steps, weightDensity, seed);
    }

    @Override
    public Optional<Dataset> reportedDataset() {
      return Optional.empty();
    }
  }

  /**
   * A trained network run on the held-out part of its data set.
   *
   * @param network the network's JSON ({@code model.json} of {@code snn train}), or null for the
   *     demo's digits network, trained on the spot from the seed ({@link DigitsDemoNetwork})
   * @param dataset the data set's name for {@link TrainingData#load} ({@code digits} with the
   *     default network)
   * @param dataDir the folder of an IDX data set or the file of a data-set plugin's, null for the
   *     embedded digits
   */
  record Trained(Path network, String dataset, Path dataDir) implements NetworkSource {
    /** Checks that the data set is named. */
    public Trained {
      Checks.checkArgument(dataset != null, "a trained network needs its data set's name");
    }

    /** The demo's digits network, trained on the spot from the seed. */
    public static Trained defaultDigits() {
      return new Trained(null, "digits", null);
    }

    @Override
    public MeasuredWorkload measure(
        long seed, MeasuredRun.FirstLayer firstLayer, PluginRegistry registry, PrintStream progress)
        throws IOException {
      if (network == null) {
        progress.println(
            "training the default digits network (give --network model.json to price your own)");
        DigitsDemoNetwork demo = DigitsDemoNetwork.train(seed, progress);
        return MeasuredWorkload.of(demo.network(), demo.data().testSet(), firstLayer, progress);
      }
      return MeasuredWorkload.of(
          SpikingNetworkJson.read(network, registry),
          TrainingData.load(dataset, dataDir, seed, registry).testSet(),
          firstLayer,
          progress);
    }

    @Override
    public Optional<Dataset> reportedDataset() throws IOException {
      return Optional.of(
          network == null ? new Dataset("digits", null, null) : Dataset.of(dataset, dataDir));
    }
  }

  /**
   * A data set as reports name it.
   *
   * @param name its name ({@code digits}, {@code mnist}, an {@code idx:NAME} set's NAME, a data-set
   *     plugin's)
   * @param sha256 SHA-256 of the files read ({@link DatasetHash#of}), null for the embedded digits
   * @param data the file a data-set plugin read, else null
   */
  record Dataset(String name, String sha256, String data) {
    /** Checks that the name is given. */
    public Dataset {
      Checks.checkArgument(name != null, "a data set needs its name");
    }

    /**
     * Data set {@code dataset} of {@link TrainingData#load} in {@code dataDir}, with the hash of
     * the files read ({@link DatasetHash#of}).
     *
     * @throws IOException when the data set's files cannot be read
     */
    public static Dataset of(String dataset, Path dataDir) throws IOException {
      String sha256 = DatasetHash.of(dataset, dataDir);
      if (IdxDataset.names(dataset)) {
        return new Dataset(IdxDataset.of(dataset, dataDir).name(), sha256, null);
      }
      return new Dataset(dataset, sha256, dataDir == null ? null : dataDir.toString());
    }
  }
}
