package org.snncodesign.learning.lsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snncodesign.api.spike.SpikeRaster;

class TimeSeriesEncoderTest {

  @ParameterizedTest
  @ValueSource(doubles = {0, 0.1, 0.25, 0.5, 0.9, 1})
  @DisplayName("regular coding fires value x p_max x steps spikes per frame, give or take one")
  void regularCountMatchesRate(double value) {
    TimeSeriesEncoder encoder = new TimeSeriesEncoder(40, 0.5, TimeSeriesEncoder.Mode.REGULAR);
    SpikeRaster r = encoder.encode(new float[] {(float) value}, 1, 1, 0);
    assertThat(r.timeSteps()).isEqualTo(40);
    assertThat((double) r.count())
        .isCloseTo(value * 0.5 * 40, org.assertj.core.data.Offset.offset(1.0));
  }

  @Test
  @DisplayName("Poisson coding is seeded and its count is near the mean")
  void poissonSeeded() {
    TimeSeriesEncoder encoder = new TimeSeriesEncoder(1000, 0.2, TimeSeriesEncoder.Mode.POISSON);
    float[] v = {1f, 0.5f};
    SpikeRaster a = encoder.encode(v, 1, 2, 3);
    assertThat(encoder.encode(v, 1, 2, 3)).isEqualTo(a);
    assertThat(a.countsPerNeuron()[0]).isBetween(200 - 60, 200 + 60);
    assertThat(a.countsPerNeuron()[1]).isBetween(100 - 45, 100 + 45);
  }

  @Test
  @DisplayName("frames follow each other in time and out-of-range values are clamped")
  void framesInOrder() {
    TimeSeriesEncoder encoder = new TimeSeriesEncoder(10, 1, TimeSeriesEncoder.Mode.REGULAR);
    SpikeRaster r = encoder.encode(new float[] {2f, -1f, 0f, 1f}, 2, 2, 0);
    for (int t = 0; t < 10; t++) {
      assertThat(r.get(t, 0)).isTrue();
      assertThat(r.get(t, 1)).isFalse();
      assertThat(r.get(t + 10, 0)).isFalse();
      assertThat(r.get(t + 10, 1)).isTrue();
    }
    assertThatThrownBy(() -> new TimeSeriesEncoder(0, 1, TimeSeriesEncoder.Mode.REGULAR))
        .hasMessageContaining("stepsPerFrame");
  }
}
