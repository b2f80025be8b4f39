package org.snncodesign.api.neuron;

/**
 * The optional capability of a {@link NeuronModel} plugin to be trained by backpropagation through
 * time with surrogate gradients ({@code snn train --neuron NAME}): besides its populations, the
 * model gives the trainer its discrete-time equations and their derivatives as {@link
 * SurrogateDynamics}. A plugin opts in by implementing this interface instead of {@link
 * NeuronModel} (it is still listed and found as a neuron model); a model without it is refused by
 * the trainer with a message naming it.
 *
 * <p>The trainer asks once per network, with the parameters it trains with, and then calls the
 * dynamics from several threads at once.
 *
 * @since API 1.2
 */
public interface TrainableNeuronModel extends NeuronModel {

  /**
   * The model's discrete dynamics with these parameters, the same for every neuron of a layer.
   *
   * @param parameters the time step {@code dt} of one training step (seconds) and named parameters
   *     in the model's units; the model fills in its defaults for the rest, as in {@link
   *     #create(int, NeuronParameters)}. A trainer whose neuron is described by a decay {@code
   *     beta} per step and a threshold sets, where the model declares them, {@code tau_m = dt / (1
   *     - beta)}, {@code R = tau_m / dt} and {@code v_th} (snnTorch's export convention, under
   *     which forward Euler gives {@code v = beta v + I}).
   * @param resetBySubtraction whether a spike subtracts the threshold from the membrane ({@code
   *     true}) or sets it to the reset potential; models with one reset rule may refuse the other
   * @throws IllegalArgumentException in one line naming the model and the parameter or setting it
   *     cannot train with (an unknown name, a value out of range, a feature the dynamics do not
   *     differentiate such as a refractory period)
   */
  SurrogateDynamics surrogateDynamics(NeuronParameters parameters, boolean resetBySubtraction);
}
