package org.snncodesign.neurons.lif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.neuron.NeuronParameters;
import org.snncodesign.api.neuron.NeuronPopulation;
import org.snncodesign.neurons.support.Spikes;

class LeakyIntegrateAndFireTest {
  private final LeakyIntegrateAndFire model = new LeakyIntegrateAndFire();

  @Test
  @DisplayName(
      "The f-I curve matches 1 / (t_ref + tau_m ln((R I - v_reset) / (R I - v_th))) within 0.5%")
  void fICurveMatchesTheAnalyticRate() {
    double dt = 1e-5;
    double tauM = 0.02;
    double tRef = 0.002;
    float[] currents = {1.05f, 1.2f, 1.5f, 2f, 3f, 5f};
    NeuronPopulation p =
        model.create(
            currents.length, NeuronParameters.withDt(dt).with("tau_m", tauM).with("t_ref", tRef));
    List<List<Integer>> times = Spikes.drive(p, currents, 100_000);
    for (int i = 0; i < currents.length; i++) {
      List<Integer> t = times.get(i);
      assertThat(t.size()).as("spikes at I = %s", currents[i]).isGreaterThan(5);
      double measured = (t.size() - 1) / ((t.get(t.size() - 1) - t.get(0)) * dt);
      double analytic = 1 / (tRef + tauM * Math.log(currents[i] / (currents[i] - 1.0)));
      assertThat(measured)
          .as("rate at I = %s", currents[i])
          .isCloseTo(analytic, within(0.005 * analytic));
    }
  }

  @Test
  @DisplayName("A current below rheobase (R I < v_th - v_rest) never makes the neuron fire")
  void subthresholdCurrentIsSilent() {
    NeuronPopulation p = model.create(1, NeuronParameters.withDt(1e-4));
    List<List<Integer>> times = Spikes.drive(p, new float[] {0.99f}, 20_000);
    assertThat(times.get(0)).isEmpty();
    assertThat(p.membranePotential()[0]).isCloseTo(0.99f, within(1e-3f));
  }

  @Test
  @DisplayName(
      "During the refractory period no spike occurs: intervals are never shorter than t_ref")
  void refractoryPeriodBoundsTheIntervals() {
    double dt = 1e-4;
    NeuronPopulation p = model.create(1, NeuronParameters.withDt(dt).with("t_ref", 0.005));
    List<List<Integer>> times = Spikes.drive(p, new float[] {1000f}, 2_000);
    // Huge input crosses threshold in one step, so the interval is exactly t_ref / dt steps.
    assertThat(Spikes.intervals(times.get(0))).isNotEmpty().containsOnly(50);
  }

  @Test
  @DisplayName(
      "With reset by subtraction a residue above threshold still waits out the refractory period")
  void subtractionResidueRespectsRefractoriness() {
    NeuronPopulation p =
        model.create(
            1, NeuronParameters.withDt(1e-4).with("t_ref", 0.005).with("reset_by_subtraction", 1));
    List<List<Integer>> times = Spikes.drive(p, new float[] {1000f}, 1_000);
    assertThat(Spikes.intervals(times.get(0))).isNotEmpty().containsOnly(50);
  }

  @Test
  @DisplayName("The membrane is clamped to v_reset during refractoriness")
  void potentialIsClampedWhileRefractory() {
    NeuronPopulation p =
        model.create(1, NeuronParameters.withDt(1e-4).with("t_ref", 0.001).with("v_reset", -0.5));
    long[] spikes = new long[1];
    float[] big = {1000f};
    assertThat(p.step(big, spikes)).isEqualTo(1);
    for (int k = 1; k < 10; k++) {
      p.step(big, spikes);
      assertThat(spikes[0]).isZero();
      assertThat(p.membranePotential()[0]).isEqualTo(-0.5f);
    }
    assertThat(p.step(big, spikes)).isEqualTo(1);
  }

  @Test
  @DisplayName("Reset by subtraction keeps the residue above threshold")
  void resetBySubtractionKeepsResidue() {
    NeuronPopulation p =
        model.create(1, NeuronParameters.withDt(1e-4).with("reset_by_subtraction", 1));
    long[] spikes = new long[1];
    p.step(new float[] {1.5f / (float) -Math.expm1(-1e-4 / 0.02)}, spikes);
    assertThat(spikes[0]).isEqualTo(1L);
    assertThat(p.membranePotential()[0]).isCloseTo(0.5f, within(1e-3f));
  }

  @Test
  @DisplayName("A synaptic current jump decays with tau_syn and moves v along the exact solution")
  void synapticJumpFollowsTheExactSolution() {
    double dt = 1e-4;
    double tauM = 0.02;
    double tauS = 0.005;
    NeuronPopulation p =
        (NeuronPopulation)
            model.create(1, NeuronParameters.withDt(dt).with("tau_syn_e", tauS).with("v_th", 100));
    long[] spikes = new long[1];
    float[][] in = {{1f}, {0f}};
    p.step(in, spikes);
    in[0][0] = 0f;
    for (int k = 1; k < 100; k++) {
      p.step(in, spikes);
    }
    double t = 100 * dt;
    double exact = tauS / (tauS - tauM) * (Math.exp(-t / tauS) - Math.exp(-t / tauM));
    assertThat((double) p.membranePotential()[0]).isCloseTo(exact, within(1e-5));
  }

  @Test
  @DisplayName("tau_m <= 0 is refused with a message naming tau_m and its value")
  void nonPositiveTauIsRefused() {
    assertThatThrownBy(() -> model.create(3, NeuronParameters.withDt(1e-3).with("tau_m", 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tau_m")
        .hasMessageContaining("0.0");
    assertThatThrownBy(() -> model.create(3, NeuronParameters.withDt(1e-3).with("tau_m", -0.01)))
        .hasMessageContaining("tau_m")
        .hasMessageContaining("-0.01");
  }

  @Test
  @DisplayName("A negative dt is refused naming dt and its value")
  void negativeDtIsRefused() {
    assertThatThrownBy(() -> model.create(3, NeuronParameters.withDt(-1e-3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dt")
        .hasMessageContaining("-0.001");
  }

  @Test
  @DisplayName("A NaN input current is refused naming the neuron and the value")
  void nanCurrentIsRefused() {
    NeuronPopulation p = model.create(3, NeuronParameters.withDt(1e-3));
    assertThatThrownBy(() -> p.step(new float[] {0f, Float.NaN, 0f}, new long[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("neuron 1")
        .hasMessageContaining("NaN");
  }

  @Test
  @DisplayName(
      "Infinite inputs on either channel, and NaN during refractoriness, are refused naming the neuron")
  void nonFiniteInputsOnAnyChannelAreRefused() {
    NeuronPopulation p =
        (NeuronPopulation)
            model.create(
                3, NeuronParameters.withDt(1e-4).with("tau_syn_i", 0.01).with("t_ref", 0.002));
    assertThatThrownBy(
            () ->
                p.step(
                    new float[][] {{0f, 0f, Float.NEGATIVE_INFINITY}, {0f, 0f, 0f}}, new long[1]))
        .hasMessageContaining("neuron 2")
        .hasMessageContaining("-Infinity");
    p.reset();
    assertThatThrownBy(
            () ->
                p.step(
                    new float[][] {{0f, 0f, 0f}, {Float.POSITIVE_INFINITY, 0f, 0f}}, new long[1]))
        .hasMessageContaining("neuron 0")
        .hasMessageContaining("Infinity");
    p.reset();
    p.step(new float[][] {{0f, 1e6f, 0f}, {0f, 0f, 0f}}, new long[1]);
    assertThatThrownBy(() -> p.step(new float[][] {{0f, Float.NaN, 0f}, {0f, 0f, 0f}}, new long[1]))
        .hasMessageContaining("neuron 1")
        .hasMessageContaining("NaN");
  }

  @Test
  @DisplayName(
      "Input and spike arrays of the wrong size are refused naming expected and actual sizes")
  void mismatchedSizesAreRefused() {
    NeuronPopulation p = model.create(70, NeuronParameters.withDt(1e-3));
    assertThatThrownBy(() -> p.step(new float[69], new long[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("70")
        .hasMessageContaining("69");
    assertThatThrownBy(() -> p.step(new float[70], new long[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 words")
        .hasMessageContaining("got 1");
  }

  @Test
  @DisplayName("Unknown parameters and v_reset >= v_th are refused with their names")
  void unknownAndInconsistentParametersAreRefused() {
    assertThatThrownBy(() -> model.create(1, NeuronParameters.withDt(1e-3).with("tau", 0.02)))
        .hasMessageContaining("unknown parameter 'tau'");
    assertThatThrownBy(() -> model.create(1, NeuronParameters.withDt(1e-3).with("v_reset", 2)))
        .hasMessageContaining("v_reset (2.0)")
        .hasMessageContaining("v_th (1.0)");
  }

  @Test
  @DisplayName("reset() returns every neuron to v_rest")
  void resetReturnsToRest() {
    NeuronPopulation p = model.create(2, NeuronParameters.withDt(1e-3).with("v_rest", -0.2));
    p.step(new float[] {0.5f, 0.7f}, new long[1]);
    p.reset();
    assertThat(p.membranePotential()).containsExactly(-0.2f, -0.2f);
  }
}
