package org.snncodesign.api.hardware;

import java.util.List;
import org.snncodesign.api.Checks;

/**
 * A network's inference as a sequence of spiking layers.
 *
 * @param name workload name, for reports
 * @param layers the layers in execution order, at least one
 */
public record Workload(String name, List<LayerWorkload> layers) {
  public Workload {
    layers = List.copyOf(layers);
    Checks.checkArgument(!layers.isEmpty(), "workload %s has no layers", name);
  }
}
