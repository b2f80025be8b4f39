package org.snncodesign.api.network;

import java.util.Map;
import org.snncodesign.api.Checks;

/**
 * One layer of a spiking network: a population of {@code size} neurons of a model, fed by a projection from the
 * previous layer (or from the input).
 *
 * @param name unique within the network
 * @param kind how it connects to its input: {@code "dense"}, {@code "conv2d"}, {@code "recurrent"}, ...
 * @param size neurons in the layer
 * @param neuronModel name of the {@link org.snncodesign.api.neuron.NeuronModel} plugin
 * @param parameters neuron and connection parameters by name
 */
public record LayerDescription(String name, String kind, int size, String neuronModel,
    Map<String, Double> parameters) {
  public LayerDescription {
    Checks.checkArgument(name != null && !name.isBlank(), "layer needs a name");
    Checks.checkArgument(kind != null && !kind.isBlank(), "layer %s needs a kind", name);
    Checks.positive(size, "size of layer " + name);
    parameters = Map.copyOf(parameters);
  }
}
