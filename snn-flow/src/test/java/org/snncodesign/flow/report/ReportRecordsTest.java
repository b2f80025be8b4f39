package org.snncodesign.flow.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.energy.StaticPower;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.flow.measure.MeasuredWorkload;
import org.snncodesign.flow.search.DesignRow;
import org.snncodesign.flow.search.PricedDesign;
import org.snncodesign.fpga.search.ComparedDesign;
import org.snncodesign.fpga.verilog.PeArrayConfig;
import org.snncodesign.fpga.verilog.SimulationResult;
import org.snncodesign.fpga.verilog.VerilogExport;
import org.snncodesign.spmm.study.SpmmLayer;
import org.snncodesign.spmm.study.SpmmStudy;

@DisplayName("Report records")
class ReportRecordsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final PluginRegistry PLUGINS = PluginRegistry.discover();

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static HardwareReport priced(Workload workload) {
    return PLUGINS
        .require(Accelerator.class, "spiked-gustavson")
        .evaluate(workload, EnergyTable.HOROWITZ_45NM);
  }

  @Test
  @DisplayName("a hardware report's figures come out as snake-case JSON in a fixed order")
  void hardwareFigures() {
    Workload workload = MeasuredWorkload.synthetic(4, 0.15, 1).priced();
    HardwareReport report = priced(workload);
    JsonNode json = MAPPER.valueToTree(HardwareFigures.of(report));
    assertThat(keys(json))
        .containsExactly(
            "accelerator",
            "cycles",
            "clock_hz",
            "latency_s",
            "energy_pj",
            "static_included",
            "edp_js",
            "bottleneck",
            "basis",
            "configuration",
            "energy_by_category_pj",
            "energy_components_pj",
            "resources",
            "counters");
    assertThat(json.get("cycles").asLong()).isEqualTo(report.cycles());
    assertThat(json.get("edp_js").asDouble()).isEqualTo(report.energyDelayProduct());
    JsonNode variant =
        MAPPER.valueToTree(
            HardwareFigures.of(report).unnamed().withNetwork(Map.of("fc1_bits", "4")));
    assertThat(keys(variant)).doesNotContain("accelerator").endsWith("counters", "network");
  }

  @Test
  @DisplayName(
      "a design row puts its figures in line, only the reason when declined, only the error when failed")
  void designRows() {
    Workload workload = MeasuredWorkload.synthetic(4, 0.15, 1).priced();
    Accelerator model = PLUGINS.require(Accelerator.class, "spiked-gustavson");
    ComparedDesign design =
        new ComparedDesign(
            "spiked-gustavson", ComparedDesign.DesignPoint.DEFAULT, Optional.of(model), "default");
    ComparedDesign declined =
        new ComparedDesign(
            "lut-lsm", ComparedDesign.DesignPoint.DEFAULT, Optional.empty(), "runs liquids");
    List<DesignRow> rows =
        List.of(
            DesignRow.of(
                PricedDesign.priceAll(
                        List.of(design),
                        List.of(workload),
                        EnergyTable.HOROWITZ_45NM,
                        StaticPower.EXCLUDED)
                    .get(0)),
            DesignRow.of(new PricedDesign(declined, Optional.empty(), Optional.empty())),
            DesignRow.of(new PricedDesign(design, Optional.empty(), Optional.of("out of memory"))));
    JsonNode json = MAPPER.valueToTree(rows);
    assertThat(keys(json.get(0)))
        .startsWith("accelerator", "design_point", "assumption", "declined", "cycles")
        .doesNotContain("error");
    assertThat(keys(json.get(1)))
        .containsExactly("accelerator", "design_point", "assumption", "declined");
    assertThat(keys(json.get(2))).containsExactly("accelerator", "design_point", "error");
    assertThat(rows.get(1).note()).isEqualTo("lut-lsm: runs liquids");
    assertThat(rows.get(0).note()).isEqualTo("spiked-gustavson (default): default");
    assertThat(rows.stream().filter(DesignRow::failed)).containsExactly(rows.get(2));
  }

  @Test
  @DisplayName(
      "an SpMM study's report writes one CSV row per setting and model from the figures of its JSON")
  void spmmReport(@TempDir Path dir) throws Exception {
    List<Accelerator> models =
        List.of(
            PLUGINS.require(Accelerator.class, "spiked-gustavson"),
            PLUGINS.require(Accelerator.class, "dense-array"));
    SpmmStudy study =
        new SpmmStudy(
            new SpmmLayer(8, 16, 16, 42),
            8,
            SpmmStudy.Operands.SYNTHETIC,
            List.of(0.5, 0.9),
            List.of(0.1));
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    SpmmReport report =
        SpmmReport.run(
            study,
            models,
            EnergyTable.HOROWITZ_45NM,
            new PrintStream(progress, true, StandardCharsets.UTF_8));
    report.writeCsv(dir.resolve("spmm.csv"));
    JsonNode json = MAPPER.valueToTree(report);
    assertThat(keys(json)).containsExactly("workload", "results");
    assertThat(keys(json.get("results").get(1)))
        .containsExactly(
            "weight_sparsity",
            "spike_rate",
            "measured_spike_rate",
            "measured_weight_density",
            "models",
            "fastest");
    List<String> lines = Files.readAllLines(dir.resolve("spmm.csv"));
    assertThat(lines).hasSize(1 + 2 * 2);
    assertThat(lines.get(0)).isEqualTo(String.join(",", SpmmReport.CSV_COLUMNS));
    assertThat(lines.get(3))
        .startsWith(
            "0.9,0.1,spiked-gustavson," + json.at("/results/1/models/spiked-gustavson/cycles"));
    assertThat(progress.toString(StandardCharsets.UTF_8)).contains("weight sparsity 0.9000");
  }

  @Test
  @DisplayName("an SpMM study of one setting names its models at the top too")
  void spmmOneSetting() {
    SpmmStudy study =
        new SpmmStudy(
            new SpmmLayer(8, 16, 16, 42),
            8,
            SpmmStudy.Operands.STATISTICS,
            List.of(0.9),
            List.of(0.1));
    SpmmReport report =
        SpmmReport.run(
            study,
            List.of(PLUGINS.require(Accelerator.class, "dense-array")),
            EnergyTable.HOROWITZ_45NM,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    JsonNode json = MAPPER.valueToTree(report);
    assertThat(json.get("models")).isEqualTo(json.at("/results/0/models"));
    assertThat(json.at("/workload/operands").asText()).isEqualTo("statistics");
  }

  @Test
  @DisplayName("the plugins report counts loaded and refused providers and names each one's jar")
  void pluginsReport() {
    PluginsReport report = PluginsReport.of(PLUGINS);
    assertThat(report.loaded() + report.problems()).isEqualTo(PLUGINS.all().size());
    assertThat(report.problems()).isEqualTo(PLUGINS.problems().size());
    JsonNode json = MAPPER.valueToTree(report);
    assertThat(keys(json)).containsExactly("api_version", "plugins", "loaded", "problems");
    assertThat(keys(json.at("/plugins/0")))
        .startsWith("kind", "name", "version", "api_version", "class", "source", "status");
    PluginsReport.Entry jar =
        new PluginsReport.Entry(
            "accelerator", "x", "1", "1.0", "X", "file:/a/b/x.jar", "loaded", null, "x");
    PluginsReport.Entry folder =
        new PluginsReport.Entry(
            "accelerator", "x", "1", "1.0", "X", "file:/a/classes/", "failed", "no", null);
    assertThat(jar.sourceName()).isEqualTo("x.jar");
    assertThat(folder.sourceName()).isEqualTo("classes/");
    assertThat(folder.loaded()).isFalse();
  }

  @Test
  @DisplayName("a progress bar fills its width in proportion, rounded down")
  void progressBar() {
    assertThat(ProgressBar.of(5, 20, 20)).isEqualTo("[#####...............]");
    assertThat(ProgressBar.of(1, 3, 4)).isEqualTo("[#...]");
    assertThat(ProgressBar.of(3, 3, 4)).isEqualTo("[####]");
  }

  @Test
  @DisplayName(
      "a Verilog report puts one block's fields in line, or lists the blocks with their mismatches summed")
  void verilogReport(@TempDir Path dir) throws Exception {
    VerilogExport.Summary summary =
        VerilogExport.writeAll(
            List.of(
                VerilogExport.bitmapPe(16, 4, 16), VerilogExport.peArray(PeArrayConfig.DEFAULT)),
            dir,
            20,
            1,
            false);
    JsonNode one =
        MAPPER.valueToTree(VerilogReport.of(summary.outcomes().get(1), 20, false, "no iverilog"));
    assertThat(keys(one))
        .containsExactly(
            "skipped", "config", "module", "out", "files", "vectors", "simulated", "cycle_check");
    assertThat(keys(one.get("cycle_check")))
        .containsExactly(
            "tiles", "synaptic_ops", "firefly_compute_cycles", "model_cycles", "cycles_agree");
    JsonNode all = MAPPER.valueToTree(VerilogReport.of(summary, dir, 20, false, null));
    assertThat(keys(all)).containsExactly("blocks", "out", "vectors", "simulated");
    assertThat(all.get("blocks")).hasSize(2);
    VerilogExport.Outcome exact =
        new VerilogExport.Outcome(
            "m",
            dir,
            List.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(new SimulationResult(10, 2)));
    JsonNode simulated =
        MAPPER.valueToTree(
            VerilogReport.of(
                new VerilogExport.Summary(List.of(exact, exact)), dir, 10, true, null));
    assertThat(simulated.get("mismatches").asLong()).isEqualTo(4);
    assertThat(simulated.get("bit_exact").asBoolean()).isFalse();
  }
}
