package org.snncodesign.flow.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import org.snncodesign.flow.data.DatasetHash;
import org.snncodesign.flow.data.IdxDataset;

/**
 * The data set a report's network ran on: its name and the hash of its files, so that a figure can
 * be traced to the exact data.
 *
 * @param dataset the data set's name
 * @param datasetSha256 SHA-256 of the files read ({@link DatasetHash#of}: an IDX data set's four
 *     files, a data-set plugin's file and its test part); null for the embedded digits
 * @param data the folder a data-set plugin read, when one was given and the data set is not IDX;
 *     else null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetName(String dataset, String datasetSha256, String data) {

  /**
   * The data set {@code name} names: an IDX data set ({@link IdxDataset#names}) by its name, any
   * other by its name and {@code dataDir} (may be null); each with the hash of its files ({@link
   * DatasetHash#of}).
   *
   * @throws IOException when the data set's files cannot be read
   */
  public static DatasetName of(String name, java.nio.file.Path dataDir) throws IOException {
    String sha256 = DatasetHash.of(name, dataDir);
    if (IdxDataset.names(name)) {
      return new DatasetName(IdxDataset.of(name, dataDir).name(), sha256, null);
    }
    return new DatasetName(name, sha256, dataDir == null ? null : dataDir.toString());
  }
}
