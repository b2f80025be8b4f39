package org.snncodesign.flow.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.dataset.DatasetProvider;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.datasets.idx.IdxReader;

/**
 * A folder of IDX image sets in MNIST's layout ({@code train-images-idx3-ubyte[.gz]}, {@code
 * train-labels-...}, {@code t10k-images-...}, {@code t10k-labels-...}) and the name reports give
 * it: {@code mnist}, {@code fashion-mnist} (the same file names), or any name the user gives with
 * {@code idx:NAME}.
 *
 * @param name the data set's name in reports
 * @param dir the folder holding the files
 */
public record IdxDataset(String name, Path dir) implements ImageSet {
  /** The names that need no {@code idx:} prefix. */
  public static final List<String> KNOWN = List.of("mnist", "fashion-mnist");

  /** The prefix of a user-named IDX folder. */
  public static final String USER_NAMED = DatasetProvider.USER_NAMED_IDX;

  /** The splits, in the order the checksum reads them. */
  private static final List<String> SPLITS = List.of("train", "t10k");

  public IdxDataset {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new InvalidInputException(
          "data set name '" + name + "': expected letters, digits, '.', '_' or '-'");
    }
    if (dir == null) {
      throw new InvalidInputException(
          "--dataset " + name + " needs --data-dir, the folder holding its IDX files");
    }
  }

  /**
   * Whether {@code dataset} names an IDX folder: {@code mnist}, {@code fashion-mnist} or {@code
   * idx:NAME}.
   */
  public static boolean names(String dataset) {
    String lower = dataset.toLowerCase(Locale.ROOT);
    return KNOWN.contains(lower) || lower.startsWith(USER_NAMED);
  }

  /**
   * The data set {@code dataset} ({@code mnist}, {@code fashion-mnist} or {@code idx:NAME}) in
   * {@code dir}.
   *
   * @throws InvalidInputException naming the data set when it is none of these, or {@code dir} is
   *     missing
   */
  public static IdxDataset of(String dataset, Path dir) {
    String lower = dataset.toLowerCase(Locale.ROOT);
    if (KNOWN.contains(lower)) {
      return new IdxDataset(lower, dir);
    }
    if (lower.startsWith(USER_NAMED)) {
      return new IdxDataset(dataset.substring(USER_NAMED.length()), dir);
    }
    throw new InvalidInputException(
        "unknown IDX data set '"
            + dataset
            + "': expected "
            + String.join(", ", KNOWN)
            + " or "
            + USER_NAMED
            + "NAME for any folder of IDX files");
  }

  /**
   * The images file of split {@code prefix} ({@code train} or {@code t10k}), gzip or not.
   *
   * @throws InvalidInputException naming the folder and the expected file when it is missing
   */
  public Path images(String prefix) {
    return find(prefix + "-images-idx3-ubyte");
  }

  /** The labels file that goes with {@link #images}. */
  public Path labels(String prefix) {
    return IdxReader.labelsFileFor(images(prefix));
  }

  /**
   * SHA-256 of the four files, read in a fixed order (train images, train labels, t10k images, t10k
   * labels) and hashed as one stream of their bytes as stored (compressed ones compressed), in
   * lower-case hex.
   */
  /** The data set's name: MNIST's and Fashion-MNIST's files are the published ones. */
  @Override
  public String cacheKey() {
    return name;
  }

  @Override
  public String sha256() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String split : SPLITS) {
      files.add(images(split));
      files.add(labels(split));
    }
    return DatasetHash.ofFiles(files);
  }

  /** The first {@code limit} images of the train split ({@link ConversionData#load}). */
  @Override
  public LabeledImages train(int limit) throws IOException {
    return ConversionData.load(this, "train", limit);
  }

  /** The first {@code limit} images of the t10k split ({@link ConversionData#load}). */
  @Override
  public LabeledImages test(int limit) throws IOException {
    return ConversionData.load(this, "t10k", limit);
  }

  private Path find(String base) {
    for (String file : new String[] {base + ".gz", base}) {
      Path path = dir.resolve(file);
      if (Files.isRegularFile(path)) {
        return path;
      }
    }
    throw new InvalidInputException(
        "no "
            + base
            + "[.gz] in "
            + dir.toAbsolutePath()
            + " (give the folder of the "
            + name
            + " IDX files with --data-dir)");
  }
}
