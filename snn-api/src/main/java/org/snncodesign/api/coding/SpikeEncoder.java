package org.snncodesign.api.coding;

import org.snncodesign.api.plugin.Plugin;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * A spike coding's encoder: values normalised to {@code [0, 1]} become a spike raster of {@code
 * parameters.timeSteps()} steps with one neuron per value. Codings that can be inverted also
 * implement {@link SpikeDecoder}.
 */
public interface SpikeEncoder extends Plugin {

  /**
   * @throws IllegalArgumentException naming the index of a value outside {@code [0, 1]} or not
   *     finite
   */
  SpikeRaster encode(float[] values, CodingParameters parameters);
}
