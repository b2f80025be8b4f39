package org.snncodesign.neurons.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.neuron.NeuronParameters;
import org.snncodesign.api.neuron.NeuronPopulation;
import org.snncodesign.neurons.support.Spikes;

class IntegrateAndFireTest {
  private final IntegrateAndFire model = new IntegrateAndFire();

  @Property(tries = 200, seed = "20070301")
  @Label(
      "With reset by subtraction the spike count over T steps is floor(T x / v_th) (rate = input)")
  void subtractionCountsExactly(@ForAll @FloatRange(min = 0f, max = 1f) float x) {
    NeuronPopulation p =
        model.create(1, NeuronParameters.withDt(1e-3).with("reset_by_subtraction", 1));
    List<List<Integer>> times = Spikes.drive(p, new float[] {x}, 200);
    // Float accumulation may move a boundary case by one spike.
    assertThat((double) times.get(0).size()).isCloseTo(Math.floor(200.0 * x), within(1.0));
  }

  @Test
  @DisplayName(
      "Reset to zero discards the residue, so it fires less often than reset by subtraction")
  void resetToZeroLosesResidue() {
    NeuronParameters base = NeuronParameters.withDt(1e-3);
    int zero = Spikes.drive(model.create(1, base), new float[] {0.6f}, 100).get(0).size();
    int sub =
        Spikes.drive(model.create(1, base.with("reset_by_subtraction", 1)), new float[] {0.6f}, 100)
            .get(0)
            .size();
    assertThat(zero).isEqualTo(50);
    assertThat(sub).isEqualTo(60);
  }

  @Test
  @DisplayName("Refractory steps ignore input")
  void refractoryIgnoresInput() {
    NeuronPopulation p = model.create(1, NeuronParameters.withDt(1e-3).with("t_ref", 0.003));
    assertThat(Spikes.intervals(Spikes.drive(p, new float[] {1f}, 30).get(0))).containsOnly(3);
  }

  @Test
  @DisplayName("Bad flags and NaN inputs are refused by name")
  void badInput() {
    assertThatThrownBy(
            () -> model.create(1, NeuronParameters.withDt(1e-3).with("reset_by_subtraction", 2)))
        .hasMessageContaining("reset_by_subtraction")
        .hasMessageContaining("2.0");
    NeuronPopulation p = model.create(2, NeuronParameters.withDt(1e-3));
    assertThatThrownBy(() -> p.step(new float[] {Float.POSITIVE_INFINITY, 0f}, new long[1]))
        .hasMessageContaining("neuron 0")
        .hasMessageContaining("Infinity");
    assertThatThrownBy(() -> model.create(-1, NeuronParameters.withDt(1e-3)))
        .hasMessageContaining("-1");
  }
}
