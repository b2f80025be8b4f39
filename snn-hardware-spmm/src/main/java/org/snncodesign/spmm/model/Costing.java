package org.snncodesign.spmm.model;

import org.snncodesign.api.energy.Operation;

/** Shared pricing rules of the SpMM models, so that the three designs are costed alike. */
final class Costing {
  private Costing() {}

  /**
   * Accumulator width for {@code weightBits}-bit weights: 16 bits for up to 8-bit integers (room
   * for 256 full-scale adds of int8), 32 bits otherwise (int16 or float32).
   */
  static int accumulatorBits(int weightBits) {
    return weightBits <= 8 ? 16 : 32;
  }

  /**
   * The add that accumulates a {@code weightBits} weight: int16 / int32 adds, fp32 for 32-bit
   * (float) weights.
   */
  static Operation addFor(int weightBits) {
    if (weightBits <= 8) {
      return Operation.ADD_INT16;
    }
    return weightBits <= 16 ? Operation.ADD_INT32 : Operation.ADD_FP32;
  }

  /**
   * The Horowitz SRAM class of a buffer of {@code bytes}: up to 8 KB, up to 32 KB, larger (priced
   * as 1 MB).
   */
  static Operation sramFor(long bytes) {
    if (bytes <= 8 * 1024) {
      return Operation.SRAM_READ_8KB;
    }
    return bytes <= 32 * 1024 ? Operation.SRAM_READ_32KB : Operation.SRAM_READ_1MB;
  }

  /**
   * Makespan of {@code jobs} (cycles each) dispatched in order to {@code machines} units, each job
   * to the unit that frees first: the behaviour of a hardware row dispatcher with a ready queue.
   */
  static double makespan(double[] jobs, int count, int machines) {
    double[] load = new double[Math.max(1, Math.min(machines, Math.max(1, count)))];
    for (int j = 0; j < count; j++) {
      int best = 0;
      for (int u = 1; u < load.length; u++) {
        if (load[u] < load[best]) {
          best = u;
        }
      }
      load[best] += jobs[j];
    }
    double max = 0;
    for (double l : load) {
      max = Math.max(max, l);
    }
    return max;
  }

  /** Makespan of {@code count} identical jobs: whole waves of {@code machines}. */
  static double uniformMakespan(double job, int count, int machines) {
    return Math.ceil((double) count / machines) * job;
  }

  static double ceilDiv(double a, double b) {
    return Math.ceil(a / b - 1e-12);
  }
}
