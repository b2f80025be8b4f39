package org.snncodesign.spmm.kernel;

import java.util.SplittableRandom;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * Seeded random spike rasters and weight matrices for the property tests, with forced empty rows
 * and columns.
 */
final class RandomOperands {
  private RandomOperands() {}

  /**
   * Bernoulli({@code density}) spikes; density 0 and 1 are exact. Every fifth row is forced empty.
   */
  static SpikeRaster spikes(int rows, int cols, double density, long seed, boolean emptyRows) {
    SplittableRandom random = new SplittableRandom(seed);
    SpikeRaster raster = new SpikeRaster(rows, cols);
    for (int t = 0; t < rows; t++) {
      if (emptyRows && t % 5 == 2) {
        continue;
      }
      for (int n = 0; n < cols; n++) {
        if (random.nextDouble() < density) {
          raster.set(t, n);
        }
      }
    }
    return raster;
  }

  /**
   * Weights with Bernoulli({@code density}) occupancy and values in (-1, 1) away from 0; every
   * seventh column and every sixth row forced empty when asked.
   */
  static CsrMatrix weights(int rows, int cols, double density, long seed, boolean emptyLines) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    float[] dense = new float[rows * cols];
    for (int k = 0; k < rows; k++) {
      for (int j = 0; j < cols; j++) {
        boolean forcedEmpty = emptyLines && (j % 7 == 3 || k % 6 == 1);
        if (!forcedEmpty && random.nextDouble() < density) {
          float v = (float) (random.nextDouble() * 2 - 1);
          dense[k * cols + j] = v == 0f ? 0.5f : v;
        }
      }
    }
    return CsrMatrix.fromDense(rows, cols, dense);
  }
}
