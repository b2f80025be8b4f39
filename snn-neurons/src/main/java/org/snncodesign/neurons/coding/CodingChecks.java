package org.snncodesign.neurons.coding;

import org.snncodesign.api.coding.CodingParameters;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * Checks shared by the codings; messages name the coding, the option or index and the bad value.
 */
final class CodingChecks {
  private CodingChecks() {}

  static void values(String coding, float[] values, CodingParameters parameters) {
    if (values == null) {
      throw new IllegalArgumentException("values to encode with '" + coding + "' must not be null");
    }
    if (parameters == null) {
      throw new IllegalArgumentException("coding parameters of '" + coding + "' must not be null");
    }
    for (int i = 0; i < values.length; i++) {
      float v = values[i];
      if (!(v >= 0f && v <= 1f)) {
        throw new IllegalArgumentException(
            "value " + i + " to encode with '" + coding + "' must be in [0, 1], got " + v);
      }
    }
  }

  static void raster(String coding, SpikeRaster spikes, CodingParameters parameters) {
    if (spikes == null || parameters == null) {
      throw new IllegalArgumentException(
          "spikes and parameters to decode with '" + coding + "' must not be null");
    }
    if (spikes.timeSteps() != parameters.timeSteps()) {
      throw new IllegalArgumentException(
          "raster of "
              + spikes.timeSteps()
              + " steps does not match timeSteps = "
              + parameters.timeSteps()
              + " of coding '"
              + coding
              + "'");
    }
  }

  /** An integer option in {@code [min, max]}. */
  static int intOption(
      String coding, CodingParameters parameters, String name, int fallback, int min, int max) {
    double v = parameters.option(name, fallback);
    if (v != Math.rint(v) || v < min || v > max) {
      throw new IllegalArgumentException(
          "option "
              + name
              + " of coding '"
              + coding
              + "' must be an integer in ["
              + min
              + ", "
              + max
              + "], got "
              + v);
    }
    return (int) v;
  }
}
