package org.snncodesign.spmm.workload;

import java.util.SplittableRandom;
import org.snncodesign.api.Checks;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * Seeded synthetic operands of a spike x weight product: Bernoulli spikes and Bernoulli-occupied
 * weights with values uniform in [-1, 1). The same seed gives the same operands. Used by the CPU
 * backend when a workload has statistics only, by the {@code snn spmm} command and by the
 * benchmarks.
 */
public final class RandomSpmmOperands {
  private RandomSpmmOperands() {}

  /** A {@code rows x inputs} raster where each cell spikes with probability {@code rate}. */
  public static SpikeRaster spikes(int rows, int inputs, double rate, long seed) {
    Checks.checkArgument(rate >= 0 && rate <= 1, "spike rate must be in [0, 1], got %s", rate);
    SplittableRandom random = new SplittableRandom(seed);
    SpikeRaster raster = new SpikeRaster(rows, inputs);
    long[] words = raster.words();
    int wordsPerStep = raster.wordsPerStep();
    for (int t = 0; t < rows; t++) {
      for (int n = 0; n < inputs; n++) {
        if (random.nextDouble() < rate) {
          words[t * wordsPerStep + (n >>> 6)] |= 1L << n;
        }
      }
    }
    return raster;
  }

  /**
   * A {@code rows x cols} CSR matrix where each cell is stored with probability {@code density}.
   */
  public static CsrMatrix weights(int rows, int cols, double density, long seed) {
    Checks.checkArgument(
        density >= 0 && density <= 1, "weight density must be in [0, 1], got %s", density);
    Checks.positive(rows, "rows");
    Checks.positive(cols, "cols");
    SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
    long expected = (long) Math.ceil((double) rows * cols * density * 1.1) + 16;
    int[] columns = new int[(int) Math.min(Integer.MAX_VALUE - 8, expected)];
    float[] values = new float[columns.length];
    int[] pointers = new int[rows + 1];
    int n = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (random.nextDouble() < density) {
          if (n == columns.length) {
            columns = java.util.Arrays.copyOf(columns, Math.addExact(n, n / 2 + 16));
            values = java.util.Arrays.copyOf(values, columns.length);
          }
          float v = (float) (random.nextDouble() * 2 - 1);
          columns[n] = c;
          values[n++] = v == 0f ? 0.5f : v;
        }
      }
      pointers[r + 1] = n;
    }
    return new CsrMatrix(
        rows,
        cols,
        pointers,
        java.util.Arrays.copyOf(columns, n),
        java.util.Arrays.copyOf(values, n));
  }
}
