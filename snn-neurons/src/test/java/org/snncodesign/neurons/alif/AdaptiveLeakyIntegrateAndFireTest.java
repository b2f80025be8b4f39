package org.snncodesign.neurons.alif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.neuron.NeuronParameters;
import org.snncodesign.neurons.lif.LeakyIntegrateAndFire;
import org.snncodesign.neurons.support.Spikes;

class AdaptiveLeakyIntegrateAndFireTest {
  private final AdaptiveLeakyIntegrateAndFire model = new AdaptiveLeakyIntegrateAndFire();

  @Test
  @DisplayName(
      "Under constant input the intervals lengthen as the threshold adapts (spike-frequency adaptation)")
  void intervalsLengthen() {
    List<List<Integer>> times =
        Spikes.drive(model.create(1, NeuronParameters.withDt(1e-4)), new float[] {1.5f}, 10_000);
    int[] isi = Spikes.intervals(times.get(0));
    assertThat(isi.length).isGreaterThan(5);
    assertThat(isi[isi.length - 1]).isGreaterThan((int) (isi[0] * 1.5));
  }

  @Test
  @DisplayName("With beta = 0 it spikes exactly like the plain LIF")
  void betaZeroIsLif() {
    NeuronParameters p = NeuronParameters.withDt(1e-4).with("t_ref", 0.002);
    List<List<Integer>> alif =
        Spikes.drive(model.create(2, p.with("beta", 0)), new float[] {1.3f, 2f}, 5_000);
    List<List<Integer>> lif =
        Spikes.drive(new LeakyIntegrateAndFire().create(2, p), new float[] {1.3f, 2f}, 5_000);
    assertThat(alif).isEqualTo(lif);
  }

  @Test
  @DisplayName("tau_adapt <= 0 and beta < 0 are refused by name")
  void badAdaptationParameters() {
    assertThatThrownBy(() -> model.create(1, NeuronParameters.withDt(1e-4).with("tau_adapt", 0)))
        .hasMessageContaining("tau_adapt")
        .hasMessageContaining("0.0");
    assertThatThrownBy(() -> model.create(1, NeuronParameters.withDt(1e-4).with("beta", -1)))
        .hasMessageContaining("beta")
        .hasMessageContaining("-1.0");
  }
}
