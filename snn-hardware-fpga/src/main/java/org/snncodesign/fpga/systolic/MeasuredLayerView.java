package org.snncodesign.fpga.systolic;

import org.snncodesign.api.Checks;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;

/** Exact counts from a measured spike raster and weight matrix. */
final class MeasuredLayerView implements LayerView {
  private final long[] words;
  private final int wordsPerStep;
  private final int colTile;
  private final int tiles;
  // Non-zero weights of input i in output tile k, at [i * tiles + k].
  private final int[] segmentNonZeros;

  MeasuredLayerView(SpikeRaster spikes, CsrMatrix weights, int colTile) {
    this.words = spikes.words();
    this.wordsPerStep = spikes.wordsPerStep();
    this.colTile = Checks.positive(colTile, "colTile");
    this.tiles = (weights.cols() + colTile - 1) / colTile;
    this.segmentNonZeros = new int[weights.rows() * tiles];
    int[] pointers = weights.rowPointers();
    int[] columns = weights.columnIndices();
    float[] values = weights.values();
    for (int i = 0; i < weights.rows(); i++) {
      for (int k = pointers[i]; k < pointers[i + 1]; k++) {
        // Explicitly stored zeros do not count: the hardware skips them like absent ones.
        if (values[k] != 0f) {
          segmentNonZeros[i * tiles + columns[k] / colTile]++;
        }
      }
    }
  }

  private int tileOf(int j0) {
    return j0 / colTile;
  }

  // Mask of bits [from, to) of word w (bits are absolute neuron indices).
  private static long mask(int w, int from, int to) {
    int lo = Math.max(from - (w << 6), 0);
    int hi = Math.min(to - (w << 6), 64);
    if (lo >= hi) {
      return 0L;
    }
    long upper = hi == 64 ? -1L : (1L << hi) - 1;
    return upper & (-1L << lo);
  }

  private boolean stepHasSpike(int t, int i0, int i1) {
    int base = t * wordsPerStep;
    for (int w = i0 >>> 6; w <= (i1 - 1) >>> 6; w++) {
      if ((words[base + w] & mask(w, i0, i1)) != 0) {
        return true;
      }
    }
    return false;
  }

  @Override
  public double anySpike(int t0, int t1, int i0, int i1) {
    for (int t = t0; t < t1; t++) {
      if (stepHasSpike(t, i0, i1)) {
        return 1;
      }
    }
    return 0;
  }

  @Override
  public double stepsWithSpike(int t0, int t1, int i0, int i1) {
    int steps = 0;
    for (int t = t0; t < t1; t++) {
      if (stepHasSpike(t, i0, i1)) {
        steps++;
      }
    }
    return steps;
  }

  @Override
  public double tileNonZero(int i0, int i1, int j0, int j1) {
    return weightNonZeros(i0, i1, j0, j1) > 0 ? 1 : 0;
  }

  @Override
  public double weightNonZeros(int i0, int i1, int j0, int j1) {
    int k = tileOf(j0);
    long sum = 0;
    for (int i = i0; i < i1; i++) {
      sum += segmentNonZeros[i * tiles + k];
    }
    return sum;
  }

  @Override
  public double pairs(int t0, int t1, int i0, int i1, int j0, int j1) {
    int k = tileOf(j0);
    long sum = 0;
    for (int t = t0; t < t1; t++) {
      int base = t * wordsPerStep;
      for (int w = i0 >>> 6; w <= (i1 - 1) >>> 6; w++) {
        long bits = words[base + w] & mask(w, i0, i1);
        while (bits != 0) {
          int i = (w << 6) + Long.numberOfTrailingZeros(bits);
          sum += segmentNonZeros[i * tiles + k];
          bits &= bits - 1;
        }
      }
    }
    return sum;
  }

  // {inputs that spike in [t0, t1) and have a non-zero weight in the tile, their non-zero weights}.
  private long[] active(int t0, int t1, int j0) {
    int k = tileOf(j0);
    long count = 0;
    long nonZeros = 0;
    for (int w = 0; w < wordsPerStep; w++) {
      long union = 0;
      for (int t = t0; t < t1; t++) {
        union |= words[t * wordsPerStep + w];
      }
      while (union != 0) {
        int i = (w << 6) + Long.numberOfTrailingZeros(union);
        int nz = segmentNonZeros[i * tiles + k];
        if (nz > 0) {
          count++;
          nonZeros += nz;
        }
        union &= union - 1;
      }
    }
    return new long[] {count, nonZeros};
  }

  @Override
  public double activeInputs(int t0, int t1, int j0, int j1) {
    return active(t0, t1, j0)[0];
  }

  @Override
  public double anyActiveInput(int t0, int t1, int j0, int j1) {
    return active(t0, t1, j0)[0] > 0 ? 1 : 0;
  }

  @Override
  public double activeInputNonZeros(int t0, int t1, int j0, int j1) {
    return active(t0, t1, j0)[1];
  }
}
