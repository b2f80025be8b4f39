package org.snncodesign.cli.hardware;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.snncodesign.cli.report.PngFile;

/**
 * A PNG of a joint network x accelerator search in the EDP-accuracy plane: every design within the resource budget,
 * the EDP-accuracy Pareto front, the baseline (baseline design, unmodified network) and the accuracy floor.
 */
final class AccuracyParetoChart {
  private AccuracyParetoChart() {}

  /**
   * Points are {@code {edp_js, accuracy_percent}}.
   *
   * @param all every design within the budget
   * @param front the EDP-accuracy front, by increasing EDP
   * @param floorPercent the accuracy floor, drawn across the EDP range
   */
  static void write(Path file, String title, List<double[]> all, List<double[]> front, double[] baseline,
      double floorPercent) throws IOException {
    XYChart chart = new XYChartBuilder().width(800).height(550).title(title).xAxisTitle("EDP (J*s)")
        .yAxisTitle("validation accuracy (%)").build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setXAxisLogarithmic(true);
    XYSeries evaluated = chart.addSeries("evaluated (within budget)", column(all, 0), column(all, 1));
    evaluated.setMarker(SeriesMarkers.CIRCLE);
    evaluated.setMarkerColor(new Color(150, 170, 220));
    XYSeries pareto = chart.addSeries("EDP-accuracy front", column(front, 0), column(front, 1));
    pareto.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    pareto.setLineColor(Color.RED);
    pareto.setMarker(SeriesMarkers.DIAMOND);
    pareto.setMarkerColor(Color.RED);
    double low = Math.min(baseline[0], all.stream().mapToDouble(p -> p[0]).min().orElse(baseline[0]));
    double high = Math.max(baseline[0], all.stream().mapToDouble(p -> p[0]).max().orElse(baseline[0]));
    XYSeries floor = chart.addSeries("accuracy floor", new double[] {low, high},
        new double[] {floorPercent, floorPercent});
    floor.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    floor.setLineColor(Color.GRAY);
    floor.setMarker(SeriesMarkers.NONE);
    XYSeries base = chart.addSeries("baseline", new double[] {baseline[0]}, new double[] {baseline[1]});
    base.setMarker(SeriesMarkers.SQUARE);
    base.setMarkerColor(Color.BLACK);
    PngFile.save(chart, file);
  }

  private static double[] column(List<double[]> points, int index) {
    return points.stream().mapToDouble(p -> p[index]).toArray();
  }
}
