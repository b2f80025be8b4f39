package org.snncodesign.cli.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.conversion.ann.AnnJson;
import org.snncodesign.conversion.ann.AnnLayer;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AnnNetwork;
import org.snncodesign.conversion.ann.Conv2dLayer;
import org.snncodesign.conversion.ann.DenseLayer;
import org.snncodesign.conversion.ann.FlattenLayer;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.ann.MaxPoolLayer;
import org.snncodesign.conversion.ann.ReluLayer;
import org.snncodesign.conversion.ann.TensorShape;
import org.snncodesign.conversion.snn.AcceleratedOneSpikeSimulator;
import org.snncodesign.conversion.snn.AnnToSnnConverter;
import org.snncodesign.conversion.snn.ConvertedNetwork;
import org.snncodesign.conversion.snn.OneSpikeSimulator;
import org.snncodesign.conversion.snn.PhaseCoding;
import org.snncodesign.conversion.snn.SnnEvaluation;
import picocli.CommandLine;

/**
 * The converted one-spike SNN run through the real {@code cpu-gustavson} sparse kernel found by
 * discovery.
 */
class GustavsonConversionTest {
  private static final Path MNIST = Path.of("..", "..", "shared", "data", "mnist");

  private static void fill(float[] v, SplittableRandom r, double scale) {
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) ((r.nextDouble() * 2 - 1) * scale);
    }
  }

  private static AnnModel dense(int side, int classes, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    DenseLayer fc1 = DenseLayer.zeros("fc1", side * side, 24);
    fill(fc1.weights(), r, 0.5);
    fill(fc1.bias(), r, 0.05);
    DenseLayer fc2 = DenseLayer.zeros("fc2", 24, classes);
    fill(fc2.weights(), r, 0.5);
    return AnnModel.of(
        "dense",
        new TensorShape(1, side, side),
        List.<AnnLayer>of(new FlattenLayer("flat"), fc1, new ReluLayer("relu1"), fc2));
  }

  private static AnnModel conv(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Conv2dLayer c = Conv2dLayer.zeros("conv", 1, 4, 3, 1, 1);
    fill(c.weights(), r, 0.6);
    for (int i = 0; i < c.bias().length; i++) {
      c.bias()[i] = 0.05f;
    }
    DenseLayer fc = DenseLayer.zeros("fc", 4 * 4 * 4, 6);
    fill(fc.weights(), r, 0.5);
    return AnnModel.of(
        "conv",
        new TensorShape(1, 8, 8),
        List.<AnnLayer>of(
            c,
            new ReluLayer("relu"),
            new MaxPoolLayer("pool", 2, 2),
            new FlattenLayer("flat"),
            fc));
  }

  private static LabeledImages data(AnnModel model, int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    TensorShape shape = model.inputShape();
    float[] px = new float[n * shape.size()];
    for (int i = 0; i < px.length; i++) {
      px[i] = r.nextDouble() < 0.3 ? 0f : (float) r.nextDouble();
    }
    int[] labels =
        new AnnNetwork(model)
            .predictAll(new LabeledImages(shape, px, new int[n], model.outputs()), 1);
    return new LabeledImages(shape, px, labels, model.outputs());
  }

  @Test
  @DisplayName(
      "through cpu-gustavson, dense and conv SNNs give the simulator's phases, predictions and adds")
  void gustavsonMatchesSimulator() {
    Accelerator kernel = PluginRegistry.discover().require(Accelerator.class, "cpu-gustavson");
    assertThat(kernel.executes()).isTrue();
    for (AnnModel model : List.of(dense(6, 5, 4), conv(8))) {
      LabeledImages set = data(model, 64, 2);
      ConvertedNetwork snn = new AnnToSnnConverter(99.9).convert(model, set);
      PhaseCoding coding = PhaseCoding.rootOfTwo(2, 8);
      OneSpikeSimulator reference = new OneSpikeSimulator(snn, coding);
      AcceleratedOneSpikeSimulator accel = new AcceleratedOneSpikeSimulator(snn, coding, kernel);
      int[] offsets = new int[set.count()];
      for (int i = 0; i < offsets.length; i++) {
        offsets[i] = set.offset(i);
      }
      AcceleratedOneSpikeSimulator.Batch run = accel.run(set.pixels(), offsets);
      int last = snn.stageCount() - 1;
      for (int i = 0; i < set.count(); i++) {
        int[][] phases = reference.phases(set.pixels(), set.offset(i));
        for (int s = 0; s < phases.length; s++) {
          assertThat(run.phases()[i][s])
              .as("%s sample %d stage %d", model.name(), i, s)
              .containsExactly(phases[s]);
        }
        float[] v = reference.outputPotentials(set.pixels(), set.offset(i));
        for (int c = 0; c < v.length; c++) {
          assertThat(run.currents()[i][last][c])
              .isCloseTo(v[c], within(1e-4f * (1 + Math.abs(v[c]))));
        }
        assertThat(run.predictions()[i]).isEqualTo(reference.predict(set.pixels(), set.offset(i)));
      }
      SnnEvaluation ref = reference.evaluate(set, 1);
      AcceleratedOneSpikeSimulator.AcceleratedEvaluation e = accel.evaluate(set, 16);
      assertThat(e.backend()).isEqualTo("cpu-gustavson");
      assertThat(e.kernelAdds()).as(model.name()).isEqualTo(ref.synapticOps()).isPositive();
      assertThat(e.evaluation().correct()).isEqualTo(ref.correct());
      assertThat(e.evaluation().spikes()).isEqualTo(ref.spikes());
    }
  }

  @Test
  @DisplayName(
      "snn convert --backend cpu-gustavson reports the simulator's accuracy and acs plus the kernel adds")
  void convertWithBackend(@TempDir Path tmp) throws Exception {
    assumeTrue(
        Files.exists(MNIST.resolve("t10k-images-idx3-ubyte.gz")),
        "MNIST not in ../../shared/data/mnist");
    Path model = tmp.resolve("dense.json");
    AnnJson.write(dense(28, 10, 6), model);
    JsonNode sim = run("--backend", "simulator", "--model", model.toString());
    JsonNode gus = run("--backend", "cpu-gustavson", "--batch", "20", "--model", model.toString());
    assertThat(sim.get("backend").asText()).isEqualTo("simulator");
    assertThat(sim.has("kernel_adds")).isFalse();
    assertThat(gus.get("backend").asText()).isEqualTo("cpu-gustavson");
    assertThat(gus.get("snn_accuracy").asDouble()).isEqualTo(sim.get("snn_accuracy").asDouble());
    assertThat(gus.get("snn_acs").asDouble()).isEqualTo(sim.get("snn_acs").asDouble());
    assertThat(gus.get("kernel_adds").asDouble() / 60)
        .isCloseTo(sim.get("snn_acs").asDouble(), within(1e-6));
    assertThat(gus.get("kernel_calls").asLong()).isPositive();
  }

  @Test
  @DisplayName(
      "a backend that is not an executing accelerator, or with rate coding, is refused with exit code 2")
  void refusesBadBackend(@TempDir Path tmp) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        new CommandLine(
                new ConvertCommand(System.out, new PrintStream(err, true, StandardCharsets.UTF_8)))
            .execute("--data-dir", tmp.toString(), "--backend", "no-such-kernel");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no-such-kernel", "cpu-gustavson");
    ByteArrayOutputStream err2 = new ByteArrayOutputStream();
    int code2 =
        new CommandLine(
                new ConvertCommand(System.out, new PrintStream(err2, true, StandardCharsets.UTF_8)))
            .execute(
                "--data-dir", tmp.toString(), "--backend", "cpu-gustavson", "--coding", "rate");
    assertThat(code2).isEqualTo(2);
    assertThat(err2.toString(StandardCharsets.UTF_8)).contains("phase1");
  }

  private static JsonNode run(String... extra) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] base = {
      "--dataset",
      "mnist",
      "--data-dir",
      MNIST.toString(),
      "--coding",
      "phase1",
      "--test-samples",
      "60",
      "--json"
    };
    String[] args =
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
            .toArray(String[]::new);
    int code =
        new CommandLine(
                new ConvertCommand(
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)))
            .execute(args);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    String[] lines = out.toString(StandardCharsets.UTF_8).trim().split("\n");
    return new ObjectMapper().readTree(lines[lines.length - 1]);
  }
}
