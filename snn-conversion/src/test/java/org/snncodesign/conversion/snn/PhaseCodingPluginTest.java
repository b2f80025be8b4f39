package org.snncodesign.conversion.snn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.coding.CodingParameters;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.neurons.coding.SingleSpikePhaseCoding;

@DisplayName("One phase coding: the conversion's PhaseCoding is the phase1 plugin")
class PhaseCodingPluginTest {

  @Test
  @DisplayName("the phase1 plugin encodes every value at the phase the converted network fires it")
  void pluginEncodesAsTheConversionFires() {
    SplittableRandom random = new SplittableRandom(7);
    for (int m : new int[] {1, 2, 4}) {
      CodingParameters parameters = SingleSpikePhaseCoding.rootOfTwo(m, 8);
      PhaseCoding coding = PhaseCoding.of(parameters);
      float[] values = new float[500];
      for (int i = 0; i < values.length; i++) {
        // Log-uniform over [2^-10, 1], beyond the last phase of 8 octaves, so that every phase and
        // silence occur.
        values[i] = (float) Math.pow(2, -10 * random.nextDouble());
      }
      SpikeRaster raster = new SingleSpikePhaseCoding().encode(values, parameters);
      for (int n = 0; n < values.length; n++) {
        int expected = coding.phaseOf(values[n]);
        for (int t = 0; t < coding.phases(); t++) {
          assertThat(raster.get(t, n))
              .as("m %d, value %s, phase %d", m, values[n], t)
              .isEqualTo(t == expected);
        }
      }
    }
  }

  @Test
  @DisplayName("rootOfTwo gives the plugin's base, phases and log-nearest rounding")
  void rootOfTwoIsThePluginsParameters() {
    PhaseCoding coding = PhaseCoding.rootOfTwo(2, 8);
    assertThat(coding.base()).isEqualTo(Math.pow(2, 0.5));
    assertThat(coding.phases()).isEqualTo(16);
    assertThat(coding.rounding()).isEqualTo(Math.pow(Math.pow(2, 0.5), -0.5));
    assertThat(coding.rootOfTwoDegree()).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "plugin parameters without a rounding are refused: a converted network fires on a threshold")
  void needsRounding() {
    assertThatThrownBy(() -> PhaseCoding.of(CodingParameters.of(8, 0)))
        .hasMessageContaining("rounding");
  }
}
