package org.snncodesign.api.network;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.snncodesign.api.Checks;

/**
 * A feed-forward spiking network's shape: input width, time step and layers in order.
 *
 * @param name network name
 * @param inputs width of the input spike trains
 * @param dt time step in seconds
 * @param layers layers from input to output, names unique
 */
public record NetworkDescription(String name, int inputs, double dt, List<LayerDescription> layers) {
  public NetworkDescription {
    Checks.positive(inputs, "inputs");
    Checks.positive(dt, "dt");
    layers = List.copyOf(layers);
    Set<String> names = new HashSet<>();
    for (LayerDescription layer : layers) {
      Checks.checkArgument(names.add(layer.name()), "network %s has two layers named %s", name, layer.name());
    }
  }

  /** Neurons over all layers. */
  public int neurons() {
    return layers.stream().mapToInt(LayerDescription::size).sum();
  }
}
