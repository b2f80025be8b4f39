package org.snncodesign.flow.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.spmm.study.SpmmStudy;

/**
 * What an {@link SpmmStudy} found, as {@code snn spmm} reports it: the layer, then per (weight
 * sparsity, spike rate) setting each model's figures and the fastest model. Jackson writes it with
 * snake-case keys in this order; {@link #writeCsv} writes the same figures as one CSV row per
 * setting and model.
 *
 * <pre>{@code
 * SpmmReport report = SpmmReport.run(study, models, EnergyTable.HOROWITZ_45NM, System.err);
 * report.writeCsv(Path.of("spmm.csv"));
 * }</pre>
 *
 * @param workload the layer and how its operands were made
 * @param results one result per setting, sparsities outer and rates inner
 * @param models the models' figures when the study has one setting (a shortcut to {@code
 *     results[0].models}); null otherwise
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpmmReport(Workload workload, List<Result> results, Map<String, Figures> models) {

  /** The CSV columns, one row per setting and model. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "weight_sparsity",
          "spike_rate",
          "model",
          "cycles",
          "latency_s",
          "energy_pj",
          "dram_bytes",
          "bottleneck",
          "edp_js");

  /**
   * The layer of the study.
   *
   * @param rows rows of S (time steps x batch)
   * @param inputs K, presynaptic neurons
   * @param outputs M, postsynaptic neurons
   * @param weightBits bits per stored weight
   * @param operands {@code synthetic} or {@code statistics}
   * @param seed seed of the synthetic operands
   * @param energyTable the energy table's name
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  public record Workload(
      int rows,
      int inputs,
      int outputs,
      int weightBits,
      String operands,
      long seed,
      String energyTable) {}

  /**
   * The models at one setting.
   *
   * @param weightSparsity the weight sparsity asked for
   * @param spikeRate the spike rate asked for
   * @param measuredSpikeRate the spike rate of the operands priced
   * @param measuredWeightDensity the weight density of the operands priced
   * @param models each model's figures, by model name, in the order the models were given
   * @param fastest the model of least latency
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  public record Result(
      double weightSparsity,
      double spikeRate,
      double measuredSpikeRate,
      double measuredWeightDensity,
      Map<String, Figures> models,
      String fastest) {}

  /**
   * One model's figures at one setting.
   *
   * @param cycles clock cycles
   * @param latencyS latency in seconds
   * @param energyPj energy in picojoules
   * @param dramBytes bytes moved to and from DRAM (0 when the model counts none)
   * @param bottleneck what limits the model
   * @param edpJs energy-delay product in joule seconds
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  public record Figures(
      long cycles,
      double latencyS,
      double energyPj,
      double dramBytes,
      String bottleneck,
      double edpJs) {

    static Figures of(HardwareReport r) {
      return new Figures(
          r.cycles(),
          r.latencySeconds(),
          r.energyPicojoules(),
          r.counters().getOrDefault("dram_bytes", 0.0),
          r.bottleneck(),
          r.energyDelayProduct());
    }
  }

  /**
   * Prices every setting of {@code study} on {@code models} with {@code energy}, naming each
   * setting on {@code progress} before it is priced.
   */
  public static SpmmReport run(
      SpmmStudy study, List<Accelerator> models, EnergyTable energy, PrintStream progress) {
    List<Result> results = new ArrayList<>();
    for (SpmmStudy.Setting setting : study.settings()) {
      progress.printf(
          "spmm: weight sparsity %.4f, spike rate %.4f%n",
          setting.weightSparsity(), setting.spikeRate());
      SpmmStudy.Point p = study.evaluate(setting, models, energy);
      Map<String, Figures> figures = new LinkedHashMap<>();
      p.reports().forEach((name, report) -> figures.put(name, Figures.of(report)));
      results.add(
          new Result(
              setting.weightSparsity(),
              setting.spikeRate(),
              p.layer().spikeRate(),
              p.layer().weightDensity(),
              figures,
              p.fastest()));
    }
    Workload workload =
        new Workload(
            study.layer().rows(),
            study.layer().inputs(),
            study.layer().outputs(),
            study.weightBits(),
            study.operands().name().toLowerCase(Locale.ROOT),
            study.layer().seed(),
            energy.name());
    return new SpmmReport(
        workload, List.copyOf(results), results.size() == 1 ? results.get(0).models() : null);
  }

  /** The figures as a table, one row per setting and model, in {@link #CSV_COLUMNS}. */
  public ResultTable table() {
    ResultTable table = new ResultTable(CSV_COLUMNS);
    for (Result result : results) {
      result
          .models()
          .forEach(
              (model, f) ->
                  table.add(
                      result.weightSparsity(),
                      result.spikeRate(),
                      model,
                      f.cycles(),
                      f.latencyS(),
                      f.energyPj(),
                      f.dramBytes(),
                      f.bottleneck(),
                      f.edpJs()));
    }
    return table;
  }

  /** Writes {@link #table()} as CSV to {@code file} (Commons CSV, moved in when complete). */
  public void writeCsv(Path file) throws IOException {
    table().writeCsv(file);
  }
}
