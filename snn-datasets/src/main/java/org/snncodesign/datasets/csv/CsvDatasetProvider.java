package org.snncodesign.datasets.csv;

import java.io.IOException;
import java.nio.file.Path;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.datasets.AbstractDatasetProvider;

/**
 * Plugin {@code csv}: tabular data, one sample per record, label in the last column, header
 * detected. For another label column or an explicit header use {@link CsvDatasetReader#builder()}.
 */
public final class CsvDatasetProvider extends AbstractDatasetProvider {

  public CsvDatasetProvider() {
    super(
        "csv",
        "CSV tables (Commons CSV): numeric features, label in the last column, header detected");
  }

  @Override
  protected boolean acceptsFileName(String fileName) {
    return hasExtension(fileName, ".csv", ".csv.gz");
  }

  @Override
  public LabeledDataset load(Path path) throws IOException {
    return CsvDatasetReader.defaults().read(path);
  }
}
