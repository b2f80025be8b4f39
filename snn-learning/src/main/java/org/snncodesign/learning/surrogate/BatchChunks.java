package org.snncodesign.learning.surrogate;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A range of samples cut into chunks of {@link #SAMPLES_PER_CHUNK} consecutive samples whose
 * losses, hit counts and gradients are summed in chunk order, whichever thread ran which chunk.
 *
 * <p>Floating-point addition is not associative, so a sum depends on how it is grouped. Cutting the
 * batch by a fixed chunk size (never by the number of threads) and folding the chunks into the
 * total left to right, {@code ((g0 + g1) + g2) + ...}, makes every sum, and so the trained model,
 * the same bytes whatever the number of threads. A chunk accumulates into a buffer taken from a
 * small pool; once every chunk before it is folded, it is added to the total, zeroed and returned,
 * so the buffers in use stay few (and warm in the cache) however many chunks a batch has.
 */
final class BatchChunks {
  /**
   * Samples per chunk. A chunk's gradients cost one pass over every weight to fold in, so fewer,
   * larger chunks cost less; 8 keeps that pass near a tenth of a step of a 784-500-10 network at T
   * = 8 (measured with {@code TrainingStepBenchmark}) while a batch of 32 still feeds 4 threads.
   */
  static final int SAMPLES_PER_CHUNK = 8;

  private final SpikingNetwork network;
  private final ArrayDeque<GradientBuffer> free = new ArrayDeque<>();
  private GradientBuffer[] finished = new GradientBuffer[0];
  private double[] losses = new double[0];
  private int[] hits = new int[0];
  private GradientBuffer total;
  private int from;
  private int to;
  private int count;
  private int folded;

  BatchChunks(SpikingNetwork network) {
    this.network = network;
  }

  /**
   * Cuts {@code [from, to)} into chunks whose gradients (when {@code total} is not null) are to be
   * summed into {@code total}. Grows the per-chunk arrays only when this range has more chunks than
   * any before it, so a training loop of equal batches allocates only on its first step.
   */
  void cut(int from, int to, GradientBuffer total) {
    this.from = from;
    this.to = to;
    this.total = total;
    this.count = (to - from + SAMPLES_PER_CHUNK - 1) / SAMPLES_PER_CHUNK;
    this.folded = 0;
    if (losses.length < count) {
      losses = new double[count];
      hits = new int[count];
      finished = new GradientBuffer[count];
    }
    // A step that failed midway may have left buffers awaiting their fold.
    for (int c = 0; c < finished.length; c++) {
      if (finished[c] != null) {
        finished[c].zero();
        free.push(finished[c]);
        finished[c] = null;
      }
    }
    if (total != null && count == 0) {
      total.zero();
    }
  }

  int count() {
    return count;
  }

  /** First position of chunk {@code c} in the range. */
  int start(int c) {
    return from + c * SAMPLES_PER_CHUNK;
  }

  /** One past the last position of chunk {@code c}. */
  int end(int c) {
    return Math.min(to, start(c) + SAMPLES_PER_CHUNK);
  }

  /** Zeroed accumulators for one chunk; give them back with {@link #finish}. */
  synchronized GradientBuffer take() {
    GradientBuffer buffer = free.poll();
    return buffer != null ? buffer : new GradientBuffer(network);
  }

  /**
   * Records chunk {@code c}'s summed loss, correct predictions and gradients ({@code gradients} may
   * be null when the range has no total), and folds every chunk that is now next in order into the
   * total.
   */
  synchronized void finish(int c, double loss, int correct, GradientBuffer gradients) {
    losses[c] = loss;
    hits[c] = correct;
    if (total == null) {
      return;
    }
    finished[c] = gradients;
    while (folded < count && finished[folded] != null) {
      GradientBuffer next = finished[folded];
      finished[folded] = null;
      fold(next, folded == 0);
      free.push(next);
      folded++;
    }
  }

  /** The chunks' losses summed in chunk order. */
  double loss() {
    double sum = 0;
    for (int c = 0; c < count; c++) {
      sum += losses[c];
    }
    return sum;
  }

  long correct() {
    long sum = 0;
    for (int c = 0; c < count; c++) {
      sum += hits[c];
    }
    return sum;
  }

  /** total = part (the first chunk) or total += part, then part = 0. */
  private void fold(GradientBuffer part, boolean first) {
    for (int l = 0; l < part.depth(); l++) {
      fold(part.weights(l), total.weights(l), first);
      fold(part.biases(l), total.biases(l), first);
    }
  }

  private static void fold(float[] part, float[] into, boolean first) {
    if (first) {
      System.arraycopy(part, 0, into, 0, part.length);
    } else {
      for (int i = 0; i < part.length; i++) {
        into[i] += part[i];
      }
    }
    Arrays.fill(part, 0f);
  }
}
