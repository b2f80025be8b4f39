package org.snncodesign.learning.surrogate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snncodesign.learning.quantization.LsqQuantizer;
import org.snncodesign.learning.quantization.QuantizedWeights;
import org.snncodesign.learning.rewiring.GradientRewiring;
import org.snncodesign.learning.rewiring.SparsitySchedule;

class ConvTrainingTest {

  private static ToyData randomImages(int samples, int pixels, int classes, long seed) {
    return ToyData.blocks(samples, pixels, classes, 1f, seed);
  }

  @ParameterizedTest(name = "{0}: {1} reset, {2} readout, {3} surrogate")
  @CsvSource({
    "1x6x6-c2k3-3, SUBTRACT, SPIKE_COUNT, FAST_SIGMOID",
    "1x6x6-c2k3-3, ZERO, MEMBRANE, ARCTAN",
    "1x6x6-c2k3p1-c3k3s2p1-3, SUBTRACT, MEMBRANE, FAST_SIGMOID",
    "1x6x6-c2k3p1-c3k3s2p1-3, ZERO, SPIKE_COUNT, TRIANGLE",
    "2x5x5-c2k2s2p1-4-3, SUBTRACT, SPIKE_COUNT, ARCTAN",
    "1x6x6-c2k3p1a2-3, ZERO, MEMBRANE, FAST_SIGMOID",
    "1x7x7-c2k3p1a2-c3k2-3, SUBTRACT, SPIKE_COUNT, FAST_SIGMOID",
    "1x7x7-c2k3p1a2-c3k2-3, ZERO, MEMBRANE, ARCTAN"
  })
  @DisplayName("with smooth spikes, BPTT gradients of conv networks match finite differences")
  void convGradientsMatchFiniteDifferences(
      String arch, ResetMode reset, Readout readout, SurrogateKind kind) {
    SpikingNetwork net = SpikingNetwork.initialise(arch, 5, 0.8f, 0.5f, reset, readout, 3);
    ToyData data = randomImages(4, net.inputs(), 3, 11);
    TrainingOptions options =
        TrainingOptions.builder()
            .surrogate(new SurrogateFunction(kind, 1f))
            .smoothSpikes(true)
            .detachReset(false)
            .threads(1)
            .build();
    assertThat(GradientCheckTest.worstRelativeError(net, options, data, false)).isLessThan(1e-2);
  }

  @Test
  @DisplayName(
      "a small conv LIF network learns horizontal versus vertical bars from chance to > 90 %")
  void learnsBars() {
    BarImages train = BarImages.generate(300, 8, 0.3f, 1);
    BarImages test = BarImages.generate(200, 8, 0.3f, 2);
    SpikingNetwork net =
        SpikingNetwork.initialise(
            "1x8x8-c4k3-2", 4, 0.9f, 1f, ResetMode.SUBTRACT, Readout.MEMBRANE, 5);
    TrainingOptions options =
        TrainingOptions.builder().learningRate(1e-2f).batchSize(16).threads(2).build();
    try (SurrogateGradientTrainer trainer = new SurrogateGradientTrainer(net, options)) {
      double before = trainer.evaluate(test.features, test.labels).accuracy();
      for (int epoch = 0; epoch < 6; epoch++) {
        trainer.trainEpoch(train.features, train.labels, epoch);
      }
      double after = trainer.evaluate(test.features, test.labels).accuracy();
      assertThat(before).isLessThan(0.7);
      assertThat(after).isGreaterThan(0.9);
    }
  }

  @Test
  @DisplayName("a conv network with 2x2 average pooling also learns the bars")
  void learnsBarsWithPooling() {
    BarImages train = BarImages.generate(300, 8, 0.3f, 5);
    BarImages test = BarImages.generate(200, 8, 0.3f, 6);
    SpikingNetwork net =
        SpikingNetwork.initialise(
            "1x8x8-c4k3p1a2-2", 4, 0.9f, 1f, ResetMode.SUBTRACT, Readout.MEMBRANE, 5);
    TrainingOptions options =
        TrainingOptions.builder().learningRate(1e-2f).batchSize(16).threads(2).build();
    try (SurrogateGradientTrainer trainer = new SurrogateGradientTrainer(net, options)) {
      for (int epoch = 0; epoch < 6; epoch++) {
        trainer.trainEpoch(train.features, train.labels, epoch);
      }
      assertThat(trainer.evaluate(test.features, test.labels).accuracy()).isGreaterThan(0.9);
    }
  }

  @Test
  @DisplayName(
      "gradient rewiring and 4-bit LSQ act on conv kernels: target sparsity, integer levels, exact reload")
  void rewiringAndLsqOnConvKernels() {
    BarImages train = BarImages.generate(300, 8, 0.3f, 3);
    SpikingNetwork net =
        SpikingNetwork.initialise(
            "1x8x8-c8k3-2", 4, 0.9f, 1f, ResetMode.SUBTRACT, Readout.MEMBRANE, 6);
    GradientRewiring rewiring = new GradientRewiring(new SparsitySchedule(0.5, 0, 20));
    LsqQuantizer lsq = new LsqQuantizer(4);
    TrainingOptions options =
        TrainingOptions.builder().learningRate(1e-2f).batchSize(16).threads(1).build();
    try (SurrogateGradientTrainer trainer =
        new SurrogateGradientTrainer(net, options, List.of(rewiring, lsq))) {
      for (int epoch = 0; epoch < 5; epoch++) {
        trainer.trainEpoch(train.features, train.labels, epoch);
      }
      assertThat(trainer.evaluate(train.features, train.labels).accuracy()).isGreaterThan(0.85);
    }
    ConvLayer conv = (ConvLayer) net.layer(0);
    assertThat((double) conv.zeroWeights() / conv.weights().length).isGreaterThanOrEqualTo(0.5);
    assertThat(conv.bits()).isEqualTo(4);
    QuantizedWeights ints = QuantizedWeights.of(conv);
    assertThat(ints.rows()).isEqualTo(9);
    assertThat(ints.cols()).isEqualTo(8);
    assertThat(ints.dequantize()).containsExactly(conv.weights());
    SpikingNetwork back = SpikingNetworkJson.fromJson(SpikingNetworkJson.toJson(net));
    assertThat(back).isEqualTo(net);
    Random random = new Random(1);
    for (int s = 0; s < 30; s++) {
      float[] x = new float[64];
      for (int i = 0; i < 64; i++) {
        x[i] = random.nextFloat();
      }
      assertThat(back.predict(x)).isEqualTo(net.predict(x));
    }
  }

  @Test
  @DisplayName("the spike recorder records conv neurons and predicts as the network does")
  void recorderOnConv() {
    BarImages data = BarImages.generate(10, 8, 0.3f, 4);
    SpikingNetwork net =
        SpikingNetwork.initialise(
            "1x8x8-c4k3p1a2-2", 3, 0.9f, 0.5f, ResetMode.ZERO, Readout.SPIKE_COUNT, 2);
    SpikeRecorder.Recording recording = SpikeRecorder.record(net, data.features, 10);
    // The raster holds the conv neurons themselves (8x8x4), not the pooled values the dense layer
    // sees.
    assertThat(recording.layerSpikes()[0].neurons()).isEqualTo(8 * 8 * 4);
    assertThat(net.layer(1).inputs()).isEqualTo(4 * 4 * 4);
    for (int s = 0; s < 10; s++) {
      assertThat(recording.predictions()[s])
          .isEqualTo(net.predict(java.util.Arrays.copyOfRange(data.features, s * 64, s * 64 + 64)));
    }
  }
}
