package org.snncodesign.spark.sweep;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.snncodesign.flow.report.PngFile;
import org.snncodesign.flow.sweep.SampleStatistics;

/**
 * The two objectives of a sweep, one point per setting at its mean over seeds (error bars: the 95 %
 * interval of the y objective), with the Pareto front (the settings no other setting beats in both)
 * drawn as a line.
 */
public final class ParetoChart {
  private ParetoChart() {}

  /** One setting's place in the objective plane. */
  record Place(double x, double y, double yCi95) {}

  /** The settings of {@code summary} that have both objectives, in order. */
  static List<Place> places(SeedSummary summary, Objective x, Objective y) {
    List<Place> places = new ArrayList<>();
    for (SeedSummary.Setting s : summary.settings()) {
      SampleStatistics sx = s.statistics().get(x.column());
      SampleStatistics sy = s.statistics().get(y.column());
      if (sx != null && sy != null && sx.n() > 0 && sy.n() > 0) {
        places.add(new Place(sx.mean(), sy.mean(), Double.isNaN(sy.ci95()) ? 0 : sy.ci95()));
      }
    }
    return places;
  }

  /**
   * The places no other place dominates (at least as good in both objectives and better in one), by
   * x.
   */
  static List<Place> front(List<Place> places, Objective x, Objective y) {
    List<Place> front = new ArrayList<>();
    for (Place p : places) {
      boolean dominated =
          places.stream()
              .anyMatch(
                  q ->
                      q != p
                          && x.atLeastAsGood(q.x(), p.x())
                          && y.atLeastAsGood(q.y(), p.y())
                          && (q.x() != p.x() || q.y() != p.y()));
      if (!dominated) {
        front.add(p);
      }
    }
    front.sort(Comparator.comparingDouble(Place::x));
    return front;
  }

  /** Writes the chart as {@code file} (a .png path). */
  public static void write(Path file, String title, SeedSummary summary, Objective x, Objective y)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<Place> places = places(summary, x, y);
    if (places.isEmpty()) {
      throw new IllegalStateException(
          "no setting has both "
              + x.column()
              + " and "
              + y.column()
              + "; the Pareto chart needs numeric columns of the step's record");
    }
    XYChart chart =
        new XYChartBuilder()
            .width(900)
            .height(560)
            .title(title)
            .xAxisTitle(x.label())
            .yAxisTitle(y.label() + ", mean +- 95 % CI")
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    XYSeries all =
        chart.addSeries(
            "settings (mean over seeds)",
            places.stream().mapToDouble(Place::x).toArray(),
            places.stream().mapToDouble(Place::y).toArray(),
            places.stream().mapToDouble(Place::yCi95).toArray());
    all.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    all.setMarker(SeriesMarkers.CIRCLE);
    List<Place> front = front(places, x, y);
    XYSeries line =
        chart.addSeries(
            "Pareto front",
            front.stream().mapToDouble(Place::x).toArray(),
            front.stream().mapToDouble(Place::y).toArray());
    line.setMarker(SeriesMarkers.DIAMOND);
    PngFile.save(chart, file);
  }
}
