package org.snncodesign.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same seed gives the same bytes whatever the number of threads: training, conversion and the
 * demo run on 1 and on 3 threads (the demo in JVMs that see 1 and 3 processors). Only wall-clock
 * figures may differ: keys named {@code seconds} or ending in {@code _seconds}, and {@code
 * measured_timing} objects.
 */
@DisplayName("Results do not depend on the number of threads")
class ThreadCountDeterminismTest {
  private static final Path MNIST = Path.of("..", "..", "shared", "data", "mnist");

  @Test
  @DisplayName("train on 1 and 3 threads writes the same model and reports the same figures")
  void training(@TempDir Path dir) throws Exception {
    JsonNode one = train(dir.resolve("one"), "1");
    JsonNode three = train(dir.resolve("three"), "3");
    assertThat(three).isEqualTo(one);
    assertThat(Files.readAllBytes(dir.resolve("three/model.json")))
        .isEqualTo(Files.readAllBytes(dir.resolve("one/model.json")));
  }

  @Test
  @DisplayName("convert on 1 and 3 threads trains the same ANN and reports the same conversion")
  void conversion(@TempDir Path dir) throws Exception {
    assumeTrue(
        Files.exists(MNIST.resolve("t10k-images-idx3-ubyte.gz")),
        "MNIST not in ../../shared/data/mnist");
    assertThat(convert(dir.resolve("three"), "3")).isEqualTo(convert(dir.resolve("one"), "1"));
  }

  @Test
  @DisplayName("demo --seed 7 --json prints the same report in JVMs that see 1 and 3 processors")
  void demo(@TempDir Path dir) throws Exception {
    assertThat(demo(dir.resolve("three"), 3)).isEqualTo(demo(dir.resolve("one"), 1));
  }

  private static JsonNode train(Path out, String threads) throws Exception {
    CommandOutput run =
        CommandOutput.ofCli(
            "train",
            "--dataset",
            "digits",
            "--epochs",
            "2",
            "--sparsity",
            "0.8",
            "--bits",
            "4",
            "--seed",
            "7",
            "--threads",
            threads,
            "--no-chart",
            "--json",
            "--out",
            out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    ObjectNode report = withoutTiming(run.lastLine());
    report.remove(List.of("threads", "model_file", "csv_file"));
    return report;
  }

  private static JsonNode convert(Path out, String threads) throws Exception {
    CommandOutput run =
        CommandOutput.ofCli(
            "convert",
            "--data-dir",
            MNIST.toString(),
            "--coding",
            "phase1",
            "--train-samples",
            "600",
            "--epochs",
            "1",
            "--test-samples",
            "100",
            "--threads",
            threads,
            "--cache-dir",
            out.resolve("cache").toString(),
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return withoutTiming(run.lastLine());
  }

  private static JsonNode demo(Path out, int processors) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java.toString(),
                "-XX:ActiveProcessorCount=" + processors,
                "-cp",
                System.getProperty("java.class.path"),
                SnnCli.class.getName(),
                "demo",
                "--seed",
                "7",
                "--json",
                "--out",
                out.toString()));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String stdout = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).isZero();
    String[] lines = stdout.strip().split("\\R");
    return withoutTiming(lines[lines.length - 1]);
  }

  /** The report without its wall-clock figures. */
  private static ObjectNode withoutTiming(String json) throws Exception {
    ObjectNode report = (ObjectNode) JsonReport.mapper().readTree(json);
    removeTiming(report);
    return report;
  }

  private static void removeTiming(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> timing = new ArrayList<>();
      object
          .fieldNames()
          .forEachRemaining(
              name -> {
                if (name.equals("seconds")
                    || name.endsWith("_seconds")
                    || name.equals("measured_timing")) {
                  timing.add(name);
                }
              });
      object.remove(timing);
    }
    node.forEach(ThreadCountDeterminismTest::removeTiming);
  }
}
