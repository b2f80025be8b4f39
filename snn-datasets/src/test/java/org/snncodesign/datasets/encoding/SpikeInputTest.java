package org.snncodesign.datasets.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.coding.CodingParameters;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.datasets.digits.EmbeddedDigits;

class SpikeInputTest {
  private final ThresholdTestEncoder encoder = new ThresholdTestEncoder();

  @Test
  @DisplayName("dividing the digits by their maximum maps 16 to 1 and 8 to 0.5")
  void fitMax() {
    LabeledDataset digits = EmbeddedDigits.load();
    MinMaxScaling scaling = MinMaxScaling.fitMax(digits);
    assertThat(scaling.apply(new float[] {0, 8, 16})).containsExactly(0f, 0.5f, 1f);
    LabeledDataset scaled = scaling.apply(digits);
    for (float v : scaled.features()) {
      assertThat(v).isBetween(0f, 1f);
    }
    assertThat(scaled.labels()).isEqualTo(digits.labels());
  }

  @Test
  @DisplayName(
      "values outside the fitted bounds are clamped, NaN goes to 0, a constant feature to 0")
  void clamping() {
    LabeledDataset data =
        new LabeledDataset(
            "d", new int[] {2}, new float[] {1, 5, 3, 5}, new int[] {0, 0}, List.of("a"));
    MinMaxScaling perFeature = MinMaxScaling.fitPerFeature(data);
    assertThat(perFeature.perFeature()).isTrue();
    assertThat(perFeature.apply(new float[] {2, 5})).containsExactly(0.5f, 0f);
    assertThat(perFeature.apply(new float[] {-7, Float.NaN})).containsExactly(0f, 0f);
    assertThat(MinMaxScaling.range(0, 10).apply(new float[] {11, 5})).containsExactly(1f, 0.5f);
    assertThatThrownBy(() -> MinMaxScaling.range(3, 1)).hasMessageContaining("[3.0, 1.0]");
  }

  @Test
  @DisplayName(
      "one call turns a digit into a raster whose spike counts follow its normalised pixels")
  void oneCall() {
    LabeledDataset digits = EmbeddedDigits.load();
    SpikeRaster raster = SpikeInput.encode(digits, 0, encoder, CodingParameters.of(16, 2));
    assertThat(raster.timeSteps()).isEqualTo(16);
    assertThat(raster.neurons()).isEqualTo(65);
    int[] counts = raster.countsPerNeuron();
    float[] pixels = digits.sample(0);
    for (int n = 0; n < 64; n++) {
      // value v/16 over 16 steps fires exactly v times under the threshold coding.
      assertThat(counts[n]).as("neuron %d", n).isEqualTo((int) pixels[n]);
    }
  }

  @Test
  @DisplayName("samples get distinct but reproducible seeds")
  void perSampleSeeds() {
    LabeledDataset digits = EmbeddedDigits.load();
    SpikeInput input = SpikeInput.of(digits, encoder, CodingParameters.of(8, 99));
    Set<Long> seeds = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      seeds.add(input.parametersFor(i).seed());
    }
    assertThat(seeds).hasSize(1000);
    SpikeRaster[] first = input.encode(new int[] {3, 4, 5});
    SpikeRaster[] again =
        SpikeInput.of(digits, encoder, CodingParameters.of(8, 99)).encode(new int[] {3, 4, 5});
    assertThat(first).containsExactly(again);
    assertThat(input.encodeAll()).hasSize(1797);
    assertThatThrownBy(() -> input.encode(1797))
        .hasMessageContaining("sample 1797 outside [0, 1797)");
  }
}
