package org.snncodesign.learning.surrogate;

import java.util.Map;
import org.snncodesign.api.neuron.NeuronParameters;
import org.snncodesign.api.neuron.NeuronPopulation;
import org.snncodesign.api.neuron.SurrogateDynamics;
import org.snncodesign.api.neuron.TrainableNeuronModel;
import org.snncodesign.neurons.lif.LeakyIntegrateAndFire;

/**
 * A trainable neuron model plugin other than the built-in ones (found through this module's test
 * services file): the built-in LIF under another name, so a network of it trains exactly as one of
 * {@code lif} while files and graphs must name it.
 */
public final class LeakyNeuronFixture implements TrainableNeuronModel {
  static final String NAME = "test-leaky";
  private final LeakyIntegrateAndFire lif = new LeakyIntegrateAndFire();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "test fixture: the built-in LIF under another name";
  }

  @Override
  public Map<String, Double> defaultParameters() {
    return lif.defaultParameters();
  }

  @Override
  public NeuronPopulation create(int size, NeuronParameters parameters) {
    return lif.create(size, parameters);
  }

  @Override
  public SurrogateDynamics surrogateDynamics(
      NeuronParameters parameters, boolean resetBySubtraction) {
    return lif.surrogateDynamics(parameters, resetBySubtraction);
  }
}
