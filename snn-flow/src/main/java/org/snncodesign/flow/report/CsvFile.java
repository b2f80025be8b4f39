package org.snncodesign.flow.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.snncodesign.api.io.AtomicFile;

/**
 * A CSV file of a header and rows, written with Commons CSV in UTF-8: lines ended by {@code \n}, a
 * field quoted only where CSV needs it (a comma, quote or line break in it), each value as its
 * {@code toString()} (format numbers before, where the figure's precision matters). The file
 * appears only when complete ({@link AtomicFile}).
 */
public final class CsvFile {
  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

  private CsvFile() {}

  /** Writes {@code columns} and then {@code rows}, one value per column each, to {@code file}. */
  public static void write(Path file, List<String> columns, List<? extends List<?>> rows)
      throws IOException {
    CSVFormat format = FORMAT.builder().setHeader(columns.toArray(String[]::new)).get();
    AtomicFile.write(
        file,
        temporary -> {
          try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
              CSVPrinter csv = new CSVPrinter(writer, format)) {
            for (List<?> row : rows) {
              csv.printRecord(row);
            }
          }
        });
  }
}
