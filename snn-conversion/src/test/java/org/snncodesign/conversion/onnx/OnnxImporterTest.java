package org.snncodesign.conversion.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.snncodesign.conversion.onnx.OnnxWriter.floatAttr;
import static org.snncodesign.conversion.onnx.OnnxWriter.floatTensor;
import static org.snncodesign.conversion.onnx.OnnxWriter.intAttr;
import static org.snncodesign.conversion.onnx.OnnxWriter.ints;
import static org.snncodesign.conversion.onnx.OnnxWriter.node;
import static org.snncodesign.conversion.onnx.OnnxWriter.stringAttr;
import static org.snncodesign.conversion.onnx.OnnxWriter.valueInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.conversion.ann.AnnLayer;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AnnNetwork;
import org.snncodesign.conversion.ann.AnnWorkspace;
import org.snncodesign.conversion.ann.AvgPoolLayer;
import org.snncodesign.conversion.ann.BatchNormFolding;
import org.snncodesign.conversion.ann.BatchNormLayer;
import org.snncodesign.conversion.ann.Conv2dLayer;
import org.snncodesign.conversion.ann.DenseLayer;
import org.snncodesign.conversion.ann.FlattenLayer;
import org.snncodesign.conversion.ann.MaxPoolLayer;
import org.snncodesign.conversion.ann.ReluLayer;
import org.snncodesign.conversion.ann.ResidualAddLayer;
import org.snncodesign.conversion.ann.TensorShape;

class OnnxImporterTest {

  private static float[] randomImage(SplittableRandom r, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) r.nextDouble();
    }
    return x;
  }

  private static void assertForwardMatches(AnnModel model, LeNetFixture f, long seed) {
    AnnNetwork net = new AnnNetwork(model);
    AnnWorkspace ws = net.newWorkspace();
    SplittableRandom r = new SplittableRandom(seed);
    for (int s = 0; s < 20; s++) {
      float[] x = randomImage(r, 144);
      float[] y = net.forward(ws, x, 0);
      double[] expected = f.reference(x);
      assertThat(y).hasSize(3);
      for (int k = 0; k < 3; k++) {
        assertThat((double) y[k])
            .as("logit %d of sample %d", k, s)
            .isCloseTo(expected[k], within(1e-4));
      }
    }
  }

  @ParameterizedTest(name = "reshape={0} raw_data={1} legacy inputs={2}")
  @CsvSource({"false,true,false", "true,true,false", "false,false,true", "true,false,true"})
  @DisplayName(
      "A LeNet-like CNN as PyTorch exports it imports layer by layer and computes the ONNX reference"
          + " logits")
  void leNetMatchesReference(boolean reshape, boolean raw, boolean legacy) {
    LeNetFixture f = new LeNetFixture(7);
    AnnModel model = OnnxImporter.fromBytes(f.bytes(reshape, raw, legacy), "lenet", null);

    assertThat(model.name()).isEqualTo("main_graph");
    assertThat(model.inputShape()).isEqualTo(new TensorShape(1, 12, 12));
    assertThat(model.layers())
        .extracting(l -> (Class) l.getClass())
        .containsExactly(
            Conv2dLayer.class,
            ReluLayer.class,
            MaxPoolLayer.class,
            Conv2dLayer.class,
            BatchNormLayer.class,
            ReluLayer.class,
            MaxPoolLayer.class,
            FlattenLayer.class,
            DenseLayer.class,
            ReluLayer.class,
            DenseLayer.class);
    assertThat(model.layers().get(0).name()).isEqualTo("/conv1/Conv");
    Conv2dLayer conv1 = (Conv2dLayer) model.layers().get(0);
    assertThat(conv1.padding()).isEqualTo(1);
    assertThat(conv1.stride()).isEqualTo(1);
    DenseLayer fc2 = (DenseLayer) model.layers().get(10);
    assertThat(fc2.bias()).containsExactly(f.b4);
    assertThat(model.outputs()).isEqualTo(3);
    assertForwardMatches(model, f, 11);
  }

  @Test
  @DisplayName(
      "An imported model with batch normalisation folds and still computes the same logits")
  void importedModelFolds() {
    LeNetFixture f = new LeNetFixture(3);
    AnnModel folded =
        BatchNormFolding.fold(OnnxImporter.fromBytes(f.bytes(false, true, false), "m", null));
    assertThat(folded.layers()).noneMatch(l -> l instanceof BatchNormLayer);
    assertForwardMatches(folded, f, 5);
  }

  @Test
  @DisplayName(
      "A residual block with Gemm transB=0, alpha and beta and a global average pool imports exactly")
  void residualBlock() {
    SplittableRandom r = new SplittableRandom(21);
    float[] w1 = randomImage(r, 3 * 2 * 9);
    float[] w2 = randomImage(r, 3 * 3 * 9);
    float[] b2 = randomImage(r, 3);
    float[] wf = randomImage(r, 3 * 4); // [in = 3][out = 4]
    float[] bf = randomImage(r, 4);
    for (float[] a : new float[][] {w1, w2, b2, wf, bf}) {
      for (int i = 0; i < a.length; i++) {
        a[i] -= 0.5f;
      }
    }
    OnnxWriter.Graph g = new OnnxWriter.Graph();
    g.name = "";
    g.init(floatTensor("w1", new long[] {3, 2, 3, 3}, w1, true));
    g.init(floatTensor("w2", new long[] {3, 3, 3, 3}, w2, true));
    g.init(floatTensor("b2", new long[] {3}, b2, true));
    g.init(floatTensor("wf", new long[] {3, 4}, wf, true));
    g.init(floatTensor("bf", new long[] {4}, bf, true));
    g.inputs.add(valueInfo("x", 1, 2, 4, 4));
    g.outputs.add(valueInfo("y", 1, 4));
    g.node(
        node(
            "c1",
            "Conv",
            List.of("x", "w1"),
            List.of("t1"),
            ints("pads", 1, 1, 1, 1),
            stringAttr("auto_pad", "NOTSET")));
    g.node(node("r1", "Relu", List.of("t1"), List.of("t2")));
    g.node(node("c2", "Conv", List.of("t2", "w2", "b2"), List.of("t3"), ints("pads", 1, 1, 1, 1)));
    g.node(node("add", "Add", List.of("t3", "t2"), List.of("t4")));
    g.node(node("r2", "Relu", List.of("t4"), List.of("t5")));
    g.node(node("gap", "GlobalAveragePool", List.of("t5"), List.of("t6")));
    g.node(node("flat", "Flatten", List.of("t6"), List.of("t7")));
    g.node(node("drop", "Dropout", List.of("t7"), List.of("t8")));
    g.node(
        node(
            "fc",
            "Gemm",
            List.of("t8", "wf", "bf"),
            List.of("y"),
            floatAttr("alpha", 0.5f),
            floatAttr("beta", 2f)));

    AnnModel model = OnnxImporter.fromBytes(OnnxWriter.model(13, g.build()), "residual", null);

    assertThat(model.name()).isEqualTo("residual");
    assertThat(model.layers().get(3)).isEqualTo(new ResidualAddLayer("add", "r1"));
    assertThat(model.layers().get(5)).isInstanceOf(AvgPoolLayer.class);
    SplittableRandom inputs = new SplittableRandom(4);
    AnnNetwork net = new AnnNetwork(model);
    AnnWorkspace ws = net.newWorkspace();
    for (int s = 0; s < 10; s++) {
      float[] x = randomImage(inputs, 32);
      double[] h1 = OnnxReference.conv(LeNetFixture.toDouble(x), 2, 4, 4, w1, null, 3, 3, 1, 1);
      OnnxReference.relu(h1);
      double[] h2 = OnnxReference.conv(h1, 3, 4, 4, w2, b2, 3, 3, 1, 1);
      for (int i = 0; i < h2.length; i++) {
        h2[i] += h1[i];
      }
      OnnxReference.relu(h2);
      double[] expected =
          OnnxReference.gemm(OnnxReference.globalAverage(h2, 3, 16), wf, bf, 3, 4, false, 0.5, 2);
      float[] y = net.forward(ws, x, 0);
      for (int k = 0; k < 4; k++) {
        assertThat((double) y[k]).isCloseTo(expected[k], within(1e-4));
      }
    }
  }

  /** A one-input graph x (1x1x4x4) - Relu - {@code op} - Flatten, for the rejection tests. */
  private static byte[] graphWith(byte[] middle, byte[]... extraInitializers) {
    OnnxWriter.Graph g = new OnnxWriter.Graph();
    for (byte[] t : extraInitializers) {
      g.init(t);
    }
    g.inputs.add(valueInfo("x", -1, 2, 4, 4));
    g.outputs.add(valueInfo("y", -1, 32));
    g.node(node("relu_in", "Relu", List.of("x"), List.of("a")));
    g.node(middle);
    g.node(node("flat", "Flatten", List.of("b"), List.of("y")));
    return OnnxWriter.model(17, g.build());
  }

  @Test
  @DisplayName(
      "An unsupported operator is rejected with a message naming the operator and the node")
  void unsupportedOperator() {
    byte[] bytes =
        graphWith(node("lstm_0", "LSTM", List.of("a"), List.of("b"), intAttr("hidden_size", 8)));
    assertThatThrownBy(() -> OnnxImporter.fromBytes(bytes, "m", null))
        .isInstanceOf(OnnxImportException.class)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unsupported ONNX operator 'LSTM' in node 'lstm_0'")
        .satisfies(
            e -> {
              OnnxImportException x = (OnnxImportException) e;
              assertThat(x.opType()).isEqualTo("LSTM");
              assertThat(x.nodeName()).isEqualTo("lstm_0");
            });
  }

  @Test
  @DisplayName("An operator from a custom domain is rejected naming the domain")
  void customDomain() {
    byte[] node = OnnxWriter.domainNode("custom", "Relu", "com.example", "a", "b");
    assertThatThrownBy(() -> OnnxImporter.fromBytes(graphWith(node), "m", null))
        .isInstanceOf(OnnxImportException.class)
        .hasMessageContaining("com.example")
        .hasMessageContaining("custom");
  }

  @Test
  @DisplayName(
      "Unsupported attribute values (groups that do not divide the channels, uneven padding, auto_pad"
          + " SAME) are rejected naming the node and the attribute")
  void unsupportedAttributes() {
    byte[] w = floatTensor("w", new long[] {3, 1, 1, 1}, new float[] {1, 1, 1}, true);
    byte[] grouped =
        graphWith(node("conv_g", "Conv", List.of("a", "w"), List.of("b"), intAttr("group", 3)), w);
    assertThatThrownBy(() -> OnnxImporter.fromBytes(grouped, "m", null))
        .hasMessageContaining("conv_g")
        .hasMessageContaining("group = 3");
    byte[] padded =
        graphWith(
            node(
                "pool_p",
                "MaxPool",
                List.of("a"),
                List.of("b"),
                ints("kernel_shape", 2, 2),
                ints("pads", 0, 0, 1, 1)));
    assertThatThrownBy(() -> OnnxImporter.fromBytes(padded, "m", null))
        .hasMessageContaining("pool_p")
        .hasMessageContaining("padding [0, 0, 1, 1]");
    byte[] same =
        graphWith(
            node(
                "conv_s",
                "Conv",
                List.of("a", "w2"),
                List.of("b"),
                stringAttr("auto_pad", "SAME_UPPER")),
            floatTensor("w2", new long[] {2, 2, 1, 1}, new float[4], true));
    assertThatThrownBy(() -> OnnxImporter.fromBytes(same, "m", null))
        .hasMessageContaining("conv_s")
        .hasMessageContaining("SAME_UPPER");
  }

  @Test
  @DisplayName(
      "A graph that branches (two consumers of one activation joined by an Add) imports as a route and"
          + " a residual add and computes both branches")
  void branchingGraph() {
    OnnxWriter.Graph g = new OnnxWriter.Graph();
    g.inputs.add(valueInfo("x", 1, 4));
    g.outputs.add(valueInfo("y", 1, 4));
    g.node(node("r1", "Relu", List.of("x"), List.of("a")));
    g.node(node("r2", "Relu", List.of("x"), List.of("b")));
    g.node(node("sum", "Add", List.of("a", "b"), List.of("y")));
    AnnModel model = OnnxImporter.fromBytes(OnnxWriter.model(17, g.build()), "m", null);
    assertThat(model.layers())
        .extracting(AnnLayer::name)
        .containsExactly("r1", "r2_route", "r2", "sum");
    AnnNetwork net = new AnnNetwork(model);
    assertThat(net.forward(net.newWorkspace(), new float[] {-1, 0.5f, 2, -3}, 0))
        .containsExactly(0, 1, 4, 0);
  }

  @Test
  @DisplayName(
      "Truncated, empty and non-ONNX bytes give an OnnxImportException saying what is wrong")
  void corruptBytes() {
    byte[] valid = new LeNetFixture(1).bytes(false, true, false);
    assertThatThrownBy(
            () -> OnnxImporter.fromBytes(Arrays.copyOf(valid, valid.length / 2), "m", null))
        .isInstanceOf(OnnxImportException.class)
        .hasMessageContaining("not a valid ONNX model");
    assertThatThrownBy(() -> OnnxImporter.fromBytes(new byte[0], "m", null))
        .isInstanceOf(OnnxImportException.class)
        .hasMessageContaining("holds no graph");
    byte[] text = "{\"schema_version\": 1, \"layers\": []}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> OnnxImporter.fromBytes(text, "m", null))
        .isInstanceOf(OnnxImportException.class);
  }

  @Test
  @DisplayName("A tensor whose data does not fill its dimensions is rejected naming the tensor")
  void tensorSizeMismatch() {
    byte[] w = floatTensor("conv.weight", new long[] {2, 2, 3, 3}, new float[5], true);
    byte[] bytes = graphWith(node("conv", "Conv", List.of("a", "conv.weight"), List.of("b")), w);
    assertThatThrownBy(() -> OnnxImporter.fromBytes(bytes, "m", null))
        .isInstanceOf(OnnxImportException.class)
        .hasMessageContaining("conv.weight")
        .hasMessageContaining("its dimensions need 144");
  }

  @Test
  @DisplayName("Weights stored in an external file are rejected with the export setting to change")
  void externalData() {
    byte[] w = OnnxWriter.externalTensor("big", 2, 1);
    byte[] bytes = graphWith(node("conv", "Conv", List.of("a", "big"), List.of("b")), w);
    assertThatThrownBy(() -> OnnxImporter.fromBytes(bytes, "m", null))
        .isInstanceOf(OnnxImportException.class)
        .hasMessageContaining("external");
  }

  @Test
  @DisplayName(
      "A graph input with a symbolic sample size needs, and accepts, an explicit input shape")
  void symbolicInputShape() {
    OnnxWriter.Graph g = new OnnxWriter.Graph();
    g.inputs.add(valueInfo("x", -1, 3, -1, -1));
    g.outputs.add(valueInfo("y", -1, 3, -1, -1));
    g.node(node("r", "Relu", List.of("x"), List.of("y")));
    byte[] bytes = OnnxWriter.model(17, g.build());
    assertThatThrownBy(() -> OnnxImporter.fromBytes(bytes, "m", null))
        .isInstanceOf(OnnxImportException.class)
        .hasMessageContaining("no fixed size");
    AnnModel model = OnnxImporter.fromBytes(bytes, "m", new TensorShape(3, 5, 5));
    assertThat(model.inputShape()).isEqualTo(new TensorShape(3, 5, 5));
    assertThat(model.layers()).extracting(AnnLayer::name).containsExactly("r");
  }

  @Test
  @DisplayName(
      "A softmax anywhere but at the end is rejected, since dropping it would change the function")
  void innerSoftmax() {
    byte[] bytes = graphWith(node("sm", "Softmax", List.of("a"), List.of("b")));
    assertThatThrownBy(() -> OnnxImporter.fromBytes(bytes, "m", null))
        .isInstanceOf(OnnxImportException.class)
        .hasMessageContaining("sm")
        .hasMessageContaining("last node");
  }

  @Test
  @DisplayName("Reading a file names the model after it and puts the path in error messages")
  void readsFiles(@TempDir Path dir) throws IOException {
    OnnxWriter.Graph g = new OnnxWriter.Graph();
    g.name = "";
    g.inputs.add(valueInfo("x", 1, 4));
    g.outputs.add(valueInfo("y", 1, 4));
    g.node(node("r", "Relu", List.of("x"), List.of("y")));
    Path good = dir.resolve("tiny.onnx");
    Files.write(good, OnnxWriter.model(17, g.build()));
    assertThat(OnnxImporter.read(good).name()).isEqualTo("tiny");

    Path bad = dir.resolve("bad.onnx");
    Files.write(bad, new byte[] {0x0a, 0x7f, 0x01});
    assertThatThrownBy(() -> OnnxImporter.read(bad))
        .isInstanceOf(OnnxImportException.class)
        .hasMessageStartingWith(bad.toString());
  }

  @Test
  @DisplayName(
      "Unsqueeze, a transpose of size-1 axes and Squeeze (opset 11 attributes) import as no-ops")
  void shapeNoOps() {
    OnnxWriter.Graph g = new OnnxWriter.Graph();
    g.inputs.add(valueInfo("x", -1, 4));
    g.outputs.add(valueInfo("y", -1, 4));
    g.node(node("up", "Unsqueeze", List.of("x"), List.of("a"), ints("axes", 2, 3)));
    g.node(node("swap", "Transpose", List.of("a"), List.of("b"), ints("perm", 0, 1, 3, 2)));
    g.node(node("down", "Squeeze", List.of("b"), List.of("c"), ints("axes", 2, 3)));
    g.node(node("relu", "Relu", List.of("c"), List.of("y")));
    AnnModel model = OnnxImporter.fromBytes(OnnxWriter.model(11, g.build()), "m", null);
    assertThat(model.layers()).extracting(AnnLayer::name).containsExactly("relu");
  }

  @Test
  @DisplayName(
      "A leaky ReLU is refused naming the node and why a converted network cannot compute it")
  void leakyReluRefused() {
    byte[] bytes = graphWith(node("/act/LeakyRelu", "LeakyRelu", List.of("a"), List.of("b")));
    assertThatThrownBy(() -> OnnxImporter.fromBytes(bytes, "m", null))
        .isInstanceOf(OnnxImportException.class)
        .hasMessageContaining("/act/LeakyRelu")
        .hasMessageContaining("no counterpart in a converted spiking network");
  }

  @Test
  @DisplayName("A NaN weight is refused naming the initializer and its flat index")
  void nonFiniteWeightRefused() {
    float[] w = new float[4];
    w[3] = Float.NaN;
    byte[] bytes =
        graphWith(
            node("conv", "Conv", List.of("a", "conv.weight"), List.of("b")),
            floatTensor("conv.weight", new long[] {2, 2, 1, 1}, w, true));
    assertThatThrownBy(() -> OnnxImporter.fromBytes(bytes, "m", null))
        .isInstanceOf(OnnxImportException.class)
        .hasMessageContaining("initializer 'conv.weight'")
        .hasMessageContaining("NaN at flat index 3");
  }
}
