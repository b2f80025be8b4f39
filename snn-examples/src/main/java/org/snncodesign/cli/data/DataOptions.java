package org.snncodesign.cli.data;

import jakarta.inject.Inject;
import java.nio.file.Path;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.flow.data.DatasetLocator;
import picocli.CommandLine.Option;

/**
 * The data options of every command that trains on, converts with or runs a data set (a picocli
 * mixin): a built-in data set by name ({@code --dataset}, its files in {@code --data-dir}), or any
 * file or folder a data-set plugin reads ({@code --data PATH}, the plugin named by {@code --format}
 * or else the first that accepts the path, as {@code snn data info} chooses). Both resolve to the
 * pair the flow steps take ({@link Choice}): a data-set name, which may be a plugin's, and its
 * path.
 */
public final class DataOptions {
  private final PluginRegistry registry;

  /** With the plugins of the context class loader, as picocli builds it without Guice. */
  public DataOptions() {
    this(PluginRegistry.discover());
  }

  /** With the plugins {@code snn} was started with ({@code --plugins}, the class path). */
  @Inject
  DataOptions(PluginRegistry registry) {
    this.registry = registry;
  }

  @Option(
      names = "--dataset",
      paramLabel = "NAME",
      description =
          "A built-in data set: digits (the embedded UCI 8x8 set, no download), mnist, fashion-mnist"
              + " or idx:NAME (a folder of IDX files in MNIST's layout, in --data-dir, reported as"
              + " NAME); snn lsm reads digits, mnist and fsdd (FSDD WAVs in --data-dir), snn convert"
              + " the IDX sets (--arch vit also digits). Or a data-set plugin's name (snn plugins)"
              + " reading --data-dir. Default: digits (snn convert: mnist).")
  String dataset;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "The files of --dataset: the IDX folder (train-/t10k-images/labels, gzip or raw) of"
              + " mnist, fashion-mnist and idx:NAME, the FSDD recordings folder of fsdd, a UCI"
              + " digits CSV for snn lsm's digits (default: the embedded copy).")
  Path dataDir;

  @Option(
      names = "--data",
      paramLabel = "PATH",
      description =
          "A file or folder read by a data-set plugin instead of --dataset: the plugin named by"
              + " --format, else the first that accepts it (as snn data info). A test part stored"
              + " beside it is used (a sibling named with t10k or test for the word train, e.g."
              + " train-images-idx3-ubyte.gz and t10k-images-idx3-ubyte.gz), else a seeded"
              + " stratified 80/20 split; values are scaled to [0, 1] by the training part's range.")
  Path data;

  @Option(
      names = "--format",
      paramLabel = "PLUGIN",
      description = "The data-set plugin that reads --data (snn plugins lists them).")
  String format;

  /**
   * A data set as the flow steps take it.
   *
   * @param dataset a built-in name or a data-set plugin's name
   * @param dataDir the built-in set's folder or the path the plugin reads; null when not given
   */
  public record Choice(String dataset, Path dataDir) {}

  /**
   * The data set these options name, {@code defaultDataset} when none is given.
   *
   * @throws InvalidInputException in one line when {@code --data} is combined with {@code
   *     --dataset} or {@code --data-dir}, {@code --format} is given without {@code --data}, or no
   *     plugin reads {@code --data}
   */
  public Choice resolve(String defaultDataset) {
    if (data == null) {
      if (format != null) {
        throw new InvalidInputException(
            "--format " + format + " names the plugin that reads --data PATH; give --data");
      }
      return new Choice(dataset == null ? defaultDataset : dataset, dataDir);
    }
    if (dataset != null || dataDir != null) {
      throw new InvalidInputException(
          "--data "
              + data
              + " is read by a data-set plugin; leave out --dataset and --data-dir, or choose"
              + " the plugin with --format");
    }
    return new Choice(new DatasetLocator(registry).formatOf(data, format), data);
  }
}
