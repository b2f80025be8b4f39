package org.snncodesign.learning.surrogate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GradientCheckTest {

  /**
   * Checks every weight and bias gradient against a central difference of the mean loss; returns
   * the worst error relative to the largest gradient of the same array.
   */
  static double worstRelativeError(
      SpikingNetwork net, TrainingOptions options, ToyData data, boolean lastLayerOnly) {
    try (SurrogateGradientTrainer trainer = new SurrogateGradientTrainer(net, options)) {
      float[][][] analytic = trainer.gradients(data.features, data.labels);
      double worst = 0;
      int first = lastLayerOnly ? net.layers().size() - 1 : 0;
      for (int l = first; l < net.layers().size(); l++) {
        float[][] params = {net.layer(l).weights(), net.layer(l).bias()};
        for (int a = 0; a < 2; a++) {
          float[] p = params[a];
          float[] g = analytic[l][a];
          double scale = 1e-4;
          for (float v : g) {
            scale = Math.max(scale, Math.abs(v));
          }
          for (int i = 0; i < p.length; i++) {
            float saved = p[i];
            float eps = 1e-2f;
            p[i] = saved + eps;
            double up = trainer.evaluate(data.features, data.labels).loss();
            p[i] = saved - eps;
            double down = trainer.evaluate(data.features, data.labels).loss();
            p[i] = saved;
            double numeric = (up - down) / (2 * eps);
            worst = Math.max(worst, Math.abs(numeric - g[i]) / scale);
          }
        }
      }
      return worst;
    }
  }

  @ParameterizedTest(name = "{0} reset, {1} readout, {2} surrogate")
  @CsvSource({
    "SUBTRACT, SPIKE_COUNT, FAST_SIGMOID",
    "SUBTRACT, MEMBRANE, ARCTAN",
    "ZERO, SPIKE_COUNT, ARCTAN",
    "ZERO, MEMBRANE, FAST_SIGMOID",
    "SUBTRACT, MEMBRANE, TRIANGLE"
  })
  @DisplayName("with smooth spikes and an attached reset, BPTT gradients match finite differences")
  void smoothNetworkGradientsMatchFiniteDifferences(
      ResetMode reset, Readout readout, SurrogateKind kind) {
    SpikingNetwork net =
        SpikingNetwork.initialise(new int[] {6, 5, 4, 3}, 5, 0.8f, 0.5f, reset, readout, 3);
    ToyData data = ToyData.blocks(4, 6, 3, 0.3f, 11);
    // A soft surrogate keeps the loss smooth enough for float finite differences.
    TrainingOptions options =
        TrainingOptions.builder()
            .surrogate(new SurrogateFunction(kind, 1f))
            .smoothSpikes(true)
            .detachReset(false)
            .threads(1)
            .build();
    assertThat(worstRelativeError(net, options, data, false)).isLessThan(1e-2);
  }

  @ParameterizedTest(name = "{0} reset")
  @CsvSource({"SUBTRACT", "ZERO"})
  @DisplayName("with IF neurons (beta 1, the if model), BPTT gradients match finite differences")
  void integrateAndFireGradientsMatchFiniteDifferences(ResetMode reset) {
    SpikingNetwork net =
        SpikingNetwork.initialise(new int[] {6, 5, 3}, 5, 1f, 0.5f, reset, Readout.SPIKE_COUNT, 4);
    assertThat(net.neuronModel().name()).isEqualTo("if");
    TrainingOptions options =
        TrainingOptions.builder()
            .surrogate(new SurrogateFunction(SurrogateKind.ARCTAN, 1f))
            .smoothSpikes(true)
            .detachReset(false)
            .threads(1)
            .build();
    assertThat(worstRelativeError(net, options, ToyData.blocks(4, 6, 3, 0.3f, 11), false))
        .isLessThan(1e-2);
  }

  @Test
  @DisplayName(
      "with real spikes, the gradients of the non-spiking membrane readout layer are exact")
  void readoutLayerGradientIsExactWithRealSpikes() {
    SpikingNetwork net =
        SpikingNetwork.initialise(
            new int[] {8, 6, 3}, 6, 0.9f, 0.3f, ResetMode.SUBTRACT, Readout.MEMBRANE, 5);
    ToyData data = ToyData.blocks(6, 8, 3, 0.4f, 2);
    TrainingOptions options = TrainingOptions.builder().threads(2).build();
    assertThat(worstRelativeError(net, options, data, true)).isLessThan(1e-2);
  }

  @Test
  @DisplayName("splitting the batch over threads gives the same gradient as one thread")
  void threadsAgree() {
    ToyData data = ToyData.blocks(9, 8, 3, 0.4f, 2);
    SpikingNetwork a =
        SpikingNetwork.initialise(
            new int[] {8, 6, 3}, 4, 0.9f, 0.3f, ResetMode.ZERO, Readout.SPIKE_COUNT, 5);
    SpikingNetwork b = a.copy();
    float[][][] one;
    float[][][] three;
    try (SurrogateGradientTrainer t =
        new SurrogateGradientTrainer(a, TrainingOptions.builder().threads(1).build())) {
      one = t.gradients(data.features, data.labels);
    }
    try (SurrogateGradientTrainer t =
        new SurrogateGradientTrainer(b, TrainingOptions.builder().threads(3).build())) {
      three = t.gradients(data.features, data.labels);
    }
    for (int l = 0; l < one.length; l++) {
      for (int a2 = 0; a2 < 2; a2++) {
        for (int i = 0; i < one[l][a2].length; i++) {
          assertThat(three[l][a2][i])
              .isCloseTo(one[l][a2][i], org.assertj.core.api.Assertions.within(1e-6f));
        }
      }
    }
  }
}
