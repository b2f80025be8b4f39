package org.snncodesign.datasets.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.dataset.DatasetProvider;
import org.snncodesign.api.dataset.LabeledDataset;

/**
 * Plugin {@code csv}: tabular data, one sample per record, label in the last column, header detected. For another
 * label column or an explicit header use {@link CsvDatasetReader#builder()}.
 */
public final class CsvDatasetProvider implements DatasetProvider {

  public CsvDatasetProvider() {}

  @Override
  public String name() {
    return "csv";
  }

  @Override
  public String description() {
    return "CSV tables (Commons CSV): numeric features, label in the last column, header detected";
  }

  @Override
  public ApiVersion apiVersion() {
    return new ApiVersion(1, 0);
  }

  @Override
  public boolean accepts(Path path) {
    Path fileName = path.getFileName();
    if (fileName == null || Files.isDirectory(path)) {
      return false;
    }
    String name = fileName.toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".csv") || name.endsWith(".csv.gz");
  }

  @Override
  public LabeledDataset load(Path path) throws IOException {
    return CsvDatasetReader.defaults().read(path);
  }
}
