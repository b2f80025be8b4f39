package org.snncodesign.flow.conversion;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.snncodesign.conversion.attention.LayerError;
import org.snncodesign.conversion.snn.ConversionReport;
import org.snncodesign.flow.report.CsvFile;

/**
 * The CSV files of {@code snn convert}: a {@link ConversionReport}'s {@code conversion.csv} (header
 * and one row) and a vision transformer's per-layer errors, {@code conversion-layers.csv}, written
 * from the reports' typed values as a {@link CsvFile}.
 */
public final class ConversionCsv {
  private ConversionCsv() {}

  /** Writes {@code report} as {@link ConversionReport#csvColumns()} and one row to {@code file}. */
  public static void write(Path file, ConversionReport report) throws IOException {
    CsvFile.write(file, ConversionReport.csvColumns(), List.of(report.csvValues()));
  }

  /** Writes one row per layer error, under {@link LayerError#csvColumns()}, to {@code file}. */
  public static void writeLayerErrors(Path file, List<LayerError> errors) throws IOException {
    CsvFile.write(
        file, LayerError.csvColumns(), errors.stream().map(LayerError::csvValues).toList());
  }
}
