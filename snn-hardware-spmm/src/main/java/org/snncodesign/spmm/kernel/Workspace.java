package org.snncodesign.spmm.kernel;

/**
 * Scratch arrays of one worker, allocated once per task (never per row or per spike) so that the
 * kernel's inner loops allocate nothing.
 */
final class Workspace {
  /** Decoded spike indices of the current row (bit-set spikes only). */
  final int[] spikes;

  /** Integer accumulator row for quantized weights; empty otherwise. */
  final int[] intRow;

  // Sparse-output accumulators, allocated only when the product is produced in CSR form.
  float[] denseAcc;
  int[] stamp;
  int generation;
  int[] touched;
  int[] hashKeys;
  float[] hashValues;

  Workspace(int spikeCols, int intRowLength) {
    this.spikes = new int[spikeCols];
    this.intRow = new int[intRowLength];
  }

  void prepareSparse(int cols, int hashCapacity) {
    denseAcc = new float[cols];
    stamp = new int[cols];
    touched = new int[cols];
    hashKeys = new int[hashCapacity];
    java.util.Arrays.fill(hashKeys, -1);
    hashValues = new float[hashCapacity];
  }
}
