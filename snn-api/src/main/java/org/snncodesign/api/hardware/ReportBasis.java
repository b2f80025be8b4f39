package org.snncodesign.api.hardware;

import java.io.Serializable;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import org.snncodesign.api.Checks;

/**
 * What a report's figures rest on, stated in every report so that reports of different models can
 * be read side by side: the energy model and technology node the dynamic energies are for, the
 * static power the model assumes (if it models one), and how the workload was mapped onto the
 * design. The clock is the report's own {@link HardwareReport#clockHz()}.
 *
 * @param energyModel name of the energy model the operations were priced with, e.g. {@code
 *     horowitz-45nm}
 * @param technologyNode the technology those energies are for, e.g. {@code 45 nm CMOS, 0.9 V}
 * @param staticPowerWatts the static power behind the report's static category; empty when the
 *     model has none
 * @param mapping how the workload ran on the design (see {@link WorkloadMapping})
 */
public record ReportBasis(
    String energyModel, String technologyNode, OptionalDouble staticPowerWatts, String mapping)
    implements Serializable {
  public ReportBasis {
    Checks.checkArgument(
        energyModel != null && !energyModel.isBlank(), "report basis needs the energy model");
    Checks.checkArgument(
        technologyNode != null && !technologyNode.isBlank(),
        "report basis needs the technology node");
    Checks.checkArgument(
        staticPowerWatts != null, "static power must be given (empty when not modelled)");
    staticPowerWatts.ifPresent(
        w ->
            Checks.checkArgument(
                w >= 0 && Double.isFinite(w), "static power must be finite and >= 0 W, got %s", w));
    Checks.checkArgument(mapping != null && !mapping.isBlank(), "report basis needs the mapping");
  }

  /** The static power in words: {@code "0.5 W"} or {@code "not modelled"}. */
  public String staticPowerText() {
    return staticPowerWatts.isPresent() ? staticPowerWatts.getAsDouble() + " W" : "not modelled";
  }

  // OptionalDouble is not serializable: the basis travels as its nullable form and is rebuilt (and
  // checked) on arrival.
  private Object writeReplace() {
    return new Serialized(
        energyModel,
        technologyNode,
        staticPowerWatts.isPresent() ? staticPowerWatts.getAsDouble() : null,
        mapping);
  }

  private record Serialized(
      String energyModel, String technologyNode, @Nullable Double staticPowerWatts, String mapping)
      implements Serializable {
    private Object readResolve() {
      return new ReportBasis(
          energyModel,
          technologyNode,
          staticPowerWatts == null ? OptionalDouble.empty() : OptionalDouble.of(staticPowerWatts),
          mapping);
    }
  }
}
