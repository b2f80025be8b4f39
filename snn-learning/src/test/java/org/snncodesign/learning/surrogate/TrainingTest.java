package org.snncodesign.learning.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrainingTest {

  @ParameterizedTest
  @EnumSource(Readout.class)
  @DisplayName("a small LIF network learns a separable four-class task from chance to > 95 %")
  void learnsSeparableTask(Readout readout) {
    ToyData train = ToyData.blocks(400, 16, 4, 0.5f, 1);
    ToyData test = ToyData.blocks(200, 16, 4, 0.5f, 2);
    SpikingNetwork net =
        SpikingNetwork.initialise(
            new int[] {16, 24, 4}, 6, 0.9f, 1f, ResetMode.SUBTRACT, readout, 7);
    TrainingOptions options =
        TrainingOptions.builder().learningRate(1e-2f).batchSize(16).threads(2).build();
    try (SurrogateGradientTrainer trainer = new SurrogateGradientTrainer(net, options)) {
      double before = trainer.evaluate(test.features, test.labels).accuracy();
      EpochResult last = null;
      for (int epoch = 0; epoch < 8; epoch++) {
        last = trainer.trainEpoch(train.features, train.labels, epoch);
      }
      double after = trainer.evaluate(test.features, test.labels).accuracy();
      assertThat(before).isLessThan(0.6);
      assertThat(after).isGreaterThan(0.95);
      assertThat(last.loss()).isLessThan(1.0);
      int correct = 0;
      for (int s = 0; s < 200; s++) {
        float[] x = java.util.Arrays.copyOfRange(test.features, s * 16, s * 16 + 16);
        correct += net.predict(x) == test.labels[s] ? 1 : 0;
      }
      assertThat(correct / 200.0).isEqualTo(after);
    }
  }

  @Test
  @DisplayName("SGD with momentum and the IF neuron (beta = 1) also learn the task")
  void sgdAndIntegrateAndFire() {
    ToyData train = ToyData.blocks(400, 16, 4, 0.5f, 3);
    SpikingNetwork net =
        SpikingNetwork.initialise(
            new int[] {16, 24, 4}, 6, 1f, 1f, ResetMode.ZERO, Readout.MEMBRANE, 7);
    TrainingOptions options =
        TrainingOptions.builder()
            .optimizer(OptimizerKind.SGD)
            .learningRate(0.1f)
            .batchSize(16)
            .threads(1)
            .surrogate(SurrogateFunction.of(SurrogateKind.TRIANGLE))
            .build();
    try (SurrogateGradientTrainer trainer = new SurrogateGradientTrainer(net, options)) {
      for (int epoch = 0; epoch < 8; epoch++) {
        trainer.trainEpoch(train.features, train.labels, epoch);
      }
      assertThat(trainer.evaluate(train.features, train.labels).accuracy()).isGreaterThan(0.95);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 16})
  @DisplayName(
      "the same seed gives bit-identical weights, biases and losses on any number of threads")
  void deterministicOnAnyThreadCount(int threads) {
    assertThat(trainedBytes(threads)).isEqualTo(trainedBytes(1));
  }

  /**
   * Every weight, bias and loss after two epochs in batches of 10: a full chunk of 8 samples and a
   * ragged one.
   */
  private static String trainedBytes(int threads) {
    ToyData train = ToyData.blocks(100, 16, 4, 0.5f, 3);
    SpikingNetwork net =
        SpikingNetwork.initialise(
            new int[] {16, 12, 4}, 4, 0.9f, 1f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT, 9);
    StringBuilder bytes = new StringBuilder();
    try (SurrogateGradientTrainer trainer =
        new SurrogateGradientTrainer(
            net, TrainingOptions.builder().threads(threads).batchSize(10).build())) {
      for (int epoch = 0; epoch < 2; epoch++) {
        bytes.append(
            Double.doubleToRawLongBits(
                trainer.trainEpoch(train.features, train.labels, epoch).loss()));
      }
      bytes.append(
          Double.doubleToRawLongBits(trainer.evaluate(train.features, train.labels).loss()));
    }
    for (SpikingLayer layer : net.layers()) {
      bytes.append(java.util.Arrays.toString(floatBits(layer.weights())));
      bytes.append(java.util.Arrays.toString(floatBits(layer.bias())));
    }
    return bytes.toString();
  }

  private static int[] floatBits(float[] values) {
    int[] bits = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Float.floatToRawIntBits(values[i]);
    }
    return bits;
  }

  @Test
  @DisplayName("data of the wrong shape and labels out of range are refused with the bad values")
  void rejectsBadData() {
    SpikingNetwork net =
        SpikingNetwork.initialise(
            new int[] {4, 3}, 2, 0.9f, 1f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT, 1);
    try (SurrogateGradientTrainer trainer =
        new SurrogateGradientTrainer(net, TrainingOptions.builder().threads(1).build())) {
      assertThatThrownBy(() -> trainer.trainEpoch(new float[7], new int[2], 0))
          .hasMessageContaining("7");
      assertThatThrownBy(() -> trainer.evaluate(new float[4], new int[] {3}))
          .hasMessageContaining("label 3");
    }
    assertThatThrownBy(() -> SpikingNetwork.parseArchitecture("784-abc-10"))
        .hasMessageContaining("abc");
  }
}
