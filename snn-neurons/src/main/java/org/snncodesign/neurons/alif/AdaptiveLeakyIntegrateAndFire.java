package org.snncodesign.neurons.alif;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snncodesign.api.neuron.NeuronPopulation;
import org.snncodesign.neurons.lif.LeakyIntegrateAndFire;
import org.snncodesign.neurons.lif.LifPopulations;
import org.snncodesign.neurons.model.AbstractNeuronModel;
import org.snncodesign.neurons.model.ModelParameters;

/**
 * The adaptive LIF neuron, plugin name {@code alif}: a {@link LeakyIntegrateAndFire} neuron whose
 * threshold rises with each spike and relaxes back (Bellec et al. 2018, "Long short-term memory and
 * learning-to-learn in networks of spiking neurons", NeurIPS):
 *
 * <pre>
 *   A[t]   = v_th + beta a[t]               (effective threshold)
 *   a[t+1] = e^{-dt/tau_adapt} a[t] + z[t]  (z[t] = 1 when the neuron spiked at step t)
 * </pre>
 *
 * <p>The membrane follows the LIF equations exactly. Parameters: all of {@code lif}, plus {@code
 * beta} (threshold increment per spike in units of v, default 0.2) and {@code tau_adapt} (s,
 * default 0.2).
 */
public final class AdaptiveLeakyIntegrateAndFire extends AbstractNeuronModel {
  static final String NAME = "alif";

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public AdaptiveLeakyIntegrateAndFire() {
    super(
        NAME,
        "adaptive leaky integrate-and-fire: threshold v_th + beta a, a decaying with tau_adapt",
        defaults());
  }

  private static Map<String, Double> defaults() {
    Map<String, Double> d = new LinkedHashMap<>(new LeakyIntegrateAndFire().defaultParameters());
    d.put("beta", 0.2);
    d.put("tau_adapt", 0.2);
    return d;
  }

  @Override
  protected NeuronPopulation create(int size, ModelParameters p) {
    double beta = p.nonNegative("beta");
    double tauAdapt = p.positive("tau_adapt");
    return LifPopulations.create(NAME, ModelParameters.size(size), p, beta, tauAdapt);
  }
}
