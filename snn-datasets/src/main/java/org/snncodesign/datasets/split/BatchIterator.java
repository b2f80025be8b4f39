package org.snncodesign.datasets.split;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.snncodesign.api.Checks;
import org.snncodesign.api.dataset.LabeledDataset;

/**
 * One epoch of batches over a data set, in order or in a seeded random order. Every sample appears
 * exactly once per epoch; the last batch is smaller when the batch size does not divide the sample
 * count, unless {@code dropLast} asks to skip it. For several epochs, create one iterator per epoch
 * with {@link #shuffled(LabeledDataset, int, long, int)}, which derives a distinct order from the
 * seed and the epoch.
 */
public final class BatchIterator implements Iterator<Batch> {
  private final float[] features;
  private final int[] labels;
  private final int sampleSize;
  private final int batchSize;
  private final int[] order;
  private final int end;
  private int next;

  private BatchIterator(LabeledDataset data, int batchSize, int[] order, boolean dropLast) {
    this.features = data.features();
    this.labels = data.labels();
    this.sampleSize = data.sampleSize();
    this.batchSize = Checks.positive(batchSize, "batchSize");
    this.order = order;
    this.end = dropLast ? order.length - order.length % batchSize : order.length;
  }

  /** Batches in the data set's order. */
  public static BatchIterator inOrder(LabeledDataset data, int batchSize) {
    return new BatchIterator(data, batchSize, identity(data.samples()), false);
  }

  /** Batches in an order shuffled with {@code seed}. */
  public static BatchIterator shuffled(LabeledDataset data, int batchSize, long seed) {
    return shuffled(data, batchSize, seed, 0, false);
  }

  /** Batches of epoch {@code epoch}: the order depends on both seed and epoch. */
  public static BatchIterator shuffled(LabeledDataset data, int batchSize, long seed, int epoch) {
    return shuffled(data, batchSize, seed, epoch, false);
  }

  /**
   * As {@link #shuffled(LabeledDataset, int, long, int)}, optionally skipping a last, smaller
   * batch.
   */
  public static BatchIterator shuffled(
      LabeledDataset data, int batchSize, long seed, int epoch, boolean dropLast) {
    Checks.nonNegative(epoch, "epoch");
    int[] order = identity(data.samples());
    // A golden-ratio step keeps epoch seeds apart; SplittableRandom then mixes them fully.
    DatasetSplitter.shuffle(order, new SplittableRandom(seed + 0x9E37_79B9_7F4A_7C15L * epoch));
    return new BatchIterator(data, batchSize, order, dropLast);
  }

  private static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  /** Batches this iterator yields in total. */
  public int batches() {
    return (end + batchSize - 1) / batchSize;
  }

  @Override
  public boolean hasNext() {
    return next < end;
  }

  @Override
  public Batch next() {
    if (next >= end) {
      throw new NoSuchElementException("epoch finished after " + batches() + " batches");
    }
    int size = Math.min(batchSize, end - next);
    int[] indices = new int[size];
    float[] values = new float[size * sampleSize];
    int[] batchLabels = new int[size];
    for (int k = 0; k < size; k++) {
      int i = order[next + k];
      indices[k] = i;
      batchLabels[k] = labels[i];
      System.arraycopy(features, i * sampleSize, values, k * sampleSize, sampleSize);
    }
    next += size;
    return new Batch(indices, values, batchLabels, sampleSize);
  }
}
