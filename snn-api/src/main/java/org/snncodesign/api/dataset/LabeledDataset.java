package org.snncodesign.api.dataset;

import java.util.Arrays;
import java.util.List;
import org.snncodesign.api.Checks;

/**
 * Labelled samples held in one primitive array: sample {@code i} is {@code features[i *
 * sampleSize() .. (i + 1) * sampleSize() - 1]}, row-major in {@code shape}.
 *
 * @param name where the data came from
 * @param shape shape of one sample, e.g. {@code [28, 28]}
 * @param features all samples' values, row-major
 * @param labels class index per sample, in {@code [0, classNames.size())}
 * @param classNames name of each class
 */
public record LabeledDataset(
    String name, int[] shape, float[] features, int[] labels, List<String> classNames) {
  public LabeledDataset {
    shape = shape.clone();
    classNames = List.copyOf(classNames);
    long size = 1;
    for (int d : shape) {
      Checks.positive(d, "sample dimension");
      size *= d;
    }
    Checks.checkArgument(
        size * labels.length == features.length,
        "data set %s: %d samples of shape %s need %d values, got %d",
        name,
        labels.length,
        Arrays.toString(shape),
        size * labels.length,
        features.length);
    for (int i = 0; i < labels.length; i++) {
      int label = labels[i];
      Checks.checkArgument(
          label >= 0 && label < classNames.size(),
          "data set %s: label %d of sample %d outside [0, %d)",
          name,
          label,
          i,
          classNames.size());
    }
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  public int samples() {
    return labels.length;
  }

  /** Values per sample. */
  public int sampleSize() {
    int size = 1;
    for (int d : shape) {
      size *= d;
    }
    return size;
  }

  public int classes() {
    return classNames.size();
  }

  /** Samples per class. */
  public int[] labelCounts() {
    int[] counts = new int[classNames.size()];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  /** A copy of sample {@code i}'s values. */
  public float[] sample(int i) {
    Checks.checkArgument(
        i >= 0 && i < labels.length, "sample %d outside [0, %d)", i, labels.length);
    int size = sampleSize();
    return Arrays.copyOfRange(features, i * size, (i + 1) * size);
  }
}
