package org.snncodesign.conversion.snn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AvgPoolLayer;
import org.snncodesign.conversion.ann.Conv2dLayer;
import org.snncodesign.conversion.ann.DenseLayer;
import org.snncodesign.conversion.ann.FlattenLayer;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.ann.ReluLayer;
import org.snncodesign.conversion.ann.TensorShape;
import org.snncodesign.conversion.ann.TestModels;
import org.snncodesign.neurons.engine.PropagationMode;

class EngineRateRunnerTest {
  private static final int T = 48;

  /** 20 - 16 - 12 - 4 dense ReLU network. */
  static AnnModel dense(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    DenseLayer fc1 = DenseLayer.zeros("fc1", 20, 16);
    TestModels.fill(fc1.weights(), r, 0.6);
    TestModels.fill(fc1.bias(), r, 0.05);
    DenseLayer fc2 = DenseLayer.zeros("fc2", 16, 12);
    TestModels.fill(fc2.weights(), r, 0.6);
    TestModels.fill(fc2.bias(), r, 0.05);
    DenseLayer fc3 = DenseLayer.zeros("fc3", 12, 4);
    TestModels.fill(fc3.weights(), r, 0.6);
    return AnnModel.of(
        "dense",
        TensorShape.vector(20),
        List.of(fc1, new ReluLayer("r1"), fc2, new ReluLayer("r2"), fc3));
  }

  /** conv 3x3 p1 - relu - avg pool 3 - flatten - dense - relu - dense on 2x9x9 inputs. */
  static AnnModel conv(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Conv2dLayer c1 = Conv2dLayer.zeros("conv1", 2, 4, 3, 1, 1);
    TestModels.fill(c1.weights(), r, 0.5);
    TestModels.fill(c1.bias(), r, 0.1);
    DenseLayer fc1 = DenseLayer.zeros("fc1", 36, 12);
    TestModels.fill(fc1.weights(), r, 0.6);
    TestModels.fill(fc1.bias(), r, 0.05);
    DenseLayer fc2 = DenseLayer.zeros("fc2", 12, 4);
    TestModels.fill(fc2.weights(), r, 0.6);
    return AnnModel.of(
        "conv",
        new TensorShape(2, 9, 9),
        List.of(
            c1,
            new ReluLayer("r1"),
            new AvgPoolLayer("avg", 3, 3),
            new FlattenLayer("flat"),
            fc1,
            new ReluLayer("r2"),
            fc2));
  }

  /**
   * Input(6) - h1(8) - h2(8, fed by h1 and by the input directly) - out(3, fed by h2 and h1):
   * weights, biases and pixels on the grid 1/64, so every partial sum is exact in float and
   * summation order cannot matter.
   */
  static ConvertedNetwork dyadic(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    ConvertedNetwork.Stage in =
        new ConvertedNetwork.Stage(
            StageKind.INPUT, "in", TensorShape.vector(6), null, null, null, null, 1.0);
    ConvertedNetwork.Stage h1 =
        new ConvertedNetwork.Stage(
            StageKind.SPIKING,
            "h1",
            TensorShape.vector(8),
            new int[] {0},
            new CsrMatrix[] {grid(r, 6, 8)},
            gridBias(r, 8),
            null,
            1.0);
    ConvertedNetwork.Stage h2 =
        new ConvertedNetwork.Stage(
            StageKind.SPIKING,
            "h2",
            TensorShape.vector(8),
            new int[] {1, 0},
            new CsrMatrix[] {grid(r, 8, 8), grid(r, 6, 8)},
            gridBias(r, 8),
            null,
            1.0);
    ConvertedNetwork.Stage out =
        new ConvertedNetwork.Stage(
            StageKind.OUTPUT,
            "out",
            TensorShape.vector(3),
            new int[] {2, 1},
            new CsrMatrix[] {grid(r, 8, 3), grid(r, 8, 3)},
            gridBias(r, 3),
            null,
            1.0);
    return new ConvertedNetwork("dyadic", List.of(in, h1, h2, out), 0, 100);
  }

  private static CsrMatrix grid(SplittableRandom r, int rows, int cols) {
    float[] d = new float[rows * cols];
    for (int i = 0; i < d.length; i++) {
      d[i] = r.nextDouble() < 0.2 ? 0f : (r.nextInt(129) - 48) / 64f;
    }
    return CsrMatrix.fromDense(rows, cols, d);
  }

  private static float[] gridBias(SplittableRandom r, int n) {
    float[] b = new float[n];
    for (int i = 0; i < n; i++) {
      b[i] = (r.nextInt(33) - 12) / 64f;
    }
    return b;
  }

  static LabeledImages gridImages(int n, int size, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] px = new float[n * size];
    for (int i = 0; i < px.length; i++) {
      px[i] = r.nextInt(64) / 64f;
    }
    return new LabeledImages(TensorShape.vector(size), px, new int[n], 3);
  }

  @ParameterizedTest
  @EnumSource(PropagationMode.class)
  @DisplayName(
      "on a network whose sums are exact in float, the engine reproduces every spike of every stage at"
          + " every step and the read-out bit for bit, residual paths included")
  void exactOnBinaryGrid(PropagationMode mode) {
    for (long seed = 1; seed <= 5; seed++) {
      ConvertedNetwork net = dyadic(seed);
      LabeledImages images = gridImages(4, 6, seed);
      RateSimulator rate = new RateSimulator(net, 10, T);
      EngineRateRunner engine = new EngineRateRunner(net, mode, 10, T);
      long hiddenSpikes = 0;
      for (int s = 0; s < images.count(); s++) {
        RateTrace expected = rate.trace(images, s);
        RateTrace actual = engine.trace(images, s);
        assertThat(actual.spikes()).isDeepEqualTo(expected.spikes());
        assertThat(actual.output()).isDeepEqualTo(expected.output());
        for (int[] step : expected.spikes()) {
          hiddenSpikes += step[1] + step[2];
        }
      }
      assertThat(hiddenSpikes)
          .as("the hidden stages must spike for the comparison to mean anything")
          .isPositive();
    }
  }

  @Test
  @DisplayName("the engine places stages at depths that keep residual paths aligned")
  void depths() {
    EngineRateRunner engine = new EngineRateRunner(dyadic(1), PropagationMode.EVENT, 5);
    assertThat(engine.depth(0)).isEqualTo(1);
    assertThat(engine.depth(1)).isEqualTo(2);
    assertThat(engine.depth(2)).isEqualTo(3);
    assertThat(engine.depth(3)).isEqualTo(4);
    assertThat(engine.engineSteps(5)).isEqualTo(9);
  }

  @ParameterizedTest
  @EnumSource(PropagationMode.class)
  @DisplayName(
      "on converted dense and conv networks (max pooling and a residual add included) the engine gives RateSimulator's spikes per stage and step, its"
          + " predictions, and read-outs within float re-association error; clock and event runs are identical")
  void matchesRateSimulatorOnConvertedNetworks(PropagationMode mode) {
    PropagationMode other =
        mode == PropagationMode.CLOCK ? PropagationMode.EVENT : PropagationMode.CLOCK;
    for (AnnModel model : List.of(dense(3), conv(4), TestModels.convertible(7))) {
      LabeledImages data = TestModels.selfLabelled(model, 40, 5);
      ConvertedNetwork net = new AnnToSnnConverter(99.9).convert(model, data);
      RateSimulator rate = new RateSimulator(net, 16, T);
      EngineRateRunner engine = new EngineRateRunner(net, mode, 16, T);
      EngineRateRunner otherEngine = new EngineRateRunner(net, other, 16, T);
      long spikes = 0;
      for (int s = 0; s < data.count(); s++) {
        RateTrace expected = rate.trace(data, s);
        RateTrace actual = engine.trace(data, s);
        RateTrace second = otherEngine.trace(data, s);
        assertThat(second.spikes()).isDeepEqualTo(actual.spikes());
        assertThat(second.output()).isDeepEqualTo(actual.output());
        // Spikes agree exactly here; a neuron within rounding of its threshold could move one step
        // (class doc).
        assertThat(actual.spikes())
            .as("%s sample %d", model.name(), s)
            .isDeepEqualTo(expected.spikes());
        for (int c = 0; c < expected.output().length; c++) {
          assertThat(argmax(actual.output()[c])).isEqualTo(argmax(expected.output()[c]));
          for (int o = 0; o < expected.output()[c].length; o++) {
            // Sums of up to T * fan-in terms of size ~1 in float: a few ulps of 1e2, far below
            // 1e-3.
            assertThat(actual.output()[c][o])
                .isCloseTo(expected.output()[c][o], org.assertj.core.data.Offset.offset(1e-3f));
          }
        }
        for (int[] step : expected.spikes()) {
          for (int k : step) {
            spikes += k;
          }
        }
      }
      assertThat(spikes).isPositive();
      List<SnnEvaluation> a = rate.evaluate(data, 2);
      List<SnnEvaluation> b = engine.evaluate(data, 2);
      for (int c = 0; c < a.size(); c++) {
        assertThat(b.get(c).correct()).isEqualTo(a.get(c).correct());
        assertThat(b.get(c).timesteps()).isEqualTo(a.get(c).timesteps());
        assertThat(b.get(c).synapticOps()).isEqualTo(a.get(c).synapticOps());
        assertThat(b.get(c).spikes()).isEqualTo(a.get(c).spikes());
        assertThat(b.get(c).neuronOps()).isEqualTo(a.get(c).neuronOps());
      }
    }
  }

  static int argmax(float[] v) {
    int best = 0;
    for (int c = 1; c < v.length; c++) {
      if (v[c] > v[best]) {
        best = c;
      }
    }
    return best;
  }

  @Test
  @DisplayName("max-pool windows that overlap are rejected with a message naming the stage")
  void rejectsOverlappingMaxPool() {
    AnnModel model = TestModels.everyKind(7);
    AnnModel overlapping =
        AnnModel.of(
            "overlap",
            model.inputShape(),
            List.of(
                model.layers().get(0),
                new ReluLayer("r"),
                new org.snncodesign.conversion.ann.MaxPoolLayer("mp", 3, 1),
                new FlattenLayer("f"),
                DenseLayer.zeros("fc", 4 * 3 * 3, 2)));
    ConvertedNetwork net =
        new AnnToSnnConverter(99.9)
            .convert(overlapping, TestModels.selfLabelled(overlapping, 10, 3));
    assertThatThrownBy(() -> new EngineRateRunner(net, PropagationMode.EVENT, 8))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'mp'")
        .hasMessageContaining("overlapping");
  }
}
