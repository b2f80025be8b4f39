package org.snncodesign.cli.spmm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.cli.CommandOutput;

@DisplayName("snn spmm and snn bench spmm")
class SpmmCommandTest {

  private static String run(Object command, String... args) {
    CommandOutput output = CommandOutput.of(command, args);
    assertThat(output.exitCode()).as(output.err()).isZero();
    return output.lastLine();
  }

  @Test
  @DisplayName(
      "prints cycles, energy, DRAM bytes and bottleneck per model as one JSON object, and writes CSV")
  void spmmJson(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("spmm.csv");
    String line =
        run(
            new SpmmCommand(PluginRegistry.discover()),
            "--sparsity",
            "0.9",
            "--spike-rate",
            "0.05",
            "--rows",
            "32",
            "--inputs",
            "256",
            "--outputs",
            "256",
            "--json",
            "--csv",
            csv.toString());
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("command").asText()).isEqualTo("spmm");
    assertThat(json.get("workload").get("inputs").asInt()).isEqualTo(256);
    for (String model : SpmmCommand.MODELS) {
      JsonNode m = json.get("models").get(model);
      assertThat(m.get("cycles").asLong()).as(model).isPositive();
      assertThat(m.get("energy_pj").asDouble()).as(model).isPositive();
      assertThat(m.get("dram_bytes").asDouble()).as(model).isPositive();
      assertThat(m.get("bottleneck").asText()).as(model).isIn("compute", "merge", "memory");
    }
    List<String> rows = Files.readAllLines(csv);
    assertThat(rows).hasSize(1 + 3);
    assertThat(rows.get(0)).startsWith("weight_sparsity,spike_rate,model,cycles");
  }

  @Test
  @DisplayName("sweeps every sparsity and spike-rate pair given as lists")
  void spmmSweep() throws Exception {
    String line =
        run(
            new SpmmCommand(PluginRegistry.discover()),
            "--sparsity",
            "0.5,0.99",
            "--spike-rate",
            "0.01,0.2",
            "--rows",
            "16",
            "--inputs",
            "128",
            "--outputs",
            "128",
            "--statistics",
            "--json");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("results")).hasSize(4);
    assertThat(json.has("models")).isFalse();
  }

  @Test
  @DisplayName("bench spmm reports the kernel's speed-up over the dense GEMM, with equal results")
  void bench() throws Exception {
    String line =
        run(
            new SpmmBenchCommand(),
            "--rows",
            "32",
            "--inputs",
            "256",
            "--outputs",
            "256",
            "--seconds",
            "0.05",
            "--json");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("speedup_vs_dense").asDouble()).isPositive();
    assertThat(json.get("results_equal").asBoolean()).isTrue();
    assertThat(json.get("measurement").asText()).contains("quick");
  }
}
