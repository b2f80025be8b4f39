package org.snncodesign.neurons.integrate;

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
 * The (non-leaky) integrate-and-fire neuron, plugin name {@code if}: a perfect integrator as used
 * in ANN-to-SNN conversion (Rueckauer et al. 2017, Front. Neurosci. 11:682).
 *
 * <pre>
 *   v[t] = v[t-1] + x[t]                         (x: input, a potential increment per step)
 *   if v[t] >= v_th:  spike;  v[t] = v_reset              (reset_by_subtraction = 0, reset to zero/v_reset)
 *                     or      v[t] = v[t] - (v_th - v_reset) (reset_by_subtraction = 1, keeps the residue)
 * </pre>
 *
 * <p>Parameters: {@code v_th} (threshold, default 1), {@code v_reset} (default 0, also the initial
 * potential), {@code reset_by_subtraction} (0 or 1, default 0), {@code t_ref} (refractory period in
 * s, default 0: while {@code t - t_spike < t_ref} the input is ignored and v stays at its reset
 * value).
 *
 * <p>In a network graph it runs the IF, I (integrator) and Threshold nodes with their own
 * per-neuron parameters and NIR's equations (see {@link
 * org.snncodesign.neurons.model.GraphNeuronPopulation}).
 *
 * <p>It trains with surrogate gradients ({@link TrainableNeuronModel}) with its own update, {@code
 * v[t] = v[t-1] + I[t]} ({@link DiscreteLifDynamics} with {@code beta = 1}); {@code v_reset} and
 * {@code t_ref} must be 0, and the reset rule is the trainer's ({@code reset_by_subtraction} is not
 * read).
 */
public final class IntegrateAndFire extends AbstractNeuronModel implements TrainableNeuronModel {
  static final String NAME = "if";

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public IntegrateAndFire() {
    super(
        NAME,
        "integrate-and-fire (perfect integrator) with reset to v_reset or by subtraction",
        defaults(),
        Set.of("IF", "I", "Threshold"));
  }

  private static Map<String, Double> defaults() {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put("v_th", 1.0);
    d.put("v_reset", 0.0);
    d.put("reset_by_subtraction", 0.0);
    d.put("t_ref", 0.0);
    return d;
  }

  @Override
  public SurrogateDynamics surrogateDynamics(
      NeuronParameters parameters, boolean resetBySubtraction) {
    ModelParameters p = resolve(parameters);
    p.requireZero("v_reset", "trains");
    p.requireZero("t_ref", "trains");
    return new DiscreteLifDynamics(1f, 1f, (float) p.get("v_th"), resetBySubtraction);
  }

  @Override
  protected NeuronPopulation create(int size, ModelParameters p) {
    p.requireBelow("v_reset", "v_th");
    return new IntegrateAndFirePopulation(
        ModelParameters.size(size),
        p.dt(),
        (float) p.get("v_th"),
        (float) p.get("v_reset"),
        p.flag("reset_by_subtraction"),
        p.steps("t_ref"));
  }
}
