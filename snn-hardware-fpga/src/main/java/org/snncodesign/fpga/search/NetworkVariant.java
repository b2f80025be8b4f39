package org.snncodesign.fpga.search;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snncodesign.api.Checks;
import org.snncodesign.api.hardware.Workload;

/**
 * One version of the network a joint search prices: what the accelerator runs (the workload, with
 * the weight density, weight bits and spike rates of that version) and how well it classifies.
 *
 * @param workload one inference of this version, as the accelerator sees it
 * @param accuracy its accuracy on the data the constraint is checked on, in [0, 1]; NaN when not
 *     measured (a fixed workload with no network behind it)
 * @param configuration how this version differs from the trained network, e.g. {@code fc2_sparsity
 *     -> 0.900}, for reports (insertion order kept)
 */
public record NetworkVariant(Workload workload, double accuracy, Map<String, String> configuration)
    implements Serializable {
  public NetworkVariant {
    Checks.checkArgument(workload != null, "a network variant needs a workload");
    Checks.checkArgument(
        Double.isNaN(accuracy) || (accuracy >= 0 && accuracy <= 1),
        "accuracy must be in [0, 1] or NaN, got %s",
        accuracy);
    configuration = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
  }

  /** A workload with no network behind it: no accuracy, nothing configured. */
  public static NetworkVariant of(Workload workload) {
    return new NetworkVariant(workload, Double.NaN, Map.of());
  }
}
