package org.snncodesign.neurons.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snncodesign.api.neuron.NeuronModel;
import org.snncodesign.api.neuron.NeuronParameters;
import org.snncodesign.api.neuron.SurrogateDynamicsCheck;
import org.snncodesign.api.neuron.TrainableNeuronModel;
import org.snncodesign.api.plugin.PluginRegistry;

@DisplayName("The built-in trainable neuron models")
class TrainableModelsTest {
  private static final PluginRegistry PLUGINS = PluginRegistry.discover();

  static Stream<Arguments> trainable() {
    return PLUGINS.providers(NeuronModel.class).stream()
        .filter(TrainableNeuronModel.class::isInstance)
        .flatMap(m -> Stream.of(Arguments.of(m.name(), true), Arguments.of(m.name(), false)));
  }

  @Test
  @DisplayName("are lif and if")
  void lifAndIfAreTrainable() {
    assertThat(trainable().map(a -> (String) a.get()[0]).distinct())
        .containsExactlyInAnyOrder("lif", "if");
  }

  @ParameterizedTest(name = "{0}, reset by subtraction {1}")
  @MethodSource("trainable")
  @DisplayName("differentiate their forward pass exactly (smooth spikes, attached reset)")
  void gradientsMatchFiniteDifferences(String name, boolean subtract) {
    TrainableNeuronModel model = (TrainableNeuronModel) PLUGINS.require(NeuronModel.class, name);
    NeuronParameters parameters = NeuronParameters.withDt(1e-3);
    if (model.defaultParameters().containsKey("tau_m")) {
      parameters = parameters.with("tau_m", 5e-3).with("R", 5);
    }
    SurrogateDynamicsCheck check =
        new SurrogateDynamicsCheck(
            model.surrogateDynamics(parameters.with("v_th", 0.5), subtract), 7, 6, 0.3f, 3);
    assertThat(check.worstRelativeError()).isLessThan(1e-2);
  }

  @Test
  @DisplayName("the gradient check catches a backward pass that ignores the spikes")
  void checkCatchesAWrongBackwardPass() {
    DiscreteLifDynamics lif = new DiscreteLifDynamics(0.8f, 1f, 0.5f, true);
    org.snncodesign.api.neuron.SurrogateDynamics blind =
        new org.snncodesign.api.neuron.SurrogateDynamics() {
          @Override
          public int stateSize() {
            return 1;
          }

          @Override
          public void rest(float[] state, int n) {
            lif.rest(state, n);
          }

          @Override
          public void integrate(
              int n,
              float[] state,
              float[] current,
              int co,
              float[] trace,
              int to,
              float[] x,
              int xo) {
            lif.integrate(n, state, current, co, trace, to, x, xo);
          }

          @Override
          public void reset(int n, float[] trace, int to, float[] spikes, int so, float[] state) {
            lif.reset(n, trace, to, spikes, so, state);
          }

          @Override
          public void backward(
              int n,
              float[] trace,
              int to,
              float[] spikes,
              int so,
              float[] surrogate,
              float[] gs,
              int gso,
              float[] gu,
              float[] gi,
              int gio,
              boolean detach) {
            lif.backward(n, trace, to, spikes, so, new float[n], gs, gso, gu, gi, gio, detach);
          }
        };
    assertThat(new SurrogateDynamicsCheck(blind, 7, 6, 0.3f, 3).worstRelativeError())
        .isGreaterThan(0.1);
  }

  @Test
  @DisplayName("lif trains forward Euler's v = beta v + I with beta = 1 - dt / tau_m and gain 1")
  void lifIsTheTrainersDiscreteNeuron() {
    TrainableNeuronModel lif = (TrainableNeuronModel) PLUGINS.require(NeuronModel.class, "lif");
    float[] state = {0.5f};
    float[] trace = new float[1];
    float[] argument = new float[1];
    lif.surrogateDynamics(
            NeuronParameters.withDt(1e-3).with("tau_m", 1e-2).with("R", 10).with("v_th", 2), true)
        .integrate(1, state, new float[] {0.25f}, 0, trace, 0, argument, 0);
    assertThat(trace[0]).isEqualTo(0.9f * 0.5f + 0.25f);
    assertThat(argument[0]).isEqualTo(trace[0] - 2f);
  }

  @Test
  @DisplayName("lif refuses in one line what its training dynamics do not model")
  void lifRefusesRefractoryAndSynapses() {
    TrainableNeuronModel lif = (TrainableNeuronModel) PLUGINS.require(NeuronModel.class, "lif");
    assertThatThrownBy(
            () -> lif.surrogateDynamics(NeuronParameters.withDt(1e-3).with("t_ref", 2e-3), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("neuron model 'lif' trains only with t_ref = 0, got 0.002");
    assertThatThrownBy(
            () -> lif.surrogateDynamics(NeuronParameters.withDt(1e-3).with("tau_m", 1e-3), true))
        .hasMessage(
            "neuron model 'lif' trains with forward Euler, which needs tau_m > dt; got tau_m = 0.001"
                + " s at dt = 0.001 s");
  }
}
