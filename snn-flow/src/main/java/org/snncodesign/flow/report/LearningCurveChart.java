package org.snncodesign.flow.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * PNG learning curve of a training run: train and test accuracy and weight sparsity per epoch, in
 * percent.
 */
public final class LearningCurveChart {
  private LearningCurveChart() {}

  /** Writes {@code file} (a .png path) from per-epoch values in [0, 1]. */
  public static void write(
      Path file, String title, List<Double> train, List<Double> test, List<Double> sparsity)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart chart =
        new XYChartBuilder()
            .width(800)
            .height(500)
            .title(title)
            .xAxisTitle("epoch")
            .yAxisTitle("%")
            .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(100.0);
    double[] epochs = new double[train.size()];
    for (int e = 0; e < epochs.length; e++) {
      epochs[e] = e + 1;
    }
    chart.addSeries("train accuracy", epochs, percent(train));
    chart.addSeries("test accuracy", epochs, percent(test));
    chart.addSeries("weight sparsity", epochs, percent(sparsity));
    PngFile.save(chart, file);
  }

  private static double[] percent(List<Double> values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = 100 * values.get(i);
    }
    return out;
  }
}
