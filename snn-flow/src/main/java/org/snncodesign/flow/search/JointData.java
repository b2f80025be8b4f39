package org.snncodesign.flow.search;

import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.datasets.split.DatasetSplit;
import org.snncodesign.datasets.split.DatasetSplitter;
import org.snncodesign.flow.data.TrainingData;
import org.snncodesign.learning.surrogate.SpikingNetwork;

/**
 * What a joint search prepares from a trained network and its data, the same on every JVM for the
 * same settings: the held-out data cut in two halves (stratified, seeded), the variants run on the
 * validation half, the reported accuracies measured on the other.
 *
 * @param name the network's name: its data set and layer sizes, e.g. {@code digits 64-128-64-10}
 * @param trained the unmodified network
 * @param validation the half the variants are run on
 * @param test the half the search never sees
 * @param networks the network genes over the validation half
 */
record JointData(
    String name,
    SpikingNetwork trained,
    LabeledDataset validation,
    LabeledDataset test,
    CompressedNetworkSpace networks) {

  static JointData of(CoDesignSearch.Settings settings, SpikingNetwork trained, TrainingData data) {
    long seed = settings.search().seed();
    DatasetSplit halves = DatasetSplitter.stratified(data.testSet(), 0.5, 0, seed);
    LabeledDataset validation = renamed(halves.train(), data.name() + "-validation");
    LabeledDataset test = renamed(halves.test(), data.name() + "-test-half");
    String name = data.name() + " " + describe(trained);
    return new JointData(
        name,
        trained,
        validation,
        test,
        new CompressedNetworkSpace(
            name,
            trained,
            validation,
            settings.firstLayer(),
            data,
            settings.fineTuneEpochs(),
            seed));
  }

  private static LabeledDataset renamed(LabeledDataset data, String name) {
    return new LabeledDataset(
        name, data.shape(), data.features(), data.labels(), data.classNames());
  }

  /** {@code 64-128-64-10}: the layer sizes. */
  private static String describe(SpikingNetwork trained) {
    StringBuilder s = new StringBuilder();
    for (int size : trained.sizes()) {
      s.append(s.length() == 0 ? "" : "-").append(size);
    }
    return s.toString();
  }
}
