package org.snncodesign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code snn sweep}; the run itself on Spark is snn-spark's SnnLauncherIT. */
class SweepCommandTest {
  @Test
  @DisplayName("the options after FILE pass to snn-spark.jar sweep unchanged, in their order")
  void optionsPassThrough() {
    SweepCommand sweep = new SweepCommand();

    new CommandLine(sweep)
        .parseArgs(
            "s.json",
            "--out",
            "out/s",
            "--spark-jar",
            "x.jar",
            "--master",
            "local[2]",
            "--resume",
            "--conf",
            "spark.ui.enabled=true");

    assertThat(sweep.file).isEqualTo("s.json");
    assertThat(sweep.sparkJar).isEqualTo(Path.of("x.jar"));
    assertThat(sweep.options)
        .containsExactly(
            "--out",
            "out/s",
            "--master",
            "local[2]",
            "--resume",
            "--conf",
            "spark.ui.enabled=true");
  }

  @Test
  @DisplayName("a missing snn-spark.jar is one line naming it and the build that makes it")
  void missingJarIsOneLine(@TempDir Path dir) {
    Path missing = dir.resolve("snn-spark.jar");

    CommandOutput output =
        CommandOutput.ofCli("sweep", "s.json", "--spark-jar", missing.toString(), "--out", "o");

    assertThat(output.exitCode()).isNotZero();
    assertThat(output.err().strip())
        .doesNotContain("\n")
        .contains("--spark-jar " + missing + ": no such file")
        .contains("./mvnw -B -pl snn-spark -am package -DskipTests");
  }
}
