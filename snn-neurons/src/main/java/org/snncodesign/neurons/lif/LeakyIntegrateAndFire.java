package org.snncodesign.neurons.lif;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.snncodesign.api.neuron.NeuronParameters;
import org.snncodesign.api.neuron.NeuronPopulation;
import org.snncodesign.api.neuron.SurrogateDynamics;
import org.snncodesign.api.neuron.TrainableNeuronModel;
import org.snncodesign.neurons.model.AbstractNeuronModel;
import org.snncodesign.neurons.model.DiscreteLifDynamics;
import org.snncodesign.neurons.model.ModelParameters;

/**
 * The current-based leaky integrate-and-fire neuron, plugin name {@code lif}, integrated with the
 * exact exponential propagator of its linear equations (Rotter &amp; Diesmann 1999, Biol. Cybern.
 * 81:381):
 *
 * <pre>
 *   tau_m dv/dt     = -(v - v_rest) + R (I_e + I_i)
 *   tau_syn_e dI_e/dt = -I_e,   tau_syn_i dI_i/dt = -I_i
 *   v &gt;= v_th:  spike;  v = v_reset (or v = v - (v_th - v_reset) with reset_by_subtraction = 1);
 *               v stays clamped while t - t_spike &lt; t_ref
 * </pre>
 *
 * <p>Channel 0 (excitatory, {@code tau_syn_e}) and channel 1 (inhibitory, {@code tau_syn_i}) each
 * take, per step, a jump of their synaptic current ({@code I += x} at the step's start). A synaptic
 * time constant of 0 (the default) makes the channel a plain current held over the step, so that
 * with constant input x {@code v[t] = v_rest + (v[t-1] - v_rest) e^{-dt/tau_m} + R x (1 -
 * e^{-dt/tau_m})} and the firing rate is {@code 1 / (t_ref + tau_m ln((R x + v_rest - v_reset) / (R
 * x + v_rest - v_th)))} for {@code R x > v_th - v_rest}.
 *
 * <p>Parameters (times in seconds, potentials in model units): {@code tau_m} (0.02), {@code v_rest}
 * (0), {@code v_reset} (0), {@code v_th} (1), {@code t_ref} (0), {@code R} (1), {@code tau_syn_e}
 * (0), {@code tau_syn_i} (0), {@code reset_by_subtraction} (0).
 *
 * <p>In a network graph it runs the LIF, LI, CubaLIF and CubaLI nodes with their own per-neuron
 * parameters and NIR's equations (see {@link org.snncodesign.neurons.model.GraphNeuronPopulation}).
 *
 * <p>It trains with surrogate gradients ({@link TrainableNeuronModel}) as NIR's LIF, {@code tau_m
 * dv/dt = -v + R I}, discretised by forward Euler at {@code dt} (as a graph exported from the
 * trainer runs it): {@code v[t] = beta v[t-1] + gain I[t]} with {@code beta = 1 - dt / tau_m} and
 * {@code gain = dt R / tau_m} ({@link DiscreteLifDynamics}); {@code tau_m} must exceed {@code dt},
 * and {@code v_rest}, {@code v_reset}, {@code t_ref}, {@code tau_syn_e} and {@code tau_syn_i} must
 * be 0. The reset rule is the trainer's ({@code reset_by_subtraction} is not read).
 */
public final class LeakyIntegrateAndFire extends AbstractNeuronModel
    implements TrainableNeuronModel {
  static final String NAME = "lif";

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public LeakyIntegrateAndFire() {
    super(
        NAME,
        "leaky integrate-and-fire, current-based exponential synapses, exact integration",
        defaults(),
        Set.of("LIF", "LI", "CubaLIF", "CubaLI"));
  }

  static Map<String, Double> defaults() {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put("tau_m", 0.02);
    d.put("v_rest", 0.0);
    d.put("v_reset", 0.0);
    d.put("v_th", 1.0);
    d.put("t_ref", 0.0);
    d.put("R", 1.0);
    d.put("tau_syn_e", 0.0);
    d.put("tau_syn_i", 0.0);
    d.put("reset_by_subtraction", 0.0);
    return d;
  }

  @Override
  public SurrogateDynamics surrogateDynamics(
      NeuronParameters parameters, boolean resetBySubtraction) {
    ModelParameters p = resolve(parameters);
    for (String zero : new String[] {"v_rest", "v_reset", "t_ref", "tau_syn_e", "tau_syn_i"}) {
      p.requireZero(zero, "trains");
    }
    double tau = p.positive("tau_m");
    if (!(tau > p.dt())) {
      throw new IllegalArgumentException(
          "neuron model 'lif' trains with forward Euler, which needs tau_m > dt; got tau_m = "
              + tau
              + " s at dt = "
              + p.dt()
              + " s");
    }
    return new DiscreteLifDynamics(
        (float) (1 - p.dt() / tau),
        (float) (p.dt() / tau * p.get("R")),
        (float) p.get("v_th"),
        resetBySubtraction);
  }

  @Override
  protected NeuronPopulation create(int size, ModelParameters p) {
    return new LifPopulation(NAME, ModelParameters.size(size), p, 0, 1);
  }
}
