package org.snncodesign.neurons.lif;

import org.snncodesign.api.neuron.NeuronPopulation;
import org.snncodesign.neurons.model.ModelParameters;

/**
 * Factory of LIF-family populations for models outside this package (the adaptive LIF shares the
 * exact LIF integration and only adds the threshold adaptation).
 */
public final class LifPopulations {
  private LifPopulations() {}

  /**
   * A population of {@code size} LIF neurons with threshold adaptation {@code beta} (0 = none)
   * relaxing with {@code tauAdapt} seconds. {@code parameters} must hold every {@code lif}
   * parameter.
   */
  public static NeuronPopulation create(
      String model, int size, ModelParameters parameters, double beta, double tauAdapt) {
    return new LifPopulation(model, size, parameters, beta, tauAdapt);
  }
}
