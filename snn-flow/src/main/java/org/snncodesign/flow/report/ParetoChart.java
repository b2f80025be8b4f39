package org.snncodesign.flow.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.fpga.search.Candidate;
import org.snncodesign.fpga.search.SearchResult;

/**
 * A PNG scatter of design points in the latency-energy plane: all evaluated, the Pareto front, the
 * baseline.
 */
public final class ParetoChart {
  private ParetoChart() {}

  /**
   * One point per design, as {@code {latency_us, energy_uj}}.
   *
   * @param all every feasible design evaluated
   * @param front the Pareto-optimal designs, by increasing latency
   * @param baseline the stated baseline design
   */
  public static void write(
      Path file, String title, List<double[]> all, List<double[]> front, double[] baseline)
      throws IOException {
    XYChart chart =
        frontChart(
            title, "latency (us)", "energy (uJ)", true, "evaluated", "Pareto front", all, front);
    addBaseline(chart, baseline);
    PngFile.save(chart, file);
  }

  /**
   * The latency-energy chart of a co-search: its feasible designs, its Pareto front and its
   * baseline, titled with the space, the number of designs and {@code workload}.
   */
  public static void write(Path file, SearchResult result, String workload) throws IOException {
    write(
        file,
        result.space() + ": " + result.evaluated().size() + " designs, " + workload,
        points(result.evaluated().stream().filter(Candidate::feasible).toList()),
        points(result.paretoFront()),
        point(result.baseline()));
  }

  // Latency in us, energy in uJ, by increasing latency.
  private static List<double[]> points(List<Candidate> candidates) {
    return candidates.stream()
        .map(c -> point(c.report()))
        .sorted(Comparator.comparingDouble(p -> p[0]))
        .toList();
  }

  private static double[] point(HardwareReport report) {
    return new double[] {report.latencySeconds() * 1e6, report.energyPicojoules() * 1e-6};
  }

  /**
   * The layout every front chart shares: log x axis, every design as a light-blue dot, the front as
   * a red line with diamonds, drawn in that order.
   */
  public static XYChart frontChart(
      String title,
      String xTitle,
      String yTitle,
      boolean logY,
      String allName,
      String frontName,
      List<double[]> all,
      List<double[]> front) {
    XYChart chart =
        new XYChartBuilder()
            .width(800)
            .height(550)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisLogarithmic(logY);
    style(
        chart.addSeries(allName, column(all, 0), column(all, 1)),
        SeriesMarkers.CIRCLE,
        new Color(150, 170, 220));
    XYSeries frontSeries = chart.addSeries(frontName, column(front, 0), column(front, 1));
    frontSeries.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    frontSeries.setLineColor(Color.RED);
    style(frontSeries, SeriesMarkers.DIAMOND, Color.RED);
    return chart;
  }

  /** Adds the baseline design, {@code {x, y}}, as a black square. */
  public static void addBaseline(XYChart chart, double[] baseline) {
    style(
        chart.addSeries("baseline", new double[] {baseline[0]}, new double[] {baseline[1]}),
        SeriesMarkers.SQUARE,
        Color.BLACK);
  }

  private static void style(XYSeries series, Marker marker, Color color) {
    series.setMarker(marker);
    series.setMarkerColor(color);
  }

  private static double[] column(List<double[]> points, int index) {
    return points.stream().mapToDouble(p -> p[index]).toArray();
  }
}
