package org.snncodesign.datasets.idx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.dataset.DatasetProvider;
import org.snncodesign.api.dataset.LabeledDataset;

/**
 * Plugin {@code idx}: MNIST-style image and label file pairs (plain or gzip). Point it at the images file; the
 * labels file is found by name ({@link IdxReader#labelsFileFor}).
 */
public final class IdxDatasetProvider implements DatasetProvider {

  public IdxDatasetProvider() {}

  @Override
  public String name() {
    return "idx";
  }

  @Override
  public String description() {
    return "IDX image/label pairs (MNIST, Fashion-MNIST), plain or gzip";
  }

  @Override
  public ApiVersion apiVersion() {
    return new ApiVersion(1, 0);
  }

  @Override
  public boolean accepts(Path path) {
    Path fileName = path.getFileName();
    return fileName != null && !Files.isDirectory(path) && fileName.toString().contains("idx3");
  }

  @Override
  public LabeledDataset load(Path path) throws IOException {
    return IdxReader.load(path);
  }
}
