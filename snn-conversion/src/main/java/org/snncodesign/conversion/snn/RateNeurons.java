package org.snncodesign.conversion.snn;

import java.util.Map;
import org.snncodesign.api.neuron.NeuronModel;
import org.snncodesign.api.neuron.NeuronParameters;
import org.snncodesign.api.neuron.NeuronPopulation;

/**
 * The populations of a neuron model plugin that run a rate-coded {@link ConvertedNetwork}'s stages,
 * shared by {@link RateSimulator} and {@link EngineRateRunner} so that both give a model the same
 * parameters: {@code v_th = 1}, {@code v_reset = 0} and reset by subtraction (Rueckauer et al.
 * 2017, Sec. 2.2), each only where the model declares it (a model without reset by subtraction
 * resets to {@code v_reset}); the read-out's threshold is {@value #READOUT_THRESHOLD}, out of
 * reach, so that it only integrates.
 *
 * <p>A stage's input is a potential increment per step, as an IF neuron takes it. A leaky model
 * states its input as a current through {@code tau_m dv/dt = -(v - v_rest) + R I}; where it
 * declares {@code tau_m} and {@code R}, it gets {@code R = 1 / (1 - e^(-dt / tau_m))}, which makes
 * the exact discretisation of {@code lif} the leaky integrator of the conversion literature, {@code
 * v[t] = beta v[t-1] + x[t]} with {@code beta = e^(-dt / tau_m)} (snnTorch's {@code Leaky}): with
 * the default {@code R = 1} its potential would settle at {@code x <= 1} and hardly any neuron
 * would reach the threshold. Other parameters keep the model's defaults.
 */
final class RateNeurons {
  /** Threshold of the read-out population: far above any potential a converted network reaches. */
  static final double READOUT_THRESHOLD = 1e30;

  /** The time step a rate step stands for, in seconds (what a model's time constants see). */
  static final double DT = 1e-3;

  private RateNeurons() {}

  /**
   * A population of {@code neuron} at rest for {@code stage} (its read-out if it is the output).
   */
  static NeuronPopulation create(NeuronModel neuron, ConvertedNetwork.Stage stage) {
    return neuron.create(
        stage.neurons(),
        parameters(neuron, stage.kind() == StageKind.OUTPUT ? READOUT_THRESHOLD : 1.0));
  }

  private static NeuronParameters parameters(NeuronModel neuron, double threshold) {
    Map<String, Double> declared = neuron.defaultParameters();
    NeuronParameters p = NeuronParameters.withDt(DT);
    for (Map.Entry<String, Double> e :
        Map.of("v_th", threshold, "v_reset", 0.0, "reset_by_subtraction", 1.0).entrySet()) {
      if (declared.containsKey(e.getKey())) {
        p = p.with(e.getKey(), e.getValue());
      }
    }
    if (declared.containsKey("R") && declared.containsKey("tau_m")) {
      p = p.with("R", 1 / -Math.expm1(-DT / declared.get("tau_m")));
    }
    return p;
  }
}
