package org.snncodesign.flow.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.snncodesign.fpga.search.Candidate;
import org.snncodesign.fpga.search.SearchResult;

/**
 * A PNG of a joint network x accelerator search in the EDP-accuracy plane: every design within the
 * resource budget, the EDP-accuracy Pareto front, the baseline (baseline design, unmodified
 * network) and the accuracy floor.
 */
public final class AccuracyParetoChart {
  private AccuracyParetoChart() {}

  /**
   * The EDP-accuracy chart of a joint search: its designs within the budget, its EDP-accuracy
   * front, the baseline design on the unmodified network (validation accuracy {@code
   * referenceAccuracy}, a fraction) and the search's accuracy floor, titled with the space, {@code
   * network} and the number of designs.
   */
  public static void write(Path file, SearchResult result, String network, double referenceAccuracy)
      throws IOException {
    write(
        file,
        result.space() + " x " + network + ": " + result.evaluated().size() + " designs",
        points(result.evaluated().stream().filter(Candidate::fitsBudget).toList()),
        points(result.accuracyFront()),
        new double[] {result.baseline().energyDelayProduct(), 100 * referenceAccuracy},
        100 * result.minAccuracy());
  }

  // EDP in J*s, accuracy in percent, by increasing EDP.
  private static List<double[]> points(List<Candidate> candidates) {
    return candidates.stream()
        .map(c -> new double[] {c.edp(), 100 * c.accuracy()})
        .sorted(Comparator.comparingDouble(p -> p[0]))
        .toList();
  }

  /**
   * Points are {@code {edp_js, accuracy_percent}}.
   *
   * @param all every design within the budget
   * @param front the EDP-accuracy front, by increasing EDP
   * @param floorPercent the accuracy floor, drawn across the EDP range
   */
  public static void write(
      Path file,
      String title,
      List<double[]> all,
      List<double[]> front,
      double[] baseline,
      double floorPercent)
      throws IOException {
    XYChart chart =
        ParetoChart.frontChart(
            title,
            "EDP (J*s)",
            "validation accuracy (%)",
            false,
            "evaluated (within budget)",
            "EDP-accuracy front",
            all,
            front);
    double low =
        Math.min(baseline[0], all.stream().mapToDouble(p -> p[0]).min().orElse(baseline[0]));
    double high =
        Math.max(baseline[0], all.stream().mapToDouble(p -> p[0]).max().orElse(baseline[0]));
    ReferenceLine.solid(chart, "accuracy floor", low, high, floorPercent, Color.GRAY);
    ParetoChart.addBaseline(chart, baseline);
    PngFile.save(chart, file);
  }
}
