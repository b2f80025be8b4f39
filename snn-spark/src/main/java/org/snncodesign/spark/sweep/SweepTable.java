package org.snncodesign.spark.sweep;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.snncodesign.api.io.AtomicFile;

/**
 * One row per point, in the sweep's order: {@code point, seed}, the parameters the sweep file sets,
 * {@code status} ({@code ok} or {@code failed}), {@code error}, {@code seconds} (wall time of the
 * run, the only column that differs between two runs of a sweep), then the step's record columns
 * (empty for a failed point).
 */
public final class SweepTable {
  /** The columns every table starts with, before the parameters. */
  static final List<String> LEAD = List.of("point", "seed");

  /** The columns between the parameters and the record. */
  static final List<String> STATUS = List.of("status", "error", "seconds");

  private final List<String> parameters;
  private final List<String> columns;
  private final List<PointResult> results;

  private SweepTable(List<String> parameters, List<String> columns, List<PointResult> results) {
    this.parameters = parameters;
    this.columns = columns;
    this.results = results;
  }

  /** The table of {@code results} (ordered by point index). */
  public static SweepTable of(List<PointResult> results) {
    List<PointResult> sorted = new ArrayList<>(results);
    sorted.sort((a, b) -> Integer.compare(a.point().index(), b.point().index()));
    Set<String> parameters = new LinkedHashSet<>();
    Set<String> recordColumns = new LinkedHashSet<>();
    for (PointResult r : sorted) {
      parameters.addAll(r.point().settingView().keySet());
      if (r.succeeded()) {
        recordColumns.addAll(r.record().values().keySet());
      }
    }
    List<String> columns = new ArrayList<>(LEAD);
    columns.addAll(parameters);
    columns.addAll(STATUS);
    columns.addAll(recordColumns);
    return new SweepTable(
        List.copyOf(parameters),
        Collections.unmodifiableList(columns),
        Collections.unmodifiableList(sorted));
  }

  /** Column names in order. */
  public List<String> columns() {
    return columns;
  }

  /** The parameter columns. */
  public List<String> parameters() {
    return parameters;
  }

  /** The results, one per row. */
  public List<PointResult> results() {
    return results;
  }

  /** Row {@code r}'s values (Long, Double, Boolean, String or null), one per column. */
  public List<Object> row(int r) {
    PointResult result = results.get(r);
    Map<String, Object> setting = result.point().settingView();
    Map<String, Object> record = result.succeeded() ? result.record().values() : Map.of();
    List<Object> row = new ArrayList<>(columns.size());
    row.add((long) result.point().index());
    row.add(result.point().seed());
    parameters.forEach(p -> row.add(setting.get(p)));
    row.add(result.succeeded() ? "ok" : "failed");
    row.add(result.error());
    row.add(result.seconds());
    columns
        .subList(LEAD.size() + parameters.size() + STATUS.size(), columns.size())
        .forEach(c -> row.add(record.get(c)));
    return row;
  }

  /** Number of rows. */
  public int size() {
    return results.size();
  }

  /** Writes the table as CSV (empty cells for missing values), completely or not at all. */
  public void writeCsv(Path file) throws IOException {
    writeCsv(file, columns, r -> row(r), size());
  }

  /** A table's rows given one at a time. */
  interface Rows {
    List<Object> row(int r);
  }

  /** Writes a header and rows to a temporary file and moves it over {@code file}. */
  static void writeCsv(Path file, List<String> header, Rows rows, int count) throws IOException {
    AtomicFile.write(
        file,
        temporary -> {
          try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
              CSVPrinter csv =
                  CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build().print(out)) {
            csv.printRecord(header);
            for (int r = 0; r < count; r++) {
              csv.printRecord(rows.row(r));
            }
          }
        });
  }
}
