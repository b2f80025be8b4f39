package org.snncodesign.flow.conversion;

import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.coding.SpikeEncoder;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.conversion.snn.PhaseCoding;
import org.snncodesign.neurons.coding.RateCoding;
import org.snncodesign.neurons.coding.SingleSpikePhaseCoding;

/**
 * The coding a converted network runs, found among the coding plugins by name: {@code phase1}
 * ({@link SingleSpikePhaseCoding}, one spike per neuron and layer window, with the conversion's
 * base and rounding) or {@code rate} ({@link RateCoding}: the analog input drives
 * integrate-and-fire neurons whose spike counts carry the values). Any other coding plugin is
 * refused by name.
 *
 * @param name the coding plugin's name
 * @param phase the phase coding's figures, null for rate coding
 */
public record ConversionCoding(String name, PhaseCoding phase) {
  /** Whether this is the one-spike phase coding. */
  public boolean isPhase() {
    return phase != null;
  }

  /**
   * The coding plugin named {@code name} as a converted network runs it.
   *
   * @param baseRoot m of the phase base {@code 2^(1/m)} (phase coding only)
   * @param octaves the phase coding's dynamic range; it has {@code m * octaves} phases per layer
   *     window
   * @throws org.snncodesign.api.SnnException when no coding plugin has that name, or it is one the
   *     converter cannot run
   */
  public static ConversionCoding resolve(
      PluginRegistry registry, String name, int baseRoot, int octaves) {
    SpikeEncoder plugin = registry.require(SpikeEncoder.class, name);
    if (plugin instanceof SingleSpikePhaseCoding) {
      return new ConversionCoding(
          plugin.name(), PhaseCoding.of(SingleSpikePhaseCoding.rootOfTwo(baseRoot, octaves)));
    }
    if (plugin instanceof RateCoding) {
      return new ConversionCoding(plugin.name(), null);
    }
    throw new InvalidInputException(
        "coding '"
            + name
            + "' cannot drive a converted network; the converter runs "
            + "phase1 (one-spike phase coding) or rate");
  }
}
