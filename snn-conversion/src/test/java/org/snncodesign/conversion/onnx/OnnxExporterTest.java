package org.snncodesign.conversion.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AnnNetwork;
import org.snncodesign.conversion.ann.AnnWorkspace;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.ann.QuantizedModel;
import org.snncodesign.conversion.ann.TensorShape;
import org.snncodesign.conversion.ann.WeightCompression;
import org.snncodesign.conversion.onnx.proto.OnnxProto.ModelProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.TensorProto;
import org.snncodesign.conversion.training.AnnTrainer;
import org.snncodesign.conversion.training.CnnArchitectures;
import org.snncodesign.conversion.training.TrainingSettings;

/**
 * ONNX export: what is written imports back to the same function, compressed weights are stored as
 * integers, and the official onnx package accepts the files and, evaluated in Python, reproduces
 * our logits.
 */
class OnnxExporterTest {
  private static final Path CHECKER = Path.of("src/test/resources/onnx/pytorch/check_export.py");

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"resnet", "depthwise", "bn_padded_pool", "branches", "mlp", "lenet_opset13"})
  @DisplayName("An imported PyTorch model exported again imports back to the same logits")
  void exportThenImportKeepsTheFunction(String name) throws Exception {
    PyTorchFixture fixture = PyTorchFixture.load(name);
    AnnModel model = OnnxImporter.read(fixture.onnx());
    AnnModel again = OnnxImporter.fromBytes(OnnxExporter.toModel(model).toByteArray(), name, null);
    for (float[] x : fixture.inputs()) {
      assertThat(logits(again, x)).containsExactly(logits(model, x), within(1e-6f));
    }
  }

  @Test
  @DisplayName(
      "A quantised model is written as INT8 levels with DequantizeLinear and imports back bit for bit")
  void quantisedWeightsAreIntegers() {
    AnnModel model = CnnArchitectures.lenet(1, 16, 3, 4, 8, 3, 7);
    QuantizedModel compressed = WeightCompression.quantize(WeightCompression.prune(model, 0.5), 4);
    ModelProto proto = OnnxExporter.toModel(compressed);
    assertThat(proto.getGraph().getInitializerList())
        .filteredOn(t -> t.getName().endsWith(".levels"))
        .isNotEmpty()
        .allMatch(t -> t.getDataType() == TensorProto.DataType.INT8_VALUE);
    AnnModel back = OnnxImporter.fromBytes(proto.toByteArray(), "m", null);
    float[] x = randomSample(model.inputShape(), 3);
    assertThat(logits(back, x)).containsExactly(logits(compressed.model(), x));
  }

  @Test
  @DisplayName(
      "An ANN trained here and its pruned, 8-bit version pass onnx.checker and Python reproduces their"
          + " logits within 1e-5")
  void pythonReproducesExportedLogits(@TempDir Path dir) throws Exception {
    assumeTrue(
        pythonHasOnnxAndTorch(),
        "/usr/bin/python3 with python3-onnx and python3-torch is not installed");
    AnnModel model = CnnArchitectures.lenet(1, 16, 4, 6, 16, 3, 11);
    LabeledImages data = stripes(300, 5);
    new AnnTrainer(TrainingSettings.adam(2, 5).withThreads(2))
        .train(new AnnNetwork(model), data, null, s -> {});
    QuantizedModel compressed = WeightCompression.quantize(WeightCompression.prune(model, 0.6), 8);

    OnnxExporter.write(model, dir.resolve("trained.onnx"));
    OnnxExporter.write(compressed, dir.resolve("compressed.onnx"));
    writeExpected(model, data, dir.resolve("trained.json"));
    writeExpected(compressed.model(), data, dir.resolve("compressed.json"));

    for (String name : List.of("trained", "compressed")) {
      Process p =
          new ProcessBuilder(
                  "/usr/bin/python3",
                  CHECKER.toString(),
                  dir.resolve(name + ".onnx").toString(),
                  dir.resolve(name + ".json").toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(output).isZero();
      assertThat(output).contains("onnx.checker ok").contains(" ok");
    }
  }

  private static boolean pythonHasOnnxAndTorch() throws InterruptedException {
    try {
      Process p =
          new ProcessBuilder("/usr/bin/python3", "-c", "import onnx, torch")
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** The first 8 samples and our logits for them, as check_export.py reads them. */
  private static void writeExpected(AnnModel model, LabeledImages data, Path file)
      throws IOException {
    List<float[]> inputs = new ArrayList<>();
    List<float[]> logits = new ArrayList<>();
    int size = data.shape().size();
    for (int s = 0; s < 8; s++) {
      float[] x =
          java.util.Arrays.copyOfRange(data.pixels(), data.offset(s), data.offset(s) + size);
      inputs.add(x);
      logits.add(logits(model, x));
    }
    TensorShape shape = model.inputShape();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("input_shape", List.of(shape.channels(), shape.height(), shape.width()));
    doc.put("inputs", inputs);
    doc.put("logits", logits);
    new ObjectMapper().writeValue(file.toFile(), doc);
  }

  /** Three classes of 16x16 images: a bright row band, a bright column band, or noise only. */
  private static LabeledImages stripes(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] pixels = new float[n * 256];
    int[] labels = new int[n];
    for (int s = 0; s < n; s++) {
      labels[s] = s % 3;
      int band = 2 + r.nextInt(12);
      for (int i = 0; i < 256; i++) {
        boolean on = labels[s] == 0 ? i / 16 == band : labels[s] == 1 && i % 16 == band;
        pixels[s * 256 + i] = (float) (0.2 * r.nextDouble()) + (on ? 0.8f : 0f);
      }
    }
    return new LabeledImages(new TensorShape(1, 16, 16), pixels, labels, 3);
  }

  private static float[] randomSample(TensorShape shape, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[shape.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextDouble();
    }
    return x;
  }

  private static float[] logits(AnnModel model, float[] x) {
    AnnNetwork net = new AnnNetwork(model);
    AnnWorkspace ws = net.newWorkspace();
    return net.forward(ws, x, 0).clone();
  }
}
