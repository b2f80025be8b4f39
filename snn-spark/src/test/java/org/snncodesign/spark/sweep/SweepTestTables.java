package org.snncodesign.spark.sweep;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Test helpers over written sweep tables. */
public final class SweepTestTables {
  private SweepTestTables() {}

  /**
   * The CSV's rows (header first) without the {@code seconds} column, the one that differs between
   * runs.
   */
  public static List<List<String>> withoutSeconds(Path csv) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(csv)) {
      int seconds = -1;
      for (CSVRecord record : CSVFormat.DEFAULT.parse(in)) {
        List<String> row = new ArrayList<>(record.toList());
        if (seconds < 0) {
          seconds = row.indexOf("seconds");
        }
        row.remove(seconds);
        rows.add(row);
      }
    }
    return rows;
  }

  /** The table a plain loop over the sweep's points gives, written to {@code csv}. */
  public static List<List<String>> sequential(SweepFile sweep, Path csv) throws IOException {
    SweepTable.of(sweep.points().stream().map(PointResult::run).toList()).writeCsv(csv);
    return withoutSeconds(csv);
  }

  /** The point files of a sweep's output folder. */
  public static List<Path> pointFiles(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out.resolve("points"))) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }
}
