package org.snncodesign.flow.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import org.snncodesign.flow.data.IdxDataset;

/**
 * The data set a report's network ran on: its name and, for IDX files, their hash, so that a figure
 * can be traced to the exact data.
 *
 * @param dataset the data set's name
 * @param datasetSha256 SHA-256 of an IDX data set's four files ({@link IdxDataset#sha256()}); null
 *     for other data sets
 * @param data the folder a data-set plugin read, when one was given and the data set is not IDX;
 *     else null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetName(String dataset, String datasetSha256, String data) {

  /**
   * The data set {@code name} names: an IDX data set ({@link IdxDataset#names}) with the hash of
   * its files in {@code dataDir}, any other by its name and {@code dataDir} (may be null).
   *
   * @throws IOException when an IDX data set's files cannot be read
   */
  public static DatasetName of(String name, java.nio.file.Path dataDir) throws IOException {
    if (IdxDataset.names(name)) {
      IdxDataset data = IdxDataset.of(name, dataDir);
      return new DatasetName(data.name(), data.sha256(), null);
    }
    return new DatasetName(name, null, dataDir == null ? null : dataDir.toString());
  }
}
