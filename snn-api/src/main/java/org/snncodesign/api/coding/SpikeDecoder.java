package org.snncodesign.api.coding;

import org.snncodesign.api.spike.SpikeRaster;

/** Inverse of a {@link SpikeEncoder}, exact up to the coding's stated resolution. */
public interface SpikeDecoder {

  /** One value per neuron of the raster, in {@code [0, 1]}. */
  float[] decode(SpikeRaster spikes, CodingParameters parameters);

  /** Largest decoding error for a value in {@code [0, 1]} under these parameters. */
  double resolution(CodingParameters parameters);
}
