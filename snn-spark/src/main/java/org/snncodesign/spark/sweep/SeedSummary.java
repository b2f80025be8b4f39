package org.snncodesign.spark.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snncodesign.flow.sweep.SampleStatistics;

/**
 * A sweep's table summarised per setting across seeds: for every numeric record column (and {@code
 * seconds}) the {@link SampleStatistics} of its successful points.
 *
 * @param parameters the parameter columns that identify a setting
 * @param metrics the summarised columns
 * @param settings one entry per setting, in the table's order
 */
public record SeedSummary(List<String> parameters, List<String> metrics, List<Setting> settings) {

  /**
   * One setting's statistics.
   *
   * @param values the parameter values, one per {@link #parameters()}
   * @param runs points of this setting
   * @param failed of those, the failed ones
   * @param statistics per metric
   */
  public record Setting(
      List<Object> values, int runs, int failed, Map<String, SampleStatistics> statistics) {}

  /** Summarises {@code table}. */
  public static SeedSummary of(SweepTable table) {
    List<String> parameters = table.parameters();
    Set<String> metrics = new LinkedHashSet<>(List.of("seconds"));
    Map<List<Object>, List<PointResult>> groups = new LinkedHashMap<>();
    for (PointResult r : table.results()) {
      List<Object> key = new ArrayList<>();
      parameters.forEach(p -> key.add(r.point().settingView().get(p)));
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
      if (r.succeeded()) {
        r.record()
            .values()
            .forEach(
                (name, value) -> {
                  if (value instanceof Number) {
                    metrics.add(name);
                  }
                });
      }
    }
    List<Setting> settings = new ArrayList<>();
    groups.forEach(
        (values, results) -> {
          List<PointResult> ok = results.stream().filter(PointResult::succeeded).toList();
          Map<String, SampleStatistics> statistics = new LinkedHashMap<>();
          for (String metric : metrics) {
            statistics.put(
                metric,
                SampleStatistics.of(
                    ok.stream()
                        .map(
                            r ->
                                metric.equals("seconds")
                                    ? r.seconds()
                                    : r.record().values().get(metric))
                        .filter(v -> v instanceof Number)
                        .mapToDouble(v -> ((Number) v).doubleValue())
                        .toArray()));
          }
          settings.add(new Setting(values, results.size(), results.size() - ok.size(), statistics));
        });
    return new SeedSummary(parameters, List.copyOf(metrics), settings);
  }

  /**
   * Writes one row per setting: parameters, runs, failed, then {@code m_mean, m_sd, m_ci95} per
   * metric.
   */
  public void writeCsv(Path file) throws IOException {
    List<String> header = new ArrayList<>(parameters);
    header.add("runs");
    header.add("failed");
    for (String m : metrics) {
      header.addAll(List.of(m + "_mean", m + "_sd", m + "_ci95"));
    }
    SweepTable.writeCsv(
        file,
        header,
        r -> {
          Setting s = settings.get(r);
          List<Object> row = new ArrayList<>(s.values());
          row.add(s.runs());
          row.add(s.failed());
          for (String m : metrics) {
            SampleStatistics st = s.statistics().get(m);
            row.addAll(List.of(st.mean(), st.sd(), st.ci95()));
          }
          return row;
        },
        settings.size());
  }
}
