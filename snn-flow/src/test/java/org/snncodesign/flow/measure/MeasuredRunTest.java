package org.snncodesign.flow.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.learning.surrogate.ConvLayer;
import org.snncodesign.learning.surrogate.Readout;
import org.snncodesign.learning.surrogate.ResetMode;
import org.snncodesign.learning.surrogate.SpikingNetwork;

class MeasuredRunTest {

  private static LabeledDataset randomData(int samples, int size, long seed) {
    Random random = new Random(seed);
    float[] features = new float[samples * size];
    for (int i = 0; i < features.length; i++) {
      // MNIST-like: most pixels dark, the rest in (0, 1].
      features[i] = random.nextDouble() < 0.6 ? 0f : Math.round(random.nextFloat() * 255) / 255f;
    }
    int[] labels = new int[samples];
    for (int k = 0; k < samples; k++) {
      labels[k] = k % 3;
    }
    return new LabeledDataset("random", new int[] {size}, features, labels, List.of("a", "b", "c"));
  }

  @Test
  @DisplayName(
      "pixels in [0, 1] become 8-bit integers cut into bit planes: 255 sets all 8, 0.5 -> 128 sets bit 7")
  void bitPlanesByHand() {
    SpikeRaster planes = MeasuredRun.bitPlanes(new float[] {0f, 1f, 0.5f, 3 / 255f}, 1, 4);
    assertThat(planes.timeSteps()).isEqualTo(8);
    for (int b = 0; b < 8; b++) {
      assertThat(planes.get(b, 0)).isFalse();
      assertThat(planes.get(b, 1)).isTrue();
      assertThat(planes.get(b, 2)).isEqualTo(b == 7);
      assertThat(planes.get(b, 3)).isEqualTo(b < 2);
    }
    assertThat(planes.density()).isEqualTo(11 / 32.0);
  }

  @Test
  @DisplayName("the bit planes are exact: sum_b 2^b x_b gives back round(255 x) for every pixel")
  void bitPlanesReconstruct() {
    LabeledDataset data = randomData(5, 37, 2);
    SpikeRaster planes = MeasuredRun.bitPlanes(data.features(), 5, 37);
    for (int k = 0; k < 5; k++) {
      for (int i = 0; i < 37; i++) {
        int value = 0;
        for (int b = 0; b < 8; b++) {
          value |= planes.get(k * 8 + b, i) ? 1 << b : 0;
        }
        assertThat(value).isEqualTo(Math.round(data.features()[k * 37 + i] * 255));
      }
    }
  }

  @Test
  @DisplayName("signed inputs are stored as 8-bit two's complement scaled to +-127")
  void signedBitPlanes() {
    SpikeRaster planes = MeasuredRun.bitPlanes(new float[] {-2f, 2f, -0.5f}, 1, 3);
    int[] values = new int[3];
    for (int i = 0; i < 3; i++) {
      for (int b = 0; b < 8; b++) {
        values[i] |= planes.get(b, i) ? 1 << b : 0;
      }
    }
    // -0.5 / 2 x 127 = -31.75 -> -32.
    assertThat(values).containsExactly(256 - 127, 127, 256 - 32);
  }

  @Test
  @DisplayName(
      "with bit planes the first layer leads the workload: 8 plane rows, its own weights; the rest unchanged")
  void firstLayerAsBitPlanes() {
    SpikingNetwork net =
        SpikingNetwork.initialise(
            new int[] {20, 12, 3}, 4, 0.9f, 1f, ResetMode.SUBTRACT, Readout.MEMBRANE, 1);
    MeasuredRun run = MeasuredRun.of(net, randomData(6, 20, 3));
    Workload excluded = run.meanInference();
    Workload planes = run.meanInference(MeasuredRun.FirstLayer.BIT_PLANES);
    assertThat(excluded.layers()).hasSize(1);
    assertThat(planes.layers()).hasSize(2);
    LayerWorkload first = planes.layers().get(0);
    assertThat(first.timeSteps()).isEqualTo(8);
    assertThat(first.inputs()).isEqualTo(20);
    assertThat(first.outputs()).isEqualTo(12);
    assertThat(first.spikeRate()).isEqualTo(run.bitPlanes().density());
    assertThat(planes.layers().get(1)).isEqualTo(excluded.layers().get(0));

    List<Workload> perInference = run.perInference(MeasuredRun.FirstLayer.BIT_PLANES);
    assertThat(perInference).hasSize(6);
    SpikeRaster sample2 = perInference.get(2).layers().get(0).spikes().orElseThrow();
    for (int b = 0; b < 8; b++) {
      for (int i = 0; i < 20; i++) {
        assertThat(sample2.get(b, i)).isEqualTo(run.bitPlanes().get(2 * 8 + b, i));
      }
    }
    assertThat(run.perInference()).allSatisfy(w -> assertThat(w.layers()).hasSize(1));
  }

  @Test
  @DisplayName(
      "a conv layer is lowered to its im2col matrix: (k k C_in) x C_out over T x H_out x W_out rows")
  void convLowering() {
    SpikingNetwork net =
        SpikingNetwork.initialise(
            "1x4x4-c2k3p1-3", 2, 0.9f, 1f, ResetMode.SUBTRACT, Readout.MEMBRANE, 5);
    ConvLayer conv = (ConvLayer) net.layer(0);
    // Per axis, output positions 0 and 3 see 2 of the 3 taps, 1 and 2 see all 3: (10/12)^2 of the
    // pairs.
    assertThat(MeasuredRun.insideFraction(conv)).isCloseTo(100 / 144.0, within(1e-12));
    MeasuredRun run = MeasuredRun.of(net, randomData(4, 16, 6));
    Workload workload = run.meanInference(MeasuredRun.FirstLayer.BIT_PLANES);
    LayerWorkload lowered = workload.layers().get(0);
    assertThat(lowered.inputs()).isEqualTo(9);
    assertThat(lowered.outputs()).isEqualTo(2);
    assertThat(lowered.timeSteps()).isEqualTo(8 * 16);
    assertThat(lowered.spikeRate())
        .isCloseTo(run.bitPlanes().density() * 100 / 144.0, within(1e-12));
    assertThat(workload.layers().get(1).inputs()).isEqualTo(32);
    assertThatThrownBy(() -> run.perInference(MeasuredRun.FirstLayer.BIT_PLANES))
        .hasMessageContaining("not a fully connected layer");
  }
}
