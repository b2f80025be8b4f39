package org.snncodesign.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.plugin.PluginJarBuilder;
import org.snncodesign.api.plugin.PluginJars;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.conversion.ann.AnnJson;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.DenseLayer;
import org.snncodesign.conversion.ann.FlattenLayer;
import org.snncodesign.conversion.ann.ReluLayer;
import org.snncodesign.conversion.ann.TensorShape;

/**
 * The sample data-set plugin of examples/third-party-dataset, compiled against snn-api outside the
 * reactor and loaded from its jar with {@code --plugins}, is read wherever a data set is taken:
 * {@code snn train}, {@code snn lsm}, {@code snn convert} and the hardware commands' {@code
 * --data}; so is a CSV file through the built-in {@code csv} plugin. Bad data options end in one
 * line.
 */
@DisplayName("A third-party data-set plugin")
class ThirdPartyDatasetPluginTest {
  private static final Path SAMPLE =
      Path.of("..", "examples", "third-party-dataset", "src", "main");
  private static final String NAME = "example-libsvm";

  @TempDir static Path work;
  private static Path plugins;
  private static Path train;

  @BeforeAll
  static void buildPluginJarAndData() throws Exception {
    assumeThat(SAMPLE).as("sample plugin sources under examples/third-party-dataset").isDirectory();
    plugins = Files.createDirectories(work.resolve("plugins"));
    PluginJarBuilder.build(
        SAMPLE.resolve("java"),
        SAMPLE.resolve("resources"),
        Files.createDirectories(work.resolve("build")),
        plugins.resolve("libsvm-dataset-plugin.jar"));
    train = write(work.resolve("blobs-train.svm"), 240, 1);
    write(work.resolve("blobs-test.svm"), 60, 2);
  }

  /**
   * Three classes of 6 features around different centres, in LIBSVM's sparse lines (feature 6
   * always written, so both files have 6).
   */
  private static Path write(Path file, int samples, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < samples; i++) {
      int label = i % 3;
      text.append(label);
      for (int f = 0; f < 6; f++) {
        double value = (f % 3 == label ? 3 : 0) + random.nextGaussian() * 0.5;
        text.append(String.format(Locale.ROOT, " %d:%.3f", f + 1, value));
      }
      text.append('\n');
    }
    return Files.writeString(file, text);
  }

  private static JsonNode json(CommandOutput run) throws Exception {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new ObjectMapper().readTree(run.lastLine());
  }

  private static CommandOutput withPlugin(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--plugins";
    all[1] = plugins.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return CommandOutput.ofCli(all);
  }

  @Test
  @DisplayName(
      "trains snn train --data, found by file name, its test file beside it as the test part")
  void trains() throws Exception {
    JsonNode report =
        json(
            withPlugin(
                "train",
                "--data",
                train.toString(),
                "--epochs",
                "20",
                "--lr",
                "0.01",
                "--out",
                work.resolve("train").toString(),
                "--no-chart",
                "--json"));
    assertThat(report.get("dataset").asText()).isEqualTo("blobs-train.svm");
    assertThat(report.get("architecture").asText()).isEqualTo("6-128-3");
    assertThat(report.get("train_samples").asInt()).isEqualTo(240);
    assertThat(report.get("test_samples").asInt()).isEqualTo(60);
    assertThat(report.get("test_accuracy").asDouble()).isGreaterThan(0.8);
    assertThat(report.get("dataset_sha256").asText()).isEqualTo(bothFilesSha256());
  }

  /** SHA-256 of blobs-train.svm's bytes followed by blobs-test.svm's, the parts read. */
  private static String bothFilesSha256() throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    digest.update(Files.readAllBytes(train));
    digest.update(Files.readAllBytes(work.resolve("blobs-test.svm")));
    return HexFormat.of().formatHex(digest.digest());
  }

  @Test
  @DisplayName("is the liquid's input of snn lsm --data --format, and the liquid learns it")
  void runsTheLiquid() throws Exception {
    JsonNode report =
        json(
            withPlugin(
                "lsm",
                "--data",
                train.toString(),
                "--format",
                NAME,
                "--liquid",
                "48",
                "--readout",
                "logistic",
                "--logistic-iterations",
                "40",
                "--json"));
    assertThat(report.get("dataset").asText()).isEqualTo("blobs-train.svm");
    assertThat(report.get("accuracy_before").asDouble()).isGreaterThan(0.6);
  }

  @Test
  @DisplayName(
      "is found through the registry the commands are given, not the context class loader: "
          + "snn lsm, lsm hardware and train on an injector over the plugin jar")
  void takenFromTheInjectedRegistry() throws Exception {
    ClassLoader jars = PluginJars.loader(List.of(plugins), getClass().getClassLoader());
    Injector injector = Guice.createInjector(new SnnModule(PluginRegistry.discover(jars)));
    assertThat(Thread.currentThread().getContextClassLoader()).isNotSameAs(jars);
    String file = train.toString();

    JsonNode lsm =
        json(run(injector, "lsm", "--data", file, "--format", NAME, "--liquid", "24", "--json"));
    JsonNode trained =
        json(
            run(
                injector,
                "train",
                "--data",
                file,
                "--epochs",
                "1",
                "--no-chart",
                "--out",
                work.resolve("injected-train").toString(),
                "--json"));
    CommandOutput lsmHardware =
        run(
            injector,
            "lsm",
            "hardware",
            "--data",
            file,
            "--format",
            NAME,
            "--liquid",
            "24",
            "--samples",
            "2",
            "--accuracy-samples",
            "20",
            "--json");

    assertThat(lsm.get("dataset").asText()).isEqualTo("blobs-train.svm");
    assertThat(trained.get("dataset").asText()).isEqualTo("blobs-train.svm");
    assertThat(lsmHardware.exitCode()).as(lsmHardware.err()).isZero();
  }

  private static CommandOutput run(Injector injector, String... args) {
    return CommandOutput.capture(err -> SnnCli.execute(injector, args));
  }

  @Test
  @DisplayName("is converted by snn convert --data with a model of its shape")
  void converts() throws Exception {
    // Hidden unit f copies feature f; class c sums the features f with f % 3 == c.
    DenseLayer hidden = DenseLayer.zeros("fc1", 6, 6);
    DenseLayer out = DenseLayer.zeros("fc2", 6, 3);
    for (int f = 0; f < 6; f++) {
      hidden.weights()[f * 6 + f] = 1;
      out.weights()[(f % 3) * 6 + f] = 1;
    }
    Path model = work.resolve("blobs-mlp.json");
    AnnJson.write(
        AnnModel.of(
            "blobs-mlp",
            new TensorShape(1, 1, 6),
            List.of(new FlattenLayer("flatten"), hidden, new ReluLayer("relu"), out)),
        model);
    JsonNode report =
        json(
            withPlugin(
                "convert",
                "--data",
                train.toString(),
                "--model",
                model.toString(),
                "--test-samples",
                "30",
                "--json"));
    assertThat(report.get("dataset").asText()).isEqualTo("blobs-train.svm");
    assertThat(report.get("samples").asInt()).isEqualTo(30);
    assertThat(report.get("ann_accuracy").asDouble()).isGreaterThan(0.8);
    assertThat(report.get("dataset_sha256").asText()).isEqualTo(bothFilesSha256());
  }

  @Test
  @DisplayName("a CSV file trains through the built-in csv plugin, split 80/20 by the seed")
  void csvTrains() throws Exception {
    StringBuilder csv = new StringBuilder("a,b,label\n");
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 200; i++) {
      int label = i % 2;
      csv.append(
          String.format(
              Locale.ROOT,
              "%.3f,%.3f,%s%n",
              label * 2 + random.nextGaussian() * 0.4,
              random.nextGaussian(),
              label == 0 ? "no" : "yes"));
    }
    Path file = Files.writeString(work.resolve("points.csv"), csv);
    Path out = work.resolve("csv");
    JsonNode report =
        json(
            CommandOutput.ofCli(
                "train",
                "--data",
                file.toString(),
                "--epochs",
                "20",
                "--lr",
                "0.01",
                "--out",
                out.toString(),
                "--no-chart",
                "--json"));
    assertThat(report.get("train_samples").asInt()).isEqualTo(160);
    assertThat(report.get("test_samples").asInt()).isEqualTo(40);
    assertThat(report.get("test_accuracy").asDouble()).isGreaterThan(0.8);
    JsonNode priced =
        json(
            CommandOutput.ofCli(
                "hw",
                "estimate",
                "--network",
                out.resolve("model.json").toString(),
                "--data",
                file.toString(),
                "--json"));
    assertThat(priced.get("dataset").asText()).isEqualTo("csv");
    assertThat(priced.get("dataset_sha256").asText())
        .isEqualTo(
            HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
  }

  @Test
  @DisplayName(
      "refuses in one line: an unknown data set (listing the plugins), a file no plugin reads,"
          + " --data with --dataset, a file the plugin refuses, a sample that does not fit --arch")
  void refusals() throws Exception {
    CommandOutput unknown = withPlugin("train", "--dataset", "no-such-set");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err().strip())
        .startsWith("snn train: unknown data set 'no-such-set': expected digits")
        .contains(NAME, "csv")
        .doesNotContain("\n");
    Path odd = Files.writeString(work.resolve("notes.xyz"), "?");
    assertThat(withPlugin("train", "--data", odd.toString()).err().strip())
        .startsWith("snn train: no data-set plugin accepts " + odd + "; plugins: [")
        .contains(NAME)
        .endsWith("] (choose one with --format)");
    assertThat(withPlugin("train", "--data", train.toString(), "--dataset", "digits").err())
        .contains("leave out --dataset and --data-dir");
    Path broken = Files.writeString(work.resolve("broken.svm"), "1 3-0.5\n");
    assertThat(withPlugin("train", "--data", broken.toString()).err().strip())
        .isEqualTo("snn train: " + broken + ", line 1: '3-0.5' is not INDEX:VALUE");
    assertThat(withPlugin("train", "--data", train.toString(), "--arch", "64-10-3").err().strip())
        .isEqualTo(
            "snn train: architecture must start with 6 inputs and end with 3 classes for"
                + " blobs-train.svm");
  }
}
