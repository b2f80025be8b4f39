package org.snncodesign.neurons.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.coding.CodingParameters;
import org.snncodesign.api.coding.SpikeEncoder;
import org.snncodesign.api.plugin.Plugin;
import org.snncodesign.api.spike.SpikeRaster;

class CodingBehaviourTest {

  @Test
  @DisplayName("All five codings are found through ServiceLoader by their short names")
  void providersAreListed() {
    List<String> names =
        ServiceLoader.load(SpikeEncoder.class).stream()
            .map(ServiceLoader.Provider::get)
            .map(Plugin::name)
            .toList();
    assertThat(names).contains("rate", "ttfs", "phase", "phase1", "burst");
  }

  @Test
  @DisplayName("Rate coding is deterministic for a seed and differs between seeds")
  void rateIsSeeded() {
    float[] v = new float[200];
    java.util.Arrays.fill(v, 0.3f);
    RateCoding rate = new RateCoding();
    SpikeRaster a = rate.encode(v, CodingParameters.of(50, 7));
    assertThat(rate.encode(v, CodingParameters.of(50, 7))).isEqualTo(a);
    assertThat(rate.encode(v, CodingParameters.of(50, 8))).isNotEqualTo(a);
    assertThat(a.density()).isBetween(0.27, 0.33);
  }

  @Test
  @DisplayName("TTFS sends larger values earlier and zero not at all")
  void ttfsOrder() {
    SpikeRaster r =
        new TimeToFirstSpikeCoding().encode(new float[] {1f, 0.5f, 0f}, CodingParameters.of(11, 0));
    assertThat(r.train(0).times()).containsExactly(0);
    assertThat(r.train(1).times()).containsExactly(5);
    assertThat(r.train(2).times()).isEmpty();
  }

  @Test
  @DisplayName(
      "Phase coding sends the binary expansion: 0.625 ~ 0.101 in binary spikes at phases 0 and 2")
  void phaseBits() {
    CodingParameters p = new CodingParameters(6, 0, Map.of("phases", 3.0));
    SpikeRaster r = new PhaseCoding().encode(new float[] {5f / 7f}, p);
    assertThat(r.train(0).times()).containsExactly(0, 2, 3, 5);
  }

  @Test
  @DisplayName("Single-spike phase coding with base 3 sends 1/9 as one spike at phase 2")
  void phase1Base() {
    CodingParameters p = new CodingParameters(8, 0, Map.of("base", 3.0));
    SpikeRaster r = new SingleSpikePhaseCoding().encode(new float[] {1f / 9f, 1f, 0f}, p);
    assertThat(r.train(0).times()).containsExactly(2);
    assertThat(r.train(1).times()).containsExactly(0);
    assertThat(r.train(2).times()).isEmpty();
  }

  @Test
  @DisplayName("Burst coding sends round(x N_max) spikes isi apart")
  void burstShape() {
    CodingParameters p = new CodingParameters(10, 0, Map.of("max_spikes", 4.0, "isi", 2.0));
    assertThat(new BurstCoding().encode(new float[] {0.75f}, p).train(0).times())
        .containsExactly(0, 2, 4);
  }

  @Test
  @DisplayName("Values outside [0, 1] or NaN are refused naming the index and value")
  void badValues() {
    assertThatThrownBy(
            () -> new RateCoding().encode(new float[] {0.1f, 1.5f}, CodingParameters.of(5, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value 1")
        .hasMessageContaining("1.5");
    assertThatThrownBy(
            () -> new PhaseCoding().encode(new float[] {Float.NaN}, CodingParameters.of(8, 0)))
        .hasMessageContaining("value 0")
        .hasMessageContaining("NaN");
  }

  @Test
  @DisplayName("Bad options are refused naming the option and value")
  void badOptions() {
    assertThatThrownBy(
            () ->
                new SingleSpikePhaseCoding()
                    .encode(new float[] {0.5f}, new CodingParameters(8, 0, Map.of("base", 1.0))))
        .hasMessageContaining("base")
        .hasMessageContaining("1.0");
    assertThatThrownBy(
            () ->
                new PhaseCoding()
                    .encode(new float[] {0.5f}, new CodingParameters(4, 0, Map.of("phases", 8.0))))
        .hasMessageContaining("phases = 8");
    assertThatThrownBy(
            () ->
                new TimeToFirstSpikeCoding().encode(new float[] {0.5f}, CodingParameters.of(1, 0)))
        .hasMessageContaining("timeSteps >= 2, got 1");
    assertThatThrownBy(
            () -> new RateCoding().decode(new SpikeRaster(3, 1), CodingParameters.of(4, 0)))
        .hasMessageContaining("3 steps")
        .hasMessageContaining("timeSteps = 4");
  }
}
