package org.snncodesign.cli.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConvertOnnxTest {
  private static final Path MNIST = Path.of("..", "..", "shared", "data", "mnist");

  /** Serialises a protobuf message: each call appends one field. */
  private static final class Msg {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

    Msg str(int field, String s) throws IOException {
      out.writeString(field, s);
      return this;
    }

    Msg num(int field, long v) throws IOException {
      out.writeInt64(field, v);
      return this;
    }

    Msg msg(int field, byte[] m) throws IOException {
      out.writeByteArray(field, m);
      return this;
    }

    byte[] build() throws IOException {
      out.flush();
      return bytes.toByteArray();
    }
  }

  private static byte[] floats(String name, SplittableRandom r, double scale, long... dims) throws IOException {
    long n = 1;
    Msg t = new Msg();
    for (long d : dims) {
      t.num(1, d);
      n *= d;
    }
    ByteBuffer b = ByteBuffer.allocate((int) n * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      b.putFloat((float) ((r.nextDouble() * 2 - 1) * scale));
    }
    t.num(2, 1).str(8, name);
    t.out.writeBytes(9, ByteString.copyFrom(b.array()));
    return t.build();
  }

  private static byte[] valueInfo(String name, long... dims) throws IOException {
    Msg shape = new Msg();
    for (long d : dims) {
      shape.msg(1, new Msg().num(1, d).build());
    }
    return new Msg().str(1, name).msg(2, new Msg().msg(1, new Msg().num(1, 1).msg(2, shape.build()).build())
        .build()).build();
  }

  private static byte[] node(String name, String op, String[] in, String out, byte[]... attributes)
      throws IOException {
    Msg m = new Msg();
    for (String i : in) {
      m.str(1, i);
    }
    m.str(2, out).str(3, name).str(4, op);
    for (byte[] a : attributes) {
      m.msg(5, a);
    }
    return m.build();
  }

  /** An MLP as PyTorch exports it: input 1x28x28 - Flatten - Gemm 784x32 - Relu - Gemm 32x10, or an LSTM. */
  private static byte[] model(boolean lstm) throws IOException {
    SplittableRandom r = new SplittableRandom(3);
    byte[] transB = new Msg().str(1, "transB").num(3, 1).num(20, 2).build();
    Msg g = new Msg()
        .msg(1, node("/Flatten", "Flatten", new String[] {"input"}, "f"))
        .msg(1, node("/fc1/Gemm", "Gemm", new String[] {"f", "fc1.weight", "fc1.bias"}, "h", transB))
        .msg(1, lstm ? node("lstm_0", "LSTM", new String[] {"h"}, "a")
            : node("/relu/Relu", "Relu", new String[] {"h"}, "a"))
        .msg(1, node("/fc2/Gemm", "Gemm", new String[] {"a", "fc2.weight", "fc2.bias"}, "output", transB))
        .str(2, "mlp")
        .msg(5, floats("fc1.weight", r, 0.05, 32, 784)).msg(5, floats("fc1.bias", r, 0.1, 32))
        .msg(5, floats("fc2.weight", r, 0.3, 10, 32)).msg(5, floats("fc2.bias", r, 0.1, 10))
        .msg(11, valueInfo("input", 1, 1, 28, 28)).msg(12, valueInfo("output", 1, 10));
    return new Msg().num(1, 8).msg(7, g.build()).msg(8, new Msg().num(2, 17).build()).build();
  }

  private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
    return new CommandLine(new ConvertCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
  }

  @Test
  @DisplayName("snn convert --onnx with a corrupt file prints a clear error and exits with 2")
  void corruptOnnx(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("broken.onnx");
    byte[] valid = model(false);
    Files.write(file, java.util.Arrays.copyOf(valid, valid.length - 100));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = run(new ByteArrayOutputStream(), err, "--data-dir", tmp.toString(), "--onnx", file.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("broken.onnx").contains("not a valid ONNX protobuf");
  }

  @Test
  @DisplayName("snn convert --model x.onnx with an unsupported operator names the operator and node, exit 2")
  void unsupportedOperator(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("lstm.onnx");
    Files.write(file, model(true));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = run(new ByteArrayOutputStream(), err, "--data-dir", tmp.toString(), "--model", file.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unsupported ONNX operator 'LSTM' in node 'lstm_0'");
  }

  @Test
  @DisplayName("snn convert --onnx imports a PyTorch-style MLP, converts it and prints the JSON figures")
  void convertsImportedModel(@TempDir Path tmp) throws Exception {
    assumeTrue(Files.exists(MNIST.resolve("t10k-images-idx3-ubyte.gz")), "MNIST not in ../../shared/data/mnist");
    Path file = tmp.resolve("mlp.onnx");
    Files.write(file, model(false));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = run(out, err, "--data-dir", MNIST.toString(), "--onnx", file.toString(), "--test-samples", "100",
        "--json");
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("ANN mlp");
    String[] lines = out.toString(StandardCharsets.UTF_8).trim().split("\n");
    JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
    assertThat(json.get("ann_macs").asLong()).isEqualTo(784L * 32 + 32 * 10);
    assertThat(json.get("snn_accuracy").asDouble()).isBetween(0.0, 1.0);
  }
}
