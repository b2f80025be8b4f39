package org.snncodesign.flow.data;

import java.io.IOException;
import java.nio.file.Path;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.conversion.ann.LabeledImages;

/**
 * Labelled images in a training and a test part, as a conversion reads them: an IDX folder ({@link
 * IdxDataset}) or the file or folder of a data-set plugin ({@link PluginImages}).
 */
public interface ImageSet {
  /** The data set's name in reports. */
  String name();

  /** The first {@code limit} images of the training part. */
  LabeledImages train(int limit) throws IOException;

  /** The first {@code limit} images of the test part. */
  LabeledImages test(int limit) throws IOException;

  /** SHA-256 of the files read, in lower-case hex ({@link DatasetHash}). */
  String sha256() throws IOException;

  /**
   * What a model trained on these images is cached under: a name that differs whenever the images
   * may.
   */
  String cacheKey() throws IOException;

  /**
   * The IDX folder {@code dataDir} when {@code dataset} is {@code mnist}, {@code fashion-mnist} or
   * {@code idx:NAME}, else the file or folder {@code dataDir} read by the data-set plugin named
   * {@code dataset} among {@code plugins} ({@link PluginImages#load}).
   *
   * @throws org.snncodesign.api.InvalidInputException naming the data set, the plugins there are or
   *     the missing file
   */
  static ImageSet of(String dataset, Path dataDir, long seed, PluginRegistry plugins)
      throws IOException {
    if (IdxDataset.names(dataset)) {
      return IdxDataset.of(dataset, dataDir);
    }
    return PluginImages.load(new DatasetLocator(plugins), dataset, dataDir, seed);
  }
}
