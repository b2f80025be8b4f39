package org.snncodesign.spmm.kernel;

/**
 * How {@link GustavsonSpmm#multiplySparse} gathers one output row before writing it in CSR form.
 *
 * <p>Gustavson's algorithm (F. G. Gustavson, "Two fast algorithms for sparse matrices:
 * multiplication and permuted transposition", ACM TOMS 4(3), 1978) needs an accumulator that merges
 * the selected weight rows. A dense one (an {@code M}-wide array with generation stamps, so it is
 * never cleared) costs O(1) per add but touches a footprint of {@code M}; a hash one costs a probe
 * per add but fits in a few cache lines when the row's output is small. {@link #AUTO} picks per row
 * from the row's upper bound on output non-zeros.
 */
public enum Accumulator {
  /**
   * Per row: hash when the row's output bound is at most {@code M / hashRatio}, dense otherwise.
   */
  AUTO,
  /** Always the dense, stamp-marked accumulator. */
  DENSE,
  /** Always the open-addressing hash accumulator. */
  HASH
}
