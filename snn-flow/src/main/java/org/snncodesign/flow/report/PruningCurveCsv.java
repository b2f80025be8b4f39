package org.snncodesign.flow.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.snncodesign.learning.lsm.pruning.PruningPoint;

/**
 * CSV of an LSM accuracy-versus-size curve: {@link PruningPoint#CSV_HEADER} and one {@link
 * PruningPoint#csvRow()} per point, lines ended by {@code \n}; the chart of the same points is
 * {@link LsmCurveChart}.
 */
public final class PruningCurveCsv {
  private PruningCurveCsv() {}

  /**
   * Writes {@code points} to {@code file}, creating its folders; the file appears only when
   * complete.
   */
  public static void write(Path file, List<PruningPoint> points) throws IOException {
    StringBuilder text = new StringBuilder(PruningPoint.CSV_HEADER).append('\n');
    for (PruningPoint p : points) {
      text.append(p.csvRow()).append('\n');
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    AtomicFile.write(file, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
  }
}
