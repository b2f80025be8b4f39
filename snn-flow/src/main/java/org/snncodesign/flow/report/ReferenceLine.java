package org.snncodesign.flow.report;

import java.awt.BasicStroke;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Horizontal reference lines on a chart: accuracy floors and target levels. */
public final class ReferenceLine {
  private static final BasicStroke DASHED =
      new BasicStroke(
          1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

  private ReferenceLine() {}

  /**
   * A dashed line at {@code level} from {@code from} to {@code to}, in the chart's next series
   * colour.
   */
  public static XYSeries dashed(XYChart chart, String name, double from, double to, double level) {
    XYSeries line = solid(chart, name, from, to, level);
    line.setLineStyle(DASHED);
    return line;
  }

  /** A solid line at {@code level} from {@code from} to {@code to} in {@code color}. */
  public static XYSeries solid(
      XYChart chart, String name, double from, double to, double level, Color color) {
    XYSeries line = solid(chart, name, from, to, level);
    line.setLineColor(color);
    return line;
  }

  // Drawn as a line even in a scatter chart.
  private static XYSeries solid(XYChart chart, String name, double from, double to, double level) {
    XYSeries line = chart.addSeries(name, new double[] {from, to}, new double[] {level, level});
    line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    line.setMarker(SeriesMarkers.NONE);
    return line;
  }
}
