package org.snncodesign.api.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.snncodesign.api.plugin.Plugin;

/**
 * A data-set format or source (IDX, CSV, WAV folders, event files, the embedded default). Providers
 * read the files a user points them at; the product depends on no fixed data folder.
 */
public interface DatasetProvider extends Plugin {

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
