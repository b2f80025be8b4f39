package org.snncodesign.datasets.idx;

import java.io.IOException;
import java.nio.file.Path;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.datasets.AbstractDatasetProvider;

/**
 * Plugin {@code idx}: MNIST-style image and label file pairs (plain or gzip). Point it at the
 * images file; the labels file is found by name ({@link IdxReader#labelsFileFor}).
 */
public final class IdxDatasetProvider extends AbstractDatasetProvider {

  public IdxDatasetProvider() {
    super("idx", "IDX image/label pairs (MNIST, Fashion-MNIST), plain or gzip");
  }

  @Override
  protected boolean acceptsFileName(String fileName) {
    return fileName.contains("idx3");
  }

  @Override
  public LabeledDataset load(Path path) throws IOException {
    return IdxReader.load(path);
  }
}
