package org.snncodesign.api.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.snncodesign.api.plugin.Plugin;

/**
 * A data-set format or source (IDX, CSV, WAV folders, event files, the embedded default). Providers
 * read the files a user points them at; the product depends on no fixed data folder.
 */
public interface DatasetProvider extends Plugin {

  /**
   * The names the framework's commands give data sets of their own ({@code --dataset digits},
   * {@code mnist}, {@code fashion-mnist}, {@code fsdd}), besides any name starting with {@link
   * #USER_NAMED_IDX}. A data-set plugin may take none of them, whatever its case: the built-in set
   * would be read in its place, so {@link org.snncodesign.api.plugin.PluginRegistry} refuses it.
   */
  List<String> BUILT_IN_NAMES = List.of("digits", "mnist", "fashion-mnist", "fsdd");

  /** The prefix of a folder of IDX files named by the user ({@code --dataset idx:NAME}). */
  String USER_NAMED_IDX = "idx:";

  /**
   * Whether {@code name} is one of the {@link #BUILT_IN_NAMES} or starts with {@link
   * #USER_NAMED_IDX}, ignoring case.
   */
  static boolean builtInName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return BUILT_IN_NAMES.contains(lower) || lower.startsWith(USER_NAMED_IDX);
  }

  /** True when this provider can read {@code path} (by extension, magic number or layout). */
  boolean accepts(Path path);

  /**
   * Loads labelled samples from {@code path}.
   *
   * @throws IOException when the file cannot be read
   * @throws org.snncodesign.api.InvalidInputException naming file, offset and expectation when it
   *     is malformed
   */
  LabeledDataset load(Path path) throws IOException;

  /** The data set shipped inside the provider's jar, if it has one. */
  default Optional<LabeledDataset> embedded() throws IOException {
    return Optional.empty();
  }
}
