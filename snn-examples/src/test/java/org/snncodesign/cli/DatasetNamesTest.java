package org.snncodesign.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.DenseLayer;
import org.snncodesign.conversion.ann.FlattenLayer;
import org.snncodesign.conversion.ann.ReluLayer;
import org.snncodesign.conversion.ann.TensorShape;
import org.snncodesign.conversion.onnx.OnnxExporter;

/**
 * Train, convert and hw read Fashion-MNIST (or any IDX folder) under its own name, with its
 * checksum.
 */
class DatasetNamesTest {
  private static final Path FASHION = Path.of("..", "..", "shared", "data", "fashion-mnist");
  private static final String SHA256 = "[0-9a-f]{64}";

  private static void assumeFashion() {
    assumeTrue(
        Files.exists(FASHION.resolve("t10k-images-idx3-ubyte.gz")),
        "Fashion-MNIST not in ../../shared/data/fashion-mnist");
  }

  private static CommandOutput train(Path out, String dataset) {
    CommandOutput run =
        CommandOutput.ofCli(
            "train",
            "--dataset",
            dataset,
            "--data-dir",
            FASHION.toString(),
            "--arch",
            "784-16-10",
            "--limit",
            "300",
            "--epochs",
            "1",
            "--threads",
            "1",
            "--out",
            out.toString(),
            "--no-chart",
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  @Test
  @DisplayName("snn train --dataset fashion-mnist reports fashion-mnist and the folder's checksum")
  void trainNamesFashionMnist(@TempDir Path tmp) throws Exception {
    assumeFashion();

    JsonNode report = json(train(tmp, "fashion-mnist"));

    assertThat(report.get("dataset").asText()).isEqualTo("fashion-mnist");
    assertThat(report.get("dataset_sha256").asText()).matches(SHA256);
  }

  @Test
  @DisplayName("snn train --dataset idx:NAME reports NAME")
  void trainNamesUserFolder(@TempDir Path tmp) throws Exception {
    assumeFashion();

    JsonNode report = json(train(tmp, "idx:zalando"));

    assertThat(report.get("dataset").asText()).isEqualTo("zalando");
  }

  @Test
  @DisplayName(
      "snn convert --dataset fashion-mnist reports fashion-mnist, its checksum and the model by its file")
  void convertNamesDatasetAndModelFile(@TempDir Path tmp) throws Exception {
    assumeFashion();
    Path onnx = tmp.resolve("my-mlp.onnx");
    OnnxExporter.write(mlp(), onnx);

    CommandOutput run =
        CommandOutput.ofCli(
            "convert",
            "--dataset",
            "fashion-mnist",
            "--data-dir",
            FASHION.toString(),
            "--onnx",
            onnx.toString(),
            "--test-samples",
            "100",
            "--threads",
            "1",
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = json(run);
    assertThat(report.get("dataset").asText()).isEqualTo("fashion-mnist");
    assertThat(report.get("dataset_sha256").asText()).matches(SHA256);
    assertThat(report.get("model").asText()).isEqualTo("my-mlp.onnx");
    assertThat(report.get("graph_name").asText()).isEqualTo("mlp");
  }

  @Test
  @DisplayName("snn convert --normalize records the normalisation and where it went in the report")
  void convertRecordsNormalisation(@TempDir Path tmp) throws Exception {
    assumeFashion();
    Path onnx = tmp.resolve("mlp.onnx");
    OnnxExporter.write(mlp(), onnx);

    CommandOutput run =
        CommandOutput.ofCli(
            "convert",
            "--dataset",
            "fashion-mnist",
            "--data-dir",
            FASHION.toString(),
            "--onnx",
            onnx.toString(),
            "--normalize",
            "0.286,0.353",
            "--test-samples",
            "100",
            "--threads",
            "1",
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode normalization = json(run).get("input_normalization");
    assertThat(normalization.get("mean").get(0).asDouble()).isCloseTo(0.286, within(1e-6));
    assertThat(normalization.get("std").get(0).asDouble()).isCloseTo(0.353, within(1e-6));
    assertThat(normalization.get("applied").asText()).contains("folded into").contains("'fc1'");
  }

  @Test
  @DisplayName(
      "snn hw estimate --network --dataset fashion-mnist reports fashion-mnist and its checksum")
  void hwNamesFashionMnist(@TempDir Path tmp) throws Exception {
    assumeFashion();
    train(tmp, "fashion-mnist");

    CommandOutput run =
        CommandOutput.ofCli(
            "hw",
            "estimate",
            "--network",
            tmp.resolve("model.json").toString(),
            "--dataset",
            "fashion-mnist",
            "--data-dir",
            FASHION.toString(),
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(json(run).get("dataset").asText()).isEqualTo("fashion-mnist");
    assertThat(json(run).get("dataset_sha256").asText()).matches(SHA256);
  }

  private static JsonNode json(CommandOutput run) throws java.io.IOException {
    return JsonReport.mapper().readTree(run.lastLine());
  }

  /** 1x28x28 - Flatten - Gemm 784x16 - Relu - Gemm 16x10 with seeded weights. */
  private static AnnModel mlp() {
    SplittableRandom r = new SplittableRandom(3);
    DenseLayer fc1 = DenseLayer.zeros("fc1", 784, 16);
    DenseLayer fc2 = DenseLayer.zeros("fc2", 16, 10);
    for (float[] w : new float[][] {fc1.weights(), fc1.bias(), fc2.weights(), fc2.bias()}) {
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) ((r.nextDouble() * 2 - 1) * 0.1);
      }
    }
    return AnnModel.of(
        "mlp",
        new TensorShape(1, 28, 28),
        List.of(new FlattenLayer("flatten"), fc1, new ReluLayer("relu"), fc2));
  }
}
