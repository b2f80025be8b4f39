package org.snncodesign.flow.conversion;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.snncodesign.conversion.attention.LayerError;
import org.snncodesign.conversion.snn.ConversionReport;
import org.snncodesign.flow.report.AtomicFile;

/**
 * The CSV files of {@code snn convert}: a {@link ConversionReport}'s {@code conversion.csv} (header
 * and one row) and a vision transformer's per-layer errors, {@code conversion-layers.csv}. Written
 * with Commons CSV from the reports' typed values, lines ended by {@code \n}, a field quoted only
 * where CSV needs it (a comma or quote in a name); each file appears only when complete ({@link
 * AtomicFile}).
 */
public final class ConversionCsv {
  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

  private ConversionCsv() {}

  /** Writes {@code report} as {@link ConversionReport#csvColumns()} and one row to {@code file}. */
  public static void write(Path file, ConversionReport report) throws IOException {
    write(file, ConversionReport.csvColumns(), List.of(report.csvValues()));
  }

  /** Writes one row per layer error, under {@link LayerError#csvColumns()}, to {@code file}. */
  public static void writeLayerErrors(Path file, List<LayerError> errors) throws IOException {
    write(file, LayerError.csvColumns(), errors.stream().map(LayerError::csvValues).toList());
  }

  private static void write(Path file, List<String> columns, List<List<Object>> rows)
      throws IOException {
    CSVFormat format = FORMAT.builder().setHeader(columns.toArray(String[]::new)).get();
    AtomicFile.write(
        file,
        temporary -> {
          try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
              CSVPrinter csv = new CSVPrinter(writer, format)) {
            for (List<Object> row : rows) {
              csv.printRecord(row);
            }
          }
        });
  }
}
