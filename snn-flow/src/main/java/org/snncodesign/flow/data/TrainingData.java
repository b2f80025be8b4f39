package org.snncodesign.flow.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.snncodesign.api.Checks;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.datasets.digits.EmbeddedDigits;
import org.snncodesign.datasets.encoding.MinMaxScaling;
import org.snncodesign.datasets.idx.IdxReader;
import org.snncodesign.datasets.split.DatasetSplit;
import org.snncodesign.datasets.split.DatasetSplitter;

/**
 * A train / test split with features scaled to [0, 1], ready for the trainer.
 *
 * @param name data set name
 * @param inputs values per sample
 * @param classes number of classes
 * @param trainFeatures row-major training samples
 * @param trainLabels training labels
 * @param testFeatures row-major test samples
 * @param testLabels test labels
 */
public record TrainingData(
    String name,
    int inputs,
    int classes,
    float[] trainFeatures,
    int[] trainLabels,
    float[] testFeatures,
    int[] testLabels) {

  /**
   * Per class, the share of the samples that trains when a data-set plugin's files keep no test
   * part apart (the rest tests); the embedded digits are split the same way.
   */
  public static final double TRAIN_FRACTION = 0.8;

  /**
   * {@code digits} (embedded, {@code dataDir} unused), an IDX folder ({@code mnist}, {@code
   * fashion-mnist} or {@code idx:NAME}, see {@link IdxDataset}) in {@code dataDir}, or else the
   * file or folder {@code dataDir} read by the data-set plugin named {@code dataset} (see {@link
   * #plugin}), looked up among the plugins of the context class loader.
   *
   * @throws InvalidInputException naming the data set, the missing folder or the plugins there are
   */
  public static TrainingData load(String dataset, Path dataDir, long seed) throws IOException {
    return load(dataset, dataDir, seed, PluginRegistry::discover);
  }

  /**
   * As {@link #load(String, Path, long)}, with data-set plugins looked up in {@code plugins} (such
   * as a registry over plugin jars outside the class path, {@link
   * org.snncodesign.api.plugin.PluginJars}).
   */
  public static TrainingData load(String dataset, Path dataDir, long seed, PluginRegistry plugins)
      throws IOException {
    Checks.checkArgument(plugins != null, "plugins must be given");
    return load(dataset, dataDir, seed, () -> plugins);
  }

  // The context class loader's registry is built only when a plugin is needed.
  private static TrainingData load(
      String dataset, Path dataDir, long seed, Supplier<PluginRegistry> plugins)
      throws IOException {
    if (dataset.equalsIgnoreCase("digits")) {
      return digits(seed);
    }
    if (IdxDataset.names(dataset)) {
      return idx(IdxDataset.of(dataset, dataDir));
    }
    return plugin(new DatasetLocator(plugins.get()), dataset, dataDir, seed);
  }

  /**
   * The file or folder {@code path} read by data-set plugin {@code format}: its own test part when
   * the files keep one apart ({@link DatasetLocator#locateParts}), else a stratified split of
   * {@link #TRAIN_FRACTION} per class, shuffled by {@code seed}. Values are scaled to [0, 1] by the
   * training part's range ({@link DatasetLocator.Parts#scaledSplit}), as the digits are by 0..16
   * and IDX pixels by 0..255.
   *
   * @throws InvalidInputException as {@link DatasetLocator#named} does, or when a part is empty
   */
  public static TrainingData plugin(DatasetLocator locator, String format, Path path, long seed)
      throws IOException {
    DatasetLocator.Parts parts =
        locator.named(
            format,
            path,
            "digits, "
                + String.join(", ", IdxDataset.KNOWN)
                + ", "
                + IdxDataset.USER_NAMED
                + "NAME (any folder of IDX files)");
    DatasetSplit split = parts.scaledSplit(TRAIN_FRACTION, seed);
    return new TrainingData(
        parts.train().name(),
        split.train().sampleSize(),
        split.train().classes(),
        split.train().features(),
        split.train().labels(),
        split.test().features(),
        split.test().labels());
  }

  /**
   * The embedded UCI digits (8x8, 0..16) scaled by 1/16, split 80/20 per class with a seeded
   * shuffle.
   */
  public static TrainingData digits(long seed) {
    LabeledDataset all =
        MinMaxScaling.range(0, EmbeddedDigits.MAX_VALUE).apply(EmbeddedDigits.load());
    DatasetSplit split = DatasetSplitter.stratified(all, TRAIN_FRACTION, 0, seed);
    return new TrainingData(
        "digits",
        all.sampleSize(),
        all.classes(),
        split.train().features(),
        split.train().labels(),
        split.test().features(),
        split.test().labels());
  }

  /** The test part as a labelled data set of flat samples. */
  public LabeledDataset testSet() {
    List<String> names = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      names.add(String.valueOf(c));
    }
    return new LabeledDataset(name + "-test", new int[] {inputs}, testFeatures, testLabels, names);
  }

  /**
   * An IDX folder's train and t10k splits (gzip or not), pixels divided by 255, named after the
   * data set.
   */
  public static TrainingData idx(IdxDataset data) throws IOException {
    LabeledDataset train = IdxReader.load(data.images("train"));
    LabeledDataset test = IdxReader.load(data.images("t10k"));
    return new TrainingData(
        data.name(),
        train.sampleSize(),
        Math.max(train.classes(), test.classes()),
        scaled(train.features()),
        train.labels(),
        scaled(test.features()),
        test.labels());
  }

  /** The first {@code train} training and {@code test} test samples (for quick runs). */
  public TrainingData limit(int train, int test) {
    int tr = Math.min(train, trainLabels.length);
    int te = Math.min(test, testLabels.length);
    return new TrainingData(
        name,
        inputs,
        classes,
        Arrays.copyOf(trainFeatures, tr * inputs),
        Arrays.copyOf(trainLabels, tr),
        Arrays.copyOf(testFeatures, te * inputs),
        Arrays.copyOf(testLabels, te));
  }

  private static float[] scaled(float[] pixels) {
    float[] out = new float[pixels.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = pixels[i] / 255f;
    }
    return out;
  }
}
