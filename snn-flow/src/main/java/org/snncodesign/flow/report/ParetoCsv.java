package org.snncodesign.flow.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.fpga.search.Candidate;
import org.snncodesign.fpga.search.SearchResult;

/**
 * A co-search's Pareto fronts as CSV ({@code pareto.csv}, {@code pareto-accuracy.csv}), one design
 * a row in the front's order: {@code latency_s, energy_pj, edp_js, cycles, lut, ff, bram36, dsp},
 * then, when network genes were searched, {@code accuracy} and the network configuration, then the
 * design's configuration, each configuration's keys in the order the front first names them (empty
 * where a design has no such key). Figures are written {@code %.6e}, the accuracy {@code %.4f}, as
 * a {@link CsvFile}. The charts of the same fronts are {@link ParetoChart} and {@link
 * AccuracyParetoChart}.
 */
public final class ParetoCsv {
  private ParetoCsv() {}

  /** Writes {@link SearchResult#paretoFront()}, the energy-latency front, to {@code file}. */
  public static void writeLatencyFront(Path file, SearchResult result) throws IOException {
    write(file, result, result.paretoFront());
  }

  /** Writes {@link SearchResult#accuracyFront()}, the EDP-accuracy front, to {@code file}. */
  public static void writeAccuracyFront(Path file, SearchResult result) throws IOException {
    write(file, result, result.accuracyFront());
  }

  private static void write(Path file, SearchResult result, List<Candidate> front)
      throws IOException {
    Set<String> networkKeys = new LinkedHashSet<>();
    Set<String> keys = new LinkedHashSet<>();
    for (Candidate c : front) {
      networkKeys.addAll(c.network().configuration().keySet());
      keys.addAll(c.report().configuration().keySet());
    }
    List<String> columns =
        new ArrayList<>(
            List.of("latency_s", "energy_pj", "edp_js", "cycles", "lut", "ff", "bram36", "dsp"));
    if (result.searchedNetwork()) {
      columns.add("accuracy");
      columns.addAll(networkKeys);
    }
    columns.addAll(keys);
    List<List<Object>> rows = new ArrayList<>();
    for (Candidate c : front) {
      HardwareReport r = c.report();
      Map<String, Long> resources = r.resources();
      List<Object> row =
          new ArrayList<>(
              List.of(
                  figure(r.latencySeconds()),
                  figure(r.energyPicojoules()),
                  figure(r.energyDelayProduct()),
                  r.cycles(),
                  resources.getOrDefault("lut", 0L),
                  resources.getOrDefault("ff", 0L),
                  resources.getOrDefault("bram36", 0L),
                  resources.getOrDefault("dsp", 0L)));
      if (result.searchedNetwork()) {
        row.add(String.format(Locale.ROOT, "%.4f", c.accuracy()));
        networkKeys.forEach(k -> row.add(c.network().configuration().getOrDefault(k, "")));
      }
      keys.forEach(k -> row.add(r.configuration().getOrDefault(k, "")));
      rows.add(row);
    }
    CsvFile.write(file, columns, rows);
  }

  private static String figure(double value) {
    return String.format(Locale.ROOT, "%.6e", value);
  }
}
