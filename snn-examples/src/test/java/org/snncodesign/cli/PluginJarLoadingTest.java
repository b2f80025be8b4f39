package org.snncodesign.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.plugin.PluginJarBuilder;

@DisplayName("snn --plugins DIR loads plugin jars that are not on the class path")
class PluginJarLoadingTest {
  private static final Path SAMPLE = Path.of("..", "examples", "third-party-plugin", "src", "main");

  @TempDir static Path work;
  private static Path pluginFolder;

  @BeforeAll
  static void buildSamplePlugin() throws Exception {
    assumeThat(SAMPLE).as("sample plugin sources under examples/third-party-plugin").isDirectory();
    pluginFolder = Files.createDirectories(work.resolve("plugins"));
    PluginJarBuilder.build(
        SAMPLE.resolve("java"),
        SAMPLE.resolve("resources"),
        Files.createDirectories(work.resolve("build")),
        pluginFolder.resolve("mac-array-plugin.jar"));
  }

  private static JsonNode find(JsonNode report, String name) {
    for (JsonNode plugin : report.get("plugins")) {
      if (plugin.get("name").asText().equals(name)) {
        return plugin;
      }
    }
    return null;
  }

  @Test
  @DisplayName("snn plugins lists the jar's accelerator, loaded, with the jar as its source")
  void listed() throws Exception {
    CommandOutput run =
        CommandOutput.ofCli("--plugins", pluginFolder.toString(), "plugins", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode plugin = find(new ObjectMapper().readTree(run.lastLine()), "example-dense-mac");
    assertThat(plugin).isNotNull();
    assertThat(plugin.get("status").asText()).isEqualTo("loaded");
    assertThat(plugin.get("source").asText()).endsWith("mac-array-plugin.jar");
  }

  @Test
  @DisplayName("without --plugins the jar's accelerator is not there")
  void notWithoutTheOption() throws Exception {
    CommandOutput run = CommandOutput.ofCli("plugins", "--json");
    assertThat(find(new ObjectMapper().readTree(run.lastLine()), "example-dense-mac")).isNull();
  }

  @Test
  @DisplayName("hw estimate prices a workload on the loaded plugin by name")
  void usedByName() throws Exception {
    CommandOutput run =
        CommandOutput.ofCli(
            "--plugins=" + pluginFolder,
            "hw",
            "estimate",
            "--model",
            "example-dense-mac",
            "--synthetic",
            "--steps",
            "2",
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.lastLine()).get("reports").get(0);
    assertThat(report.get("accelerator").asText()).isEqualTo("example-dense-mac");
  }

  @Test
  @DisplayName("a plugin location that does not exist is refused in one line")
  void missingFolder() {
    CommandOutput run =
        CommandOutput.ofCli("--plugins", work.resolve("nowhere").toString(), "plugins");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .contains("nowhere")
        .contains("no such folder")
        .doesNotContain("Exception");
  }

  @Test
  @DisplayName(
      "only options before the command are plugin locations, in order, split like a class path")
  void optionParsing() {
    assertThat(
            SnnCli.pluginOptions(
                "--plugins",
                "a" + java.io.File.pathSeparator + "b",
                "--plugins=c",
                "data",
                "--plugins",
                "d"))
        .containsExactly(Path.of("a"), Path.of("b"), Path.of("c"));
    assertThat(SnnCli.pluginOptions("plugins")).isEqualTo(List.of());
  }

  @Test
  @DisplayName(
      "hw search explores the design space the jar's accelerator declares, its default as the baseline")
  void searchedByName() throws Exception {
    CommandOutput run =
        CommandOutput.ofCli(
            "--plugins",
            pluginFolder.toString(),
            "hw",
            "search",
            "--model",
            "example-dense-mac",
            "--synthetic",
            "--steps",
            "2",
            "--random",
            "8",
            "--population",
            "4",
            "--generations",
            "2",
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.lastLine());
    assertThat(report.toString()).contains("example-dense-mac");
    assertThat(report.get("best").get("configuration").get("macs").asText()).isEqualTo("1024");
  }

  @Test
  @DisplayName(
      "hw search refuses an accelerator without a design space, naming those that have one")
  void noDesignSpace() {
    CommandOutput run =
        CommandOutput.ofCli("hw", "search", "--model", "cpu-gustavson", "--synthetic");
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("declares no design space").contains("spikex-systolic");
  }
}
