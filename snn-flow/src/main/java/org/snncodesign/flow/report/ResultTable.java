package org.snncodesign.flow.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.snncodesign.api.Checks;
import org.snncodesign.api.io.AtomicFile;

/** A table of figures with named columns, rendered for the terminal and written as CSV. */
public final class ResultTable {
  private final List<String> columns;
  private final List<List<Object>> rows = new ArrayList<>();

  /** An empty table with these column names, in order. */
  public ResultTable(List<String> columns) {
    this.columns = List.copyOf(columns);
  }

  /**
   * Adds a row; numbers stay numbers in the CSV and are shown with 4 significant digits on the
   * terminal.
   */
  public ResultTable add(Object... values) {
    Checks.checkArgument(
        values.length == columns.size(),
        "row has %d values for %d columns %s",
        values.length,
        columns.size(),
        columns);
    rows.add(List.of(values));
    return this;
  }

  /** The column names, in order. */
  public List<String> columns() {
    return columns;
  }

  /** The rows added so far, each with one value per column. */
  public List<List<Object>> rows() {
    return List.copyOf(rows);
  }

  /** Aligned text with a header row. */
  public String render() {
    List<String[]> cells = new ArrayList<>();
    cells.add(columns.toArray(String[]::new));
    for (List<Object> row : rows) {
      cells.add(row.stream().map(ResultTable::show).toArray(String[]::new));
    }
    int[] widths = new int[columns.size()];
    for (String[] line : cells) {
      for (int c = 0; c < line.length; c++) {
        widths[c] = Math.max(widths[c], line[c].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String[] line : cells) {
      for (int c = 0; c < line.length; c++) {
        text.append(
            c == 0
                ? String.format("%-" + widths[c] + "s", line[c])
                : String.format("  %" + widths[c] + "s", line[c]));
      }
      text.append('\n');
    }
    return text.toString();
  }

  /**
   * Writes the table as RFC 4180 CSV with a header, creating folders; the file is written under a
   * temporary name and moved in when complete ({@link AtomicFile}).
   */
  public void writeCsv(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    AtomicFile.write(
        file,
        temporary -> {
          try (Writer writer = Files.newBufferedWriter(temporary);
              CSVPrinter csv =
                  new CSVPrinter(
                      writer,
                      CSVFormat.RFC4180
                          .builder()
                          .setHeader(columns.toArray(String[]::new))
                          .get())) {
            for (List<Object> row : rows) {
              csv.printRecord(row);
            }
          }
        });
  }

  private static String show(Object value) {
    if (value instanceof Double || value instanceof Float) {
      double v = ((Number) value).doubleValue();
      return v == 0 ? "0" : String.format("%.4g", v);
    }
    return String.valueOf(value);
  }
}
