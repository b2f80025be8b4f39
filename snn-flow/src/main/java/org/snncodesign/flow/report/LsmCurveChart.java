package org.snncodesign.flow.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.snncodesign.learning.lsm.pruning.PruningPoint;

/**
 * PNG of an LSM pruning curve: test and cross-validated accuracy (percent) against liquid neurons,
 * one pair of series per way of pruning (plain or re-wired; the full liquid starts every series),
 * and the target lines one point below the full liquid's test and CV accuracy.
 */
public final class LsmCurveChart {
  private LsmCurveChart() {}

  /** Writes {@code file} (a .png path); the first point is the full liquid. */
  public static void write(Path file, String title, List<PruningPoint> points) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart chart =
        new XYChartBuilder()
            .width(960)
            .height(560)
            .title(title)
            .xAxisTitle("liquid neurons")
            .yAxisTitle("accuracy (%)")
            .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    PruningPoint full = points.get(0);
    Map<String, List<PruningPoint>> groups = new LinkedHashMap<>();
    for (PruningPoint p : points.subList(1, points.size())) {
      String key = p.rewired() ? "re-wired" : "plain";
      groups.computeIfAbsent(key, k -> new ArrayList<>(List.of(full))).add(p);
    }
    if (groups.isEmpty()) {
      groups.put("full", List.of(full));
    }
    for (Map.Entry<String, List<PruningPoint>> g : groups.entrySet()) {
      List<PruningPoint> series = new ArrayList<>(g.getValue());
      series.sort((a, b) -> Integer.compare(a.size().neurons(), b.size().neurons()));
      double[] x = series.stream().mapToDouble(p -> p.size().neurons()).toArray();
      chart
          .addSeries(
              g.getKey() + ", test",
              x,
              series.stream().mapToDouble(p -> 100 * p.testAccuracy()).toArray())
          .setMarker(SeriesMarkers.CIRCLE);
      chart
          .addSeries(
              g.getKey() + ", CV (train)",
              x,
              series.stream().mapToDouble(p -> 100 * p.cvAccuracy()).toArray())
          .setMarker(SeriesMarkers.DIAMOND);
    }
    double lowest =
        points.stream().mapToDouble(PruningPoint::keepFraction).min().orElse(1)
            * full.size().neurons();
    ReferenceLine.dashed(
        chart, "full test - 1 point", lowest, full.size().neurons(), 100 * full.testAccuracy() - 1);
    ReferenceLine.dashed(
        chart, "full CV - 1 point", lowest, full.size().neurons(), 100 * full.cvAccuracy() - 1);
    PngFile.save(chart, file);
  }
}
