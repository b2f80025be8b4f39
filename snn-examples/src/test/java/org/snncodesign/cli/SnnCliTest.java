package org.snncodesign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The snn command line")
class SnnCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @DisplayName("--version names the API version")
  void version() {
    CommandOutput run = CommandOutput.ofCli("--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("snn-api " + org.snncodesign.api.ApiVersion.CURRENT);
  }

  @Test
  @DisplayName(
      "plugins --json prints one JSON object on the last line, listing each provider with its jar")
  void pluginsJson() throws Exception {
    CommandOutput run = CommandOutput.ofCli("plugins", "--json");

    JsonNode report = JSON.readTree(run.lastLine());
    assertThat(run.exitCode()).isZero();
    assertThat(report.get("schema_version").asInt()).isEqualTo(JsonReport.SCHEMA_VERSION);
    assertThat(report.get("plugins"))
        .anySatisfy(
            p -> {
              assertThat(p.get("name").asText()).isEqualTo("test-fixture");
              assertThat(p.get("kind").asText()).isEqualTo("accelerator");
              assertThat(p.get("status").asText()).isEqualTo("loaded");
              assertThat(p.get("source").asText()).contains("test-classes");
            });
  }

  @Test
  @DisplayName("plugins prints a table with a header and a summary line")
  void pluginsTable() {
    CommandOutput run = CommandOutput.ofCli("plugins");
    assertThat(run.out())
        .contains("KIND", "NAME", "test-fixture")
        .containsPattern("\\d+ plugins loaded");
  }

  @Test
  @DisplayName("demo --json writes report.json and prints the same report as the last line")
  void demo(@TempDir Path out) throws Exception {
    CommandOutput run = CommandOutput.ofCli("demo", "--json", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode printed = JSON.readTree(run.lastLine());
    JsonNode written = JSON.readTree(Files.readString(out.resolve("report.json")));
    assertThat(printed).isEqualTo(written);
    assertThat(printed.get("command").asText()).isEqualTo("demo");
    assertThat(printed.at("/stages/plugins/accelerator").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(printed.at("/stages/software-run/accuracy").asDouble()).isGreaterThan(0.8);
    assertThat(
            printed
                .at("/stages/software-run/spike_driven_layers/0/max_abs_difference_vs_dense")
                .asDouble())
        .as("the sparse kernel computes the same layer as the dense product")
        .isLessThan(1e-5);
    assertThat(printed.at("/stages/software-run/spike_driven_layers/0/kernel_adds").asLong())
        .isLessThan(printed.at("/stages/software-run/spike_driven_layers/0/dense_macs").asLong());
    assertThat(printed.at("/stages/hardware/designs/0/accelerator").asText())
        .isEqualTo("cpu-gustavson");
    assertThat(printed.at("/stages/hardware/designs/0/energy_pj").asDouble()).isPositive();
    assertThat(printed.at("/stages/hardware/layers").asText())
        .as("the first layer is priced as bit planes, as snn hw does")
        .contains("fc1")
        .contains("bit planes");
    assertThat(printed.at("/stages/liquid-state-machine/neurons_after").asInt())
        .isLessThan(printed.at("/stages/liquid-state-machine/neurons_before").asInt());
    assertThat(printed.at("/stages/liquid-state-machine/accuracy_before").asDouble())
        .isGreaterThan(0.8);
    assertThat(out.resolve("hardware.csv")).isNotEmptyFile();
    assertThat(out.resolve("hardware-edp.png")).isNotEmptyFile();
    assertThat(run.err()).contains("[1/");
  }

  @Test
  @DisplayName("an unknown command exits 2 and says what was unknown")
  void unknownCommand() {
    CommandOutput run = CommandOutput.ofCli("frobnicate");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("frobnicate");
  }
}
