package org.snncodesign.neurons.engine;

import org.snncodesign.api.sparse.CsrMatrix;

/** One sparse projection inside a {@link Network}: the CSR arrays wrapped, not copied. */
final class Projection {
  final String name;
  final int pre;
  final int post;
  final int channel;
  final TransmittedSignal signal;
  final int[] rowPointers;
  final int[] columns;
  final float[] weights;
  final int delay;
  final short[] delays;

  Projection(
      String name,
      int pre,
      int post,
      int channel,
      TransmittedSignal signal,
      CsrMatrix matrix,
      int delay,
      short[] delays) {
    this.name = name;
    this.pre = pre;
    this.post = post;
    this.channel = channel;
    this.signal = signal;
    this.rowPointers = matrix.rowPointers();
    this.columns = matrix.columnIndices();
    this.weights = matrix.values();
    this.delay = delay;
    this.delays = delays;
  }

  int maxDelay() {
    if (delays == null) {
      return delay;
    }
    int max = 1;
    for (short d : delays) {
      max = Math.max(max, d);
    }
    return max;
  }

  /**
   * Whether some synapse delivers in the step of the spike (delay 0): such a projection is
   * propagated right after its source population steps, before its (later) target does.
   */
  boolean immediate() {
    if (delays == null) {
      return delay == 0;
    }
    for (short d : delays) {
      if (d == 0) {
        return true;
      }
    }
    return false;
  }

  long heapBytes() {
    return 4L * (rowPointers.length + columns.length + weights.length)
        + (delays == null ? 0 : 2L * delays.length);
  }
}
