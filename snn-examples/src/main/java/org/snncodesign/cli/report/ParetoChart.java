package org.snncodesign.cli.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A PNG scatter of design points in the latency-energy plane: all evaluated, the Pareto front, the baseline. */
public final class ParetoChart {
  private ParetoChart() {}

  /**
   * One point per design, as {@code {latency_us, energy_uj}}.
   *
   * @param all every feasible design evaluated
   * @param front the Pareto-optimal designs, by increasing latency
   * @param baseline the stated baseline design
   */
  public static void write(Path file, String title, List<double[]> all, List<double[]> front, double[] baseline)
      throws IOException {
    XYChart chart = new XYChartBuilder().width(800).height(550).title(title).xAxisTitle("latency (us)")
        .yAxisTitle("energy (uJ)").build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisLogarithmic(true);
    style(chart.addSeries("evaluated", column(all, 0), column(all, 1)), SeriesMarkers.CIRCLE,
        new Color(150, 170, 220));
    XYSeries paretoSeries = chart.addSeries("Pareto front", column(front, 0), column(front, 1));
    paretoSeries.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    paretoSeries.setLineColor(Color.RED);
    style(paretoSeries, SeriesMarkers.DIAMOND, Color.RED);
    style(chart.addSeries("baseline", new double[] {baseline[0]}, new double[] {baseline[1]}), SeriesMarkers.SQUARE,
        Color.BLACK);
    PngFile.save(chart, file);
  }

  private static void style(XYSeries series, Marker marker, Color color) {
    series.setMarker(marker);
    series.setMarkerColor(color);
  }

  private static double[] column(List<double[]> points, int index) {
    return points.stream().mapToDouble(p -> p[index]).toArray();
  }
}
