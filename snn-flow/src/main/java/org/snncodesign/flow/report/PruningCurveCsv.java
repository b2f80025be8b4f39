package org.snncodesign.flow.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.snncodesign.learning.lsm.pruning.LiquidSize;
import org.snncodesign.learning.lsm.pruning.PruningPoint;

/**
 * CSV of an LSM accuracy-versus-size curve, one row per {@link PruningPoint}, as a {@link CsvFile};
 * the chart of the same points is {@link LsmCurveChart}. Fractions and accuracies are written to
 * four and five decimals, the readout's lambda to six significant digits ({@code %g}), the firing
 * rate to three decimals.
 */
public final class PruningCurveCsv {
  private static final List<String> COLUMNS =
      List.of(
          "keep_fraction",
          "ranking",
          "rewired",
          "neurons",
          "synapses",
          "input_synapses",
          "readout_parameters",
          "bytes",
          "cv_accuracy",
          "test_accuracy",
          "lambda",
          "mean_rate_hz",
          "rounds",
          "bins");

  private PruningCurveCsv() {}

  /**
   * Writes {@code points} to {@code file}, creating its folders; the file appears only when
   * complete.
   */
  public static void write(Path file, List<PruningPoint> points) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    CsvFile.write(file, COLUMNS, points.stream().map(PruningCurveCsv::row).toList());
  }

  private static List<Object> row(PruningPoint p) {
    LiquidSize size = p.size();
    return List.of(
        number("%.4f", p.keepFraction()),
        p.ranking().name().toLowerCase(Locale.ROOT),
        p.rewired(),
        size.neurons(),
        size.synapses(),
        size.inputSynapses(),
        size.readoutParameters(),
        size.bytes(),
        number("%.5f", p.cvAccuracy()),
        number("%.5f", p.testAccuracy()),
        number("%g", p.lambda()),
        number("%.3f", p.meanRateHz()),
        p.rounds(),
        p.bins());
  }

  private static String number(String format, double value) {
    return String.format(Locale.ROOT, format, value);
  }
}
