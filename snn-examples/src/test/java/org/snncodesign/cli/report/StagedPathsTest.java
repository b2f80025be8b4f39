package org.snncodesign.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.cli.CommandOutput;

@DisplayName("A staged command's messages")
class StagedPathsTest {

  @Test
  @DisplayName("name the final file, never the staging folder it was written in")
  void finalPathsShown(@TempDir Path dir) {
    Path image = dir.resolve("pics/sample.png");
    CommandOutput run =
        CommandOutput.ofCli("data", "show", "embedded:digits", "-o", image.toString(), "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.lastLine()).contains("\"image\":\"" + image.toAbsolutePath() + "\"");
    assertThat(run.out() + run.err()).doesNotContain(".staging-");
    assertThat(image).exists();
  }

  @Test
  @DisplayName(
      "hw search names the files of its --out folder where they end up, in its report and in search.json")
  void searchReportPaths(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("search");
    CommandOutput run =
        CommandOutput.ofCli(
            "hw",
            "search",
            "--synthetic",
            "--steps",
            "2",
            "--random",
            "4",
            "--population",
            "2",
            "--generations",
            "1",
            "--threads",
            "1",
            "--out",
            out.toString(),
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.lastLine())
        .contains("\"pareto_png\":\"" + out.resolve("pareto.png").toAbsolutePath() + "\"")
        .doesNotContain(".staging-");
    assertThat(Files.readString(out.resolve("search.json"))).doesNotContain(".staging-");
  }
}
