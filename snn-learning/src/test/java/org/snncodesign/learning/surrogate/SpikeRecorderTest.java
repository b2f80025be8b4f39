package org.snncodesign.learning.surrogate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.spike.SpikeRaster;

@DisplayName("Recording a trained network's spikes")
class SpikeRecorderTest {
  @Test
  @DisplayName(
      "predictions equal predict() and each layer's recorded spikes drive the next layer exactly")
  void recordsWhatTheNetworkDid() {
    SpikingNetwork network =
        SpikingNetwork.initialise(
            new int[] {12, 20, 16, 4}, 5, 0.9f, 0.3f, ResetMode.SUBTRACT, Readout.MEMBRANE, 3);
    int samples = 7;
    float[] features = new float[samples * 12];
    Random random = new Random(11);
    for (int i = 0; i < features.length; i++) {
      features[i] = random.nextFloat();
    }

    SpikeRecorder.Recording recording = SpikeRecorder.record(network, features, samples);

    assertThat(recording.layerSpikes()).hasSize(2);
    assertThat(recording.layerSpikes()[0].neurons()).isEqualTo(20);
    assertThat(recording.layerSpikes()[0].timeSteps()).isEqualTo(samples * 5);
    assertThat(recording.layerSpikes()[0].count())
        .as("hidden layer must spike for the test to mean anything")
        .isPositive();
    for (int k = 0; k < samples; k++) {
      float[] sample = java.util.Arrays.copyOfRange(features, k * 12, (k + 1) * 12);
      assertThat(recording.predictions()[k]).isEqualTo(network.predict(sample));
    }
    // Layer 2's spikes follow from layer 1's recorded spikes through its own LIF update.
    assertThat(replayLayer(network, 1, recording.layerSpikes()[0], samples))
        .isEqualTo(recording.layerSpikes()[1]);
  }

  private static SpikeRaster replayLayer(
      SpikingNetwork network, int l, SpikeRaster below, int samples) {
    DenseLayer layer = network.denseLayer(l);
    int n = layer.outputs();
    int steps = network.timesteps();
    SpikeRaster out = new SpikeRaster(samples * steps, n);
    for (int k = 0; k < samples; k++) {
      float[] v = new float[n];
      for (int t = 0; t < steps; t++) {
        int row = k * steps + t;
        float[] h = layer.bias().clone();
        for (int i = 0; i < layer.inputs(); i++) {
          if (below.get(row, i)) {
            for (int j = 0; j < n; j++) {
              h[j] += layer.weights()[i * n + j];
            }
          }
        }
        for (int j = 0; j < n; j++) {
          float hj = network.beta() * v[j] + h[j];
          boolean spike = hj >= network.threshold();
          if (spike) {
            out.set(row, j);
          }
          v[j] = spike ? hj - network.threshold() : hj;
        }
      }
    }
    return out;
  }
}
