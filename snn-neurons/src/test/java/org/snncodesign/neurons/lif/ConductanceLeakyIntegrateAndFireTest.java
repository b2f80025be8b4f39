package org.snncodesign.neurons.lif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.neuron.NeuronParameters;
import org.snncodesign.api.neuron.NeuronPopulation;

class ConductanceLeakyIntegrateAndFireTest {
  private final ConductanceLeakyIntegrateAndFire model = new ConductanceLeakyIntegrateAndFire();

  private NeuronPopulation neuron() {
    return (NeuronPopulation) model.create(1, NeuronParameters.withDt(1e-4).with("v_th", 50));
  }

  @Test
  @DisplayName("A large excitatory conductance drives v toward e_e but never past it")
  void excitationSaturatesAtReversal() {
    NeuronPopulation p = neuron();
    float[][] in = {{0f}, {0f}, {0f}};
    long[] spikes = new long[1];
    for (int t = 0; t < 2000; t++) {
      in[0][0] = 5f;
      p.step(in, spikes);
      assertThat(p.membranePotential()[0]).isLessThanOrEqualTo(0f);
    }
    assertThat(p.membranePotential()[0]).isGreaterThan(-15f);
  }

  @Test
  @DisplayName(
      "Inhibition pulls v toward e_i, and the effect of an input scales with the driving force")
  void inhibitionPullsTowardItsReversal() {
    NeuronPopulation p = neuron();
    float[][] in = {{0f}, {0f}, {0f}};
    long[] spikes = new long[1];
    in[1][0] = 1f;
    p.step(in, spikes);
    in[1][0] = 0f;
    for (int t = 0; t < 50; t++) {
      p.step(in, spikes);
    }
    float v = p.membranePotential()[0];
    assertThat(v).isLessThan(-60f).isGreaterThan(-80f);
  }

  @Test
  @DisplayName(
      "With the synapses silent the neuron relaxes to v_rest exactly as a passive membrane")
  void passiveRelaxation() {
    NeuronPopulation p = neuron();
    p.setMembranePotential(new float[] {-50f});
    float[][] in = {{0f}, {0f}, {0f}};
    for (int t = 0; t < 200; t++) {
      p.step(in, new long[1]);
    }
    double exact = -60 + 10 * Math.exp(-200 * 1e-4 / 0.02);
    assertThat((double) p.membranePotential()[0]).isCloseTo(exact, within(1e-3));
  }

  @Test
  @DisplayName("Mismatched channel counts are refused")
  void wrongChannelCount() {
    NeuronPopulation p = neuron();
    assertThatThrownBy(() -> p.step(new float[][] {{0f}}, new long[1]))
        .hasMessageContaining("3 input channels");
  }
}
