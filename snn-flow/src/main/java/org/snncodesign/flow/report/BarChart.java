package org.snncodesign.flow.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** A PNG bar chart of one figure per category, on a log axis when values span decades. */
public final class BarChart {
  private BarChart() {}

  /** Writes {@code file} (a PNG); folders are created. */
  public static void write(
      Path file, String title, String yAxis, List<String> categories, List<Double> values)
      throws IOException {
    CategoryChart chart =
        new CategoryChartBuilder().width(800).height(500).title(title).yAxisTitle(yAxis).build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setXAxisLabelRotation(20);
    double min =
        values.stream().mapToDouble(Double::doubleValue).filter(v -> v > 0).min().orElse(1);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
    boolean logarithmic = min > 0 && max / min > 100;
    chart.getStyler().setYAxisLogarithmic(logarithmic);
    if (logarithmic) {
      // Bars grow from the axis minimum, which a log axis cannot put at 0.
      chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
    }
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.addSeries(yAxis, categories, values);
    PngFile.save(chart, file);
  }
}
