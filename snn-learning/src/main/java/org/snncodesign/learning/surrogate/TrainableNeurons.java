package org.snncodesign.learning.surrogate;

import java.util.List;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.neuron.NeuronModel;
import org.snncodesign.api.neuron.TrainableNeuronModel;
import org.snncodesign.api.plugin.PluginRegistry;

/** Finds the neuron model a {@link SpikingNetwork} trains with by its plugin name. */
public final class TrainableNeurons {
  private TrainableNeurons() {}

  /**
   * The neuron model plugin {@code name} of {@code registry}, which must be trainable.
   *
   * @throws org.snncodesign.api.SnnException naming the plugin when no neuron model has that name
   * @throws InvalidInputException in one line naming the model and what it lacks when it does not
   *     implement {@link TrainableNeuronModel}, and the models that do
   */
  public static TrainableNeuronModel require(PluginRegistry registry, String name) {
    NeuronModel model = registry.require(NeuronModel.class, name);
    if (model instanceof TrainableNeuronModel trainable) {
      return trainable;
    }
    List<String> trainable =
        registry.providers(NeuronModel.class).stream()
            .filter(TrainableNeuronModel.class::isInstance)
            .map(NeuronModel::name)
            .sorted()
            .toList();
    throw new InvalidInputException(
        "neuron model '"
            + name
            + "' cannot be trained with surrogate gradients: it does not implement"
            + " TrainableNeuronModel (its discrete dynamics and their derivatives); trainable models: "
            + String.join(", ", trainable));
  }
}
