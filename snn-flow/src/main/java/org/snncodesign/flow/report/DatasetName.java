package org.snncodesign.flow.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.snncodesign.flow.data.DatasetHash;

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
public record DatasetName(String dataset, String datasetSha256, String data) {}
