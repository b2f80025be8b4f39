package org.snncodesign.spmm.kernel;

import org.snncodesign.api.spike.SpikeRaster;

/**
 * The left operand of the kernel, one row at a time: row {@code i}'s spike indices, ascending,
 * decoded into a caller's scratch array so the kernel's loops see plain {@code int[]} whatever the
 * spike format.
 */
abstract class SpikeRows {
  private final int rows;
  private final int cols;

  SpikeRows(int rows, int cols) {
    this.rows = rows;
    this.cols = cols;
  }

  final int rows() {
    return rows;
  }

  final int cols() {
    return cols;
  }

  /** Total spikes (for the work estimate that decides on parallelism). */
  abstract long count();

  /**
   * Row {@code i}'s spike indices, ascending. Returns the count; the indices are in {@code
   * scratch[0..count)} unless {@link #direct()} is non-null, in which case they are {@code
   * direct()[start(i) .. start(i)+count)}.
   */
  abstract int row(int i, int[] scratch);

  /** The backing index array when rows need no decoding, else null. */
  int[] direct() {
    return null;
  }

  /** Offset of row {@code i} in {@link #direct()}; 0 when decoding into scratch. */
  int start(int i) {
    return 0;
  }

  static SpikeRows of(SpikeRaster raster) {
    return new Bits(raster);
  }

  static SpikeRows of(SpikeIndexLists lists) {
    return new Lists(lists);
  }

  /** Bit rows: a set bit at column k of row i is a spike; decoded with trailing-zero counts. */
  private static final class Bits extends SpikeRows {
    private final SpikeRaster raster;
    private final long[] words;
    private final int wordsPerStep;

    Bits(SpikeRaster raster) {
      super(raster.timeSteps(), raster.neurons());
      this.raster = raster;
      this.words = raster.words();
      this.wordsPerStep = raster.wordsPerStep();
    }

    @Override
    long count() {
      return raster.count();
    }

    @Override
    int row(int i, int[] scratch) {
      int n = 0;
      int base = i * wordsPerStep;
      for (int w = 0; w < wordsPerStep; w++) {
        long word = words[base + w];
        while (word != 0) {
          scratch[n++] = (w << 6) + Long.numberOfTrailingZeros(word);
          word &= word - 1;
        }
      }
      return n;
    }
  }

  /** Index lists: rows are slices of one array, read in place. */
  private static final class Lists extends SpikeRows {
    private final SpikeIndexLists lists;
    private final int[] pointers;

    Lists(SpikeIndexLists lists) {
      super(lists.rows(), lists.cols());
      this.lists = lists;
      this.pointers = lists.rowPointers();
    }

    @Override
    long count() {
      return lists.count();
    }

    @Override
    int row(int i, int[] scratch) {
      return pointers[i + 1] - pointers[i];
    }

    @Override
    int[] direct() {
      return lists.indices();
    }

    @Override
    int start(int i) {
      return pointers[i];
    }
  }
}
