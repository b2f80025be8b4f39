package org.snncodesign.neurons.lif;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snncodesign.api.neuron.NeuronPopulation;
import org.snncodesign.neurons.model.AbstractNeuronModel;
import org.snncodesign.neurons.model.ModelParameters;

/**
 * The conductance-based leaky integrate-and-fire neuron, plugin name {@code lif-cond} (the COBA
 * neuron of Brette et al. 2007, J. Comput. Neurosci. 23:349, with conductances in units of the leak
 * conductance):
 *
 * <pre>
 *   tau_m dv/dt = -(v - v_rest) - g_e (v - e_e) - g_i (v - e_i) + R I_ext
 *   tau_syn_e dg_e/dt = -g_e,   tau_syn_i dg_i/dt = -g_i
 *   v &gt;= v_th:  spike;  v = v_reset;  v clamped while t - t_spike &lt; t_ref
 * </pre>
 *
 * <p>With the conductances frozen over a step the membrane equation is linear, so each step applies
 * its exact solution (exponential Euler): {@code v_inf = (v_rest + g_e e_e + g_i e_i + R I_ext) /
 * (1 + g_e + g_i)}, {@code v = v_inf + (v - v_inf) exp(-dt (1 + g_e + g_i) / tau_m)}; then the
 * conductances decay exactly.
 *
 * <p>Channel 0 adds to g_e, channel 1 to g_i (jumps at the step's start, >= 0 expected); channel 2
 * is an external current held over the step. Parameters (times in s, potentials in mV): {@code
 * tau_m} (0.02), {@code v_rest} (-60), {@code v_reset} (-60), {@code v_th} (-50), {@code t_ref}
 * (0.005), {@code e_e} (0), {@code e_i} (-80), {@code tau_syn_e} (0.005), {@code tau_syn_i} (0.01),
 * {@code R} (1).
 */
public final class ConductanceLeakyIntegrateAndFire extends AbstractNeuronModel {
  static final String NAME = "lif-cond";

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public ConductanceLeakyIntegrateAndFire() {
    super(
        NAME,
        "leaky integrate-and-fire with conductance-based exponential synapses (COBA)",
        defaults());
  }

  private static Map<String, Double> defaults() {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put("tau_m", 0.02);
    d.put("v_rest", -60.0);
    d.put("v_reset", -60.0);
    d.put("v_th", -50.0);
    d.put("t_ref", 0.005);
    d.put("e_e", 0.0);
    d.put("e_i", -80.0);
    d.put("tau_syn_e", 0.005);
    d.put("tau_syn_i", 0.01);
    d.put("R", 1.0);
    return d;
  }

  @Override
  protected NeuronPopulation create(int size, ModelParameters p) {
    return new ConductanceLifPopulation(ModelParameters.size(size), p);
  }
}
