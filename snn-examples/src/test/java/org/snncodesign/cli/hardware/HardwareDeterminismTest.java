package org.snncodesign.cli.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.cli.CommandOutput;
import org.snncodesign.cli.JsonReport;

/**
 * The same command with the same seed prints the same bytes: every {@code snn hw} command and the
 * demo. Wall-clock figures are excluded by name, and only they: {@code measured_timing} (the demo's
 * per-stage times) and the training stage's {@code train_seconds}.
 */
@DisplayName("Hardware reports are deterministic")
class HardwareDeterminismTest {

  private static String stdout(Object command, String... args) {
    CommandOutput run = CommandOutput.of(command, args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run.out();
  }

  @Test
  @DisplayName("two runs of hw evaluate --json on the default network print identical output")
  void evaluate() {
    String first = stdout(new HwEvaluateCommand(PluginRegistry.discover()), "--json");
    assertThat(stdout(new HwEvaluateCommand(PluginRegistry.discover()), "--json")).isEqualTo(first);
  }

  @Test
  @DisplayName(
      "two runs of hw search --json print identical output and write identical Pareto CSVs")
  void search(@TempDir Path dir) throws Exception {
    String first = stdout(new HwSearchCommand(), "--json", "--out", dir.resolve("a").toString());
    String second = stdout(new HwSearchCommand(), "--json", "--out", dir.resolve("b").toString());
    assertThat(second.replace(dir.resolve("b").toString(), dir.resolve("a").toString()))
        .isEqualTo(first);
    assertThat(Files.readString(dir.resolve("b/pareto.csv")))
        .isEqualTo(Files.readString(dir.resolve("a/pareto.csv")));
  }

  @Test
  @DisplayName("two runs of hw verilog --json print identical output")
  void verilog(@TempDir Path dir) {
    String first =
        stdout(
            new HwVerilogCommand(),
            "--json",
            "--no-simulate",
            "--out",
            dir.resolve("a").toString());
    String second =
        stdout(
            new HwVerilogCommand(),
            "--json",
            "--no-simulate",
            "--out",
            dir.resolve("b").toString());
    assertThat(second.replace(dir.resolve("b").toString(), dir.resolve("a").toString()))
        .isEqualTo(first);
  }

  @Test
  @DisplayName(
      "two runs of demo --seed 7 --json print identical reports but for the wall-clock times, and "
          + "identical hardware.csv")
  void demo(@TempDir Path dir) throws Exception {
    JsonNode first = demoReport(dir.resolve("a"));
    JsonNode second = demoReport(dir.resolve("b"));
    assertThat(JsonReport.mapper().writeValueAsString(second))
        .isEqualTo(JsonReport.mapper().writeValueAsString(first));
    assertThat(Files.readString(dir.resolve("b/hardware.csv")))
        .isEqualTo(Files.readString(dir.resolve("a/hardware.csv")));
  }

  private static JsonNode demoReport(Path out) throws Exception {
    CommandOutput run =
        CommandOutput.ofCli("demo", "--seed", "7", "--json", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    ObjectNode report = (ObjectNode) JsonReport.mapper().readTree(run.lastLine());
    report.remove("measured_timing");
    ((ObjectNode) report.path("stages").path("training")).remove("train_seconds");
    return report;
  }
}
