package org.snncodesign.cli.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import org.snncodesign.conversion.onnx.OnnxImporter;
import org.snncodesign.conversion.onnx.proto.OnnxProto.ModelProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.NodeProto;
import picocli.CommandLine;

class ConvertOnnxTest {
  private static final Path MNIST = Path.of("..", "..", "shared", "data", "mnist");

  /** An MLP 1x28x28 - Flatten - Gemm 784x32 - Relu - Gemm 32x10 with seeded weights. */
  private static AnnModel mlp() {
    SplittableRandom r = new SplittableRandom(3);
    DenseLayer fc1 = DenseLayer.zeros("fc1", 784, 32);
    DenseLayer fc2 = DenseLayer.zeros("fc2", 32, 10);
    for (float[] w : new float[][] {fc1.weights(), fc1.bias(), fc2.weights(), fc2.bias()}) {
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) ((r.nextDouble() * 2 - 1) * (w.length > 1000 ? 0.05 : 0.3));
      }
    }
    return AnnModel.of(
        "mlp",
        new TensorShape(1, 28, 28),
        List.of(new FlattenLayer("flatten"), fc1, new ReluLayer("relu"), fc2));
  }

  /** The MLP as ONNX bytes, its ReLU replaced by an LSTM node named "lstm_0" when {@code lstm}. */
  private static byte[] model(boolean lstm) {
    ModelProto.Builder proto = OnnxExporter.toModel(mlp()).toBuilder();
    if (lstm) {
      NodeProto.Builder relu =
          proto.getGraphBuilder().getNodeBuilderList().stream()
              .filter(n -> n.getOpType().equals("Relu"))
              .findFirst()
              .orElseThrow();
      relu.setOpType("LSTM").setName("lstm_0");
    }
    return proto.build().toByteArray();
  }

  private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
    return new CommandLine(
            new ConvertCommand(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)))
        .execute(args);
  }

  @Test
  @DisplayName("snn convert --onnx with a corrupt file prints a clear error and exits with 2")
  void corruptOnnx(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("broken.onnx");
    byte[] valid = model(false);
    Files.write(file, java.util.Arrays.copyOf(valid, valid.length - 100));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        run(
            new ByteArrayOutputStream(),
            err,
            "--data-dir",
            tmp.toString(),
            "--onnx",
            file.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("broken.onnx")
        .contains("not a valid ONNX model");
  }

  @Test
  @DisplayName(
      "snn convert --model x.onnx with an unsupported operator names the operator and node, exit 2")
  void unsupportedOperator(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("lstm.onnx");
    Files.write(file, model(true));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        run(
            new ByteArrayOutputStream(),
            err,
            "--data-dir",
            tmp.toString(),
            "--model",
            file.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("unsupported ONNX operator 'LSTM' in node 'lstm_0'");
  }

  @Test
  @DisplayName(
      "snn convert --onnx imports a PyTorch-style MLP, converts it and prints the JSON figures")
  void convertsImportedModel(@TempDir Path tmp) throws Exception {
    assumeTrue(
        Files.exists(MNIST.resolve("t10k-images-idx3-ubyte.gz")),
        "MNIST not in ../../shared/data/mnist");
    Path file = tmp.resolve("mlp.onnx");
    Files.write(file, model(false));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        run(
            out,
            err,
            "--data-dir",
            MNIST.toString(),
            "--onnx",
            file.toString(),
            "--test-samples",
            "100",
            "--json");
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("ANN mlp");
    String[] lines = out.toString(StandardCharsets.UTF_8).trim().split("\n");
    JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
    assertThat(json.get("ann_macs").asLong()).isEqualTo(784L * 32 + 32 * 10);
    assertThat(json.get("snn_accuracy").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  @DisplayName(
      "snn convert --export-onnx writes the ANN as an ONNX file that imports back to the same layers")
  void exportsOnnx(@TempDir Path tmp) throws Exception {
    assumeTrue(
        Files.exists(MNIST.resolve("t10k-images-idx3-ubyte.gz")),
        "MNIST not in ../../shared/data/mnist");
    Path file = tmp.resolve("mlp.onnx");
    Files.write(file, model(false));
    Path exported = tmp.resolve("out").resolve("again.onnx");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        run(
            new ByteArrayOutputStream(),
            err,
            "--data-dir",
            MNIST.toString(),
            "--onnx",
            file.toString(),
            "--test-samples",
            "20",
            "--export-onnx",
            exported.toString());
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("wrote " + exported);
    AnnModel back = OnnxImporter.read(exported);
    assertThat(back.layers()).hasSize(4);
    DenseLayer original = (DenseLayer) mlp().layers().get(1);
    assertThat(((DenseLayer) back.layers().get(1)).weights()).containsExactly(original.weights());
  }
}
