package org.snncodesign.flow.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.snncodesign.flow.lsm.SaStlSeedStudy;
import org.snncodesign.learning.stdp.SaStl;
import org.snncodesign.learning.stdp.SaStlTask;

/**
 * PNG of an {@link SaStlSeedStudy}: the mean van Rossum distance to the targets (error bars: sd
 * over seeds) against the kept share, one series per selection, each starting from the unpruned
 * learner at share 1, and a dashed line 10 % above the unpruned learner's distance (the target).
 */
public final class SaStlChart {
  private SaStlChart() {}

  /** Writes {@code file} (a .png path). */
  public static void write(Path file, SaStlSeedStudy.Result result) throws IOException {
    System.setProperty("java.awt.headless", "true");
    SaStlSeedStudy.Settings settings = result.settings();
    String xTitle =
        settings.training().budget() == SaStl.Budget.ALL
            ? "share of all recurrent synapses kept"
            : "share of trainable synapses (onto the outputs) kept";
    String taskName =
        settings.targets() == SaStlTask.Targets.POISSON
            ? "random (Poisson) targets"
            : "teacher targets";
    XYChart chart =
        new XYChartBuilder()
            .width(900)
            .height(540)
            .title("SA-STL (" + taskName + "): distance to target vs share of synapses kept")
            .xAxisTitle(xTitle)
            .yAxisTitle("van Rossum distance (mean +- sd)")
            .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    SaStlSeedStudy.Summary full = result.full();
    Map<String, List<SaStlSeedStudy.Summary>> series = new LinkedHashMap<>();
    for (SaStlSeedStudy.Summary s : result.summary()) {
      if (!s.selection().equals(SaStlSeedStudy.FULL)) {
        series.computeIfAbsent(s.selection(), k -> new ArrayList<>(List.of(full))).add(s);
      }
    }
    for (Map.Entry<String, List<SaStlSeedStudy.Summary>> e : series.entrySet()) {
      List<SaStlSeedStudy.Summary> points = e.getValue();
      points.sort(Comparator.comparingDouble(SaStlSeedStudy.Summary::keepFraction));
      chart
          .addSeries(
              e.getKey(),
              points.stream().mapToDouble(SaStlSeedStudy.Summary::keepFraction).toArray(),
              points.stream().mapToDouble(p -> p.vanRossum().mean()).toArray(),
              points.stream().mapToDouble(p -> p.vanRossum().sdOrZero()).toArray())
          .setMarker(SeriesMarkers.CIRCLE);
    }
    ReferenceLine.dashed(chart, "unpruned + 10 %", 0.2, 1, 1.1 * full.vanRossum().mean());
    PngFile.save(chart, file);
  }
}
