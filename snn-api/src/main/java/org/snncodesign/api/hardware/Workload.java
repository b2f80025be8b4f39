package org.snncodesign.api.hardware;

import java.io.Serializable;
import java.util.List;
import org.snncodesign.api.Checks;

/**
 * A network's inference as a sequence of spiking layers. Serializable, so that a search can ship it
 * to the machine that prices it.
 *
 * @param name workload name, for reports
 * @param layers the layers in execution order, at least one
 */
public record Workload(String name, List<LayerWorkload> layers) implements Serializable {
  public Workload {
    layers = List.copyOf(layers);
    Checks.checkArgument(!layers.isEmpty(), "workload %s has no layers", name);
  }
}
