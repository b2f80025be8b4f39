package org.snncodesign.learning.surrogate;

import java.util.Map;
import org.snncodesign.api.neuron.NeuronParameters;
import org.snncodesign.api.neuron.SurrogateDynamics;
import org.snncodesign.api.neuron.TrainableNeuronModel;
import org.snncodesign.neurons.integrate.IntegrateAndFire;
import org.snncodesign.neurons.lif.LeakyIntegrateAndFire;

/**
 * The neuron model of a {@link SpikingNetwork}'s spiking layers and the dynamics it trains with.
 * The network's {@code beta} and {@code v_th} reach the model as its parameters {@code tau_m = dt /
 * (1 - beta)}, {@code R = tau_m / dt} and {@code v_th}, each where the model declares it, at the
 * nominal step {@link #DT} (forward Euler then gives {@code v = beta v + I} whatever the step, so
 * the step only matters to parameters the network does not set).
 *
 * @param model the plugin
 * @param dynamics its dynamics with the network's parameters and reset
 */
record NeuronChoice(TrainableNeuronModel model, SurrogateDynamics dynamics) {
  /** The step, in seconds, at which the network's parameters are given to the model. */
  static final double DT = 1e-3;

  /** {@code if} for {@code beta = 1}, else {@code lif}: the trainer's own neuron. */
  static TrainableNeuronModel builtIn(float beta) {
    return beta == 1f ? new IntegrateAndFire() : new LeakyIntegrateAndFire();
  }

  /**
   * The dynamics of {@code model} with the network's neuron settings.
   *
   * @throws IllegalArgumentException in one line naming the model when it cannot take them
   */
  static NeuronChoice of(TrainableNeuronModel model, float beta, float threshold, ResetMode reset) {
    Map<String, Double> declared = model.defaultParameters();
    boolean leaks = declared.containsKey("tau_m");
    if (beta < 1f && !leaks) {
      throw new IllegalArgumentException(
          "neuron model '"
              + model.name()
              + "' has no membrane time constant tau_m, so it cannot decay by beta = "
              + beta
              + " per step; train it with beta 1");
    }
    if (beta == 1f && leaks) {
      throw new IllegalArgumentException(
          "neuron model '"
              + model.name()
              + "' leaks (tau_m) and beta = 1 has no time constant; train it with beta below 1,"
              + " or choose a model without leak (if)");
    }
    NeuronParameters parameters = NeuronParameters.withDt(DT);
    if (leaks) {
      double tau = DT / (1 - (double) beta);
      parameters = parameters.with("tau_m", tau);
      if (declared.containsKey("R")) {
        parameters = parameters.with("R", tau / DT);
      }
    }
    if (declared.containsKey("v_th")) {
      parameters = parameters.with("v_th", threshold);
    }
    return new NeuronChoice(
        model, model.surrogateDynamics(parameters, reset == ResetMode.SUBTRACT));
  }

  /** Whether the model is the trainer's own neuron for {@code beta} ({@link #builtIn}). */
  boolean isBuiltIn(float beta) {
    return model.name().equals(beta == 1f ? "if" : "lif");
  }
}
