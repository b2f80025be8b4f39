package org.snncodesign.neurons.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.neuron.NeuronParameters;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.neurons.integrate.IntegrateAndFire;

/**
 * The engine's inputs that act within a step: delay-0 projections, analog values and input
 * currents.
 */
class DirectInputTest {
  private static final double DT = 1e-3;

  @Test
  @DisplayName(
      "A delay-0 projection delivers in the step of the spike, and is refused from a later population")
  void zeroDelayDeliversWithinTheStep() {
    CsrMatrix one = CsrMatrix.fromDense(1, 1, new float[] {2f});
    NetworkBuilder builder =
        Network.builder(DT)
            .population("src", new PoissonSource(1, DT, 1e6, 1))
            .population("dst", new IntegrateAndFire().create(1, NeuronParameters.withDt(DT)));
    assertThatThrownBy(
            () ->
                builder.projection(
                    "back", "dst", "src", one, new int[] {0}, 0, TransmittedSignal.SPIKES))
        .hasMessageContaining("'back'")
        .hasMessageContaining("before");
    Network net =
        builder
            .projection("now", "src", "dst", one, new int[] {0}, 0, TransmittedSignal.SPIKES)
            .build();
    SpikeMonitor spikes = net.monitorSpikes("dst");
    net.step();
    assertThat(spikes.steps()).containsExactly(0);
  }

  @Test
  @DisplayName(
      "A membrane-potential projection adds v_pre w of the source's value in the same step")
  void valueProjectionCarriesThePotential() {
    CsrMatrix weight = CsrMatrix.fromDense(1, 1, new float[] {0.5f});
    Network net =
        Network.builder(DT)
            .population(
                "a",
                new IntegrateAndFire().create(1, NeuronParameters.withDt(DT).with("v_th", 100)))
            .population(
                "b",
                new IntegrateAndFire().create(1, NeuronParameters.withDt(DT).with("v_th", 100)))
            .inputCurrent("a", new float[] {1f})
            .projection(
                "ab", "a", "b", weight, new int[] {0}, 0, TransmittedSignal.MEMBRANE_POTENTIAL)
            .build();
    net.run(2);
    // v_a = 1, 2; v_b = 0.5, 0.5 + 1.0
    assertThat(net.population("b").membranePotential()[0]).isEqualTo(1.5f);
  }

  @Test
  @DisplayName(
      "An input current is added to channel 0 every step and can be changed without rebuilding")
  void inputCurrentDrivesThePopulation() {
    Network net =
        Network.builder(DT)
            .population(
                "p",
                new IntegrateAndFire().create(2, NeuronParameters.withDt(DT).with("v_th", 100)))
            .inputCurrent("p", new float[] {0.3f, 0f})
            .build();
    net.run(2);
    net.setInputCurrent("p", new float[] {0f, 0.1f});
    net.step();
    float[] v = net.population("p").membranePotential();
    assertThat(v[0]).isCloseTo(0.6f, within(1e-6f));
    assertThat(v[1]).isCloseTo(0.1f, within(1e-6f));
  }
}
