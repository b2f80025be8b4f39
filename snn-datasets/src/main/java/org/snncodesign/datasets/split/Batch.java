package org.snncodesign.datasets.split;

/**
 * A batch of samples copied out of a data set.
 *
 * @param indices position of each sample in the data set
 * @param features the samples' values, sample-major ({@code size * sampleSize} values)
 * @param labels class of each sample
 * @param sampleSize values per sample
 */
public record Batch(int[] indices, float[] features, int[] labels, int sampleSize) {

  /** Samples in the batch. */
  public int size() {
    return labels.length;
  }

  /** Offset in {@link #features()} of sample {@code k} of the batch. */
  public int offset(int k) {
    return k * sampleSize;
  }
}
