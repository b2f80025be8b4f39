package org.snncodesign.learning.quantization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snncodesign.api.sparse.BitmapMatrix;
import org.snncodesign.learning.rewiring.GradientRewiring;
import org.snncodesign.learning.rewiring.SparsitySchedule;
import org.snncodesign.learning.surrogate.DenseLayer;
import org.snncodesign.learning.surrogate.Readout;
import org.snncodesign.learning.surrogate.ResetMode;
import org.snncodesign.learning.surrogate.SpikingNetwork;
import org.snncodesign.learning.surrogate.SurrogateGradientTrainer;
import org.snncodesign.learning.surrogate.ToyData;
import org.snncodesign.learning.surrogate.TrainingOptions;

class LsqQuantizerTest {

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4, 6, 8})
  @DisplayName(
      "quantised weights export to integers in range and dequantise to exactly the same floats")
  void roundTrip(int bits) {
    Random random = new Random(bits);
    float[] w = new float[60];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) random.nextGaussian() * 0.3f;
    }
    LsqQuantizer lsq = new LsqQuantizer(bits);
    lsq.initialise(0, w);
    float[] q = new float[w.length];
    lsq.forward(0, w, q);
    DenseLayer layer = new DenseLayer(6, 10, q, new float[10], bits, lsq.step(0));
    QuantizedWeights ints = QuantizedWeights.of(layer);
    assertThat(ints.dequantize()).containsExactly(q);
    Set<Integer> distinct = new HashSet<>();
    for (int level : ints.levels()) {
      assertThat(level).isBetween(-(1 << (bits - 1)), (1 << (bits - 1)) - 1);
      distinct.add(level);
    }
    assertThat(distinct.size()).isLessThanOrEqualTo(1 << bits).isGreaterThan(2);
    float[] again = new float[w.length];
    LsqQuantizer.quantize(q, lsq.step(0), bits, again);
    assertThat(again).as("quantisation is idempotent").containsExactly(q);
    BitmapMatrix bitmap = ints.levelsAsBitmap();
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 10; j++) {
        assertThat(bitmap.get(i, j)).isEqualTo((float) ints.levels()[i * 10 + j]);
      }
    }
  }

  @Test
  @DisplayName(
      "the straight-through estimator passes gradients inside the range and blocks clipped weights")
  void straightThrough() {
    LsqQuantizer lsq = new LsqQuantizer(2); // levels -2..1
    float[] w = {0.1f, -0.1f, 5f, -5f};
    lsq.initialise(0, w.clone());
    lsq.parameters(0)[0] = 0.5f;
    float[] gradient = {1f, 2f, 3f, 4f};
    lsq.backward(0, w, gradient);
    assertThat(gradient).containsExactly(1f, 2f, 0f, 0f);
    // d w_q / d s: inside round(v) - v = -0.2 and 0.2; clipped: Q_P = 1 and -Q_N = -2.
    double expected = (1 * -0.2 + 2 * 0.2 + 3 * 1 + 4 * -2) / Math.sqrt(4 * 1);
    assertThat((double) lsq.parameterGradients(0)[0])
        .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-5));
  }

  @Test
  @DisplayName(
      "a 4-bit LSQ network with 80 % Grad R sparsity learns the task and exports sparse integers")
  void quantisedSparseTraining() {
    ToyData train = ToyData.blocks(400, 16, 4, 0.5f, 1);
    SpikingNetwork net =
        SpikingNetwork.initialise(
            new int[] {16, 32, 4}, 6, 0.9f, 1f, ResetMode.SUBTRACT, Readout.MEMBRANE, 7);
    GradientRewiring rewiring = new GradientRewiring(new SparsitySchedule(0.8, 0, 50));
    LsqQuantizer lsq = new LsqQuantizer(4);
    TrainingOptions options =
        TrainingOptions.builder().learningRate(1e-2f).batchSize(16).threads(2).build();
    try (SurrogateGradientTrainer trainer =
        new SurrogateGradientTrainer(net, options, List.of(rewiring, lsq))) {
      for (int epoch = 0; epoch < 8; epoch++) {
        trainer.trainEpoch(train.features, train.labels, epoch);
      }
      assertThat(trainer.evaluate(train.features, train.labels).accuracy()).isGreaterThan(0.9);
    }
    for (int l = 0; l < 2; l++) {
      DenseLayer layer = net.denseLayer(l);
      assertThat(layer.bits()).isEqualTo(4);
      assertThat(layer.scale()).isEqualTo(lsq.step(l));
      QuantizedWeights ints = QuantizedWeights.of(layer);
      assertThat(ints.sparsity()).isGreaterThanOrEqualTo(0.8);
      assertThat(ints.levelsAsCsr().nonZeros()).isEqualTo(layer.toCsr().nonZeros());
    }
  }

  @Test
  @DisplayName("bit widths outside 2..8 and float layers are refused")
  void rejects() {
    assertThatThrownBy(() -> new LsqQuantizer(9)).hasMessageContaining("9");
    assertThatThrownBy(() -> QuantizedWeights.of(new DenseLayer(2, 2)))
        .hasMessageContaining("not quantised");
  }
}
