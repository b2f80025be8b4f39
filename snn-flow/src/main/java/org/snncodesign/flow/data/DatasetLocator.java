package org.snncodesign.flow.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.dataset.DatasetProvider;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.datasets.encoding.MinMaxScaling;
import org.snncodesign.datasets.split.DatasetSplit;
import org.snncodesign.datasets.split.DatasetSplitter;

/**
 * The flow step that loads data through the data-set plugins ({@link DatasetProvider}), by plugin
 * name or by whichever plugin accepts a file: a location string {@code embedded:NAME} is the
 * embedded set of provider {@code NAME} ({@code embedded:digits} is short for {@code
 * embedded:uci-digits}); a file or folder goes to the plugin named by {@code --format}, or else to
 * the first plugin (in discovery order) that accepts it.
 */
public final class DatasetLocator {
  /** Prefix of an embedded data set's location. */
  public static final String EMBEDDED = "embedded:";

  /** A loaded data set and the plugin that read it. */
  public record Located(String format, LabeledDataset dataset) {}

  /**
   * A data set read by plugin {@code format}, and its test part when the files keep one apart.
   *
   * @param format the plugin that read both parts
   * @param train every sample, or the training part when {@code test} is present
   * @param test the test part stored beside the training part, if any
   */
  public record Parts(String format, LabeledDataset train, Optional<LabeledDataset> test) {
    /**
     * The training and test parts (no validation part), scaled to [0, 1] by the training part's
     * smallest and largest value ({@link MinMaxScaling#fit}; test values outside are clamped): the
     * stored test part, else a stratified split of {@code trainFraction} per class shuffled by
     * {@code seed}.
     *
     * @throws InvalidInputException when the training or the test part would be empty
     */
    public DatasetSplit scaledSplit(double trainFraction, long seed) {
      DatasetSplit split =
          test.isPresent()
              ? new DatasetSplit(
                  train, DatasetSplitter.select(train, new int[0], train.name()), test.get())
              : DatasetSplitter.stratified(train, trainFraction, 0, seed);
      if (split.train().samples() == 0 || split.test().samples() == 0) {
        throw new InvalidInputException(
            train.name()
                + ": "
                + (train.samples() + test.map(LabeledDataset::samples).orElse(0))
                + " samples leave "
                + split.train().samples()
                + " to train and "
                + split.test().samples()
                + " to test; both need at least one");
      }
      MinMaxScaling scaling = MinMaxScaling.fit(split.train());
      return new DatasetSplit(
          scaling.apply(split.train()), split.validation(), scaling.apply(split.test()));
    }
  }

  /**
   * {@code train} as a word of a file name: MNIST's {@code train-images-...}, {@code a_train.csv}.
   */
  private static final Pattern TRAIN_WORD = Pattern.compile("(?<![A-Za-z])train(?![A-Za-z])");

  /** The words that name a test part in place of {@code train}, in the order they are tried. */
  private static final List<String> TEST_WORDS = List.of("t10k", "test");

  private final PluginRegistry registry;

  /** Looks data-set plugins up in {@code registry}. */
  public DatasetLocator(PluginRegistry registry) {
    this.registry = registry;
  }

  /**
   * The data set at {@code path} ({@code embedded:NAME} or a file or folder), read by plugin {@code
   * format} or, when null, by the first plugin that accepts it.
   *
   * @throws InvalidInputException naming the path or the plugin when nothing can read it
   */
  public Located locate(String path, String format) throws IOException {
    if (path.startsWith(EMBEDDED)) {
      String name = path.substring(EMBEDDED.length());
      String plugin = name.equals("digits") ? "uci-digits" : name;
      if (format != null && !format.equals(plugin)) {
        registry.require(DatasetProvider.class, format);
        throw new InvalidInputException(
            "--format "
                + format
                + " does not apply to "
                + path
                + ", which plugin '"
                + plugin
                + "' provides; leave --format out or give --format "
                + plugin);
      }
      DatasetProvider provider = registry.require(DatasetProvider.class, plugin);
      LabeledDataset data =
          provider
              .embedded()
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "data-set plugin '"
                              + plugin
                              + "' has no embedded data set; embedded sets: "
                              + embeddedNames()));
      return new Located(plugin, data);
    }
    Path file = Path.of(path);
    if (!Files.exists(file)) {
      throw new InvalidInputException(
          "no such file or folder: "
              + path
              + " (use embedded:digits for the data set inside the jar)");
    }
    String plugin = formatOf(file, format);
    return new Located(plugin, registry.require(DatasetProvider.class, plugin).load(file));
  }

  /**
   * The data at {@code path} (a file or folder, not an embedded set) in the parts it is stored in:
   * when its file name has the word {@code train} and a sibling named with {@code t10k} or {@code
   * test} in its place exists (MNIST's {@code train-images-idx3-ubyte} and {@code
   * t10k-images-idx3-ubyte}, {@code points-train.csv} and {@code points-test.csv}), that sibling is
   * the test part, read by the same plugin, its labels renumbered to the training part's classes by
   * name; otherwise there is no test part.
   *
   * @throws InvalidInputException as {@link #locate} does, or when the parts' samples differ in
   *     shape or the test part has a class the training part has not
   */
  public Parts locateParts(Path path, String format) throws IOException {
    Located train = locate(path.toString(), format);
    Optional<Path> testFile = testPartOf(path);
    if (testFile.isEmpty()) {
      return new Parts(train.format(), train.dataset(), Optional.empty());
    }
    LabeledDataset test = locate(testFile.get().toString(), train.format()).dataset();
    if (!Arrays.equals(test.shape(), train.dataset().shape())) {
      throw new InvalidInputException(
          testFile.get()
              + ": samples of shape "
              + Arrays.toString(test.shape())
              + ", but "
              + path
              + " holds samples of shape "
              + Arrays.toString(train.dataset().shape()));
    }
    return new Parts(
        train.format(), train.dataset(), Optional.of(sameClasses(test, train.dataset())));
  }

  /**
   * The parts ({@link #locateParts}) of the file or folder {@code path} read by plugin {@code
   * dataset}, a data set named on a command line where the flow step also knows {@code builtIns}.
   *
   * @param builtIns the step's own data-set names, for the message when {@code dataset} is no
   *     plugin either
   * @throws InvalidInputException in one line naming the plugins there are when {@code dataset} is
   *     none of them, or when {@code path} is null, missing or refused by the plugin
   */
  public Parts named(String dataset, Path path, String builtIns) throws IOException {
    if (!names().contains(dataset)) {
      throw new InvalidInputException(
          "unknown data set '"
              + dataset
              + "': expected "
              + builtIns
              + " or a data-set plugin "
              + names());
    }
    if (path == null) {
      throw new InvalidInputException(
          "data-set plugin '" + dataset + "' needs the file or folder it reads (--data PATH)");
    }
    return locateParts(path, dataset);
  }

  /**
   * {@code test} with its labels renumbered to {@code train}'s classes, matched by name (two files
   * of one format may name their classes in different orders).
   */
  private static LabeledDataset sameClasses(LabeledDataset test, LabeledDataset train) {
    if (test.classNames().equals(train.classNames())) {
      return test;
    }
    int[] labels = new int[test.samples()];
    for (int i = 0; i < labels.length; i++) {
      String name = test.classNames().get(test.labels()[i]);
      labels[i] = train.classNames().indexOf(name);
      if (labels[i] < 0) {
        throw new InvalidInputException(
            test.name()
                + ": sample "
                + i
                + " is of class '"
                + name
                + "', which the training part "
                + train.name()
                + " does not have");
      }
    }
    return new LabeledDataset(
        test.name(), test.shape(), test.features(), labels, train.classNames());
  }

  /** The test part stored beside {@code path} (see {@link #locateParts}), if there is one. */
  static Optional<Path> testPartOf(Path path) {
    Path name = path.getFileName();
    if (name == null) {
      return Optional.empty();
    }
    Matcher train = TRAIN_WORD.matcher(name.toString());
    if (!train.find()) {
      return Optional.empty();
    }
    for (String word : TEST_WORDS) {
      Path sibling = path.resolveSibling(train.replaceFirst(word));
      if (Files.exists(sibling)) {
        return Optional.of(sibling);
      }
    }
    return Optional.empty();
  }

  /**
   * The plugin that reads {@code path}: {@code format} when given (checked to exist), else the
   * first plugin that accepts the file or folder.
   *
   * @throws InvalidInputException naming the path or the plugin when none reads it
   */
  public String formatOf(Path path, String format) {
    if (format != null) {
      return registry.require(DatasetProvider.class, format).name();
    }
    if (!Files.exists(path)) {
      throw new InvalidInputException("no such file or folder: " + path);
    }
    for (DatasetProvider provider : registry.providers(DatasetProvider.class)) {
      if (provider.accepts(path)) {
        return provider.name();
      }
    }
    throw new InvalidInputException(
        "no data-set plugin accepts "
            + path
            + "; plugins: "
            + names()
            + " (choose one with --format)");
  }

  /** The names of the data-set plugins, in discovery order. */
  public List<String> names() {
    return registry.providers(DatasetProvider.class).stream()
        .map(DatasetProvider::name)
        .collect(Collectors.toList());
  }

  private List<String> embeddedNames() {
    return registry.providers(DatasetProvider.class).stream()
        .filter(
            p -> {
              try {
                return p.embedded().isPresent();
              } catch (IOException e) {
                return false;
              }
            })
        .map(p -> EMBEDDED + p.name())
        .collect(Collectors.toList());
  }
}
