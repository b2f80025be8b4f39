package org.snncodesign.conversion.ann;

import org.snncodesign.api.Checks;

/**
 * Samples for training and evaluation, packed in one {@code float[]}: sample {@code i} occupies
 * {@code [i * shape.size(), (i + 1) * shape.size())}.
 *
 * @param shape shape of one sample
 * @param pixels all samples back to back (not copied)
 * @param labels class of each sample, in {@code [0, classes)}
 * @param classes number of classes
 */
public record LabeledImages(TensorShape shape, float[] pixels, int[] labels, int classes) {
  public LabeledImages {
    Checks.checkArgument(shape != null, "images need a shape");
    Checks.positive(classes, "classes");
    Checks.checkArgument(
        pixels.length == (long) shape.size() * labels.length,
        "%d labels of %s samples need %d values, got %d",
        labels.length,
        shape,
        (long) shape.size() * labels.length,
        pixels.length);
    for (int i = 0; i < labels.length; i++) {
      Checks.checkArgument(
          labels[i] >= 0 && labels[i] < classes,
          "label %d of sample %d outside [0, %d)",
          labels[i],
          i,
          classes);
    }
  }

  /** Number of samples. */
  public int count() {
    return labels.length;
  }

  /** Index in {@link #pixels()} of sample {@code i}'s first value. */
  public int offset(int i) {
    return i * shape.size();
  }

  /** The first {@code n} samples (a copy), or all of them when {@code n >= count()}. */
  public LabeledImages head(int n) {
    Checks.nonNegative(n, "n");
    int m = Math.min(n, count());
    return new LabeledImages(
        shape,
        java.util.Arrays.copyOf(pixels, m * shape.size()),
        java.util.Arrays.copyOf(labels, m),
        classes);
  }

  /** Samples {@code from} (inclusive) to {@code to} (exclusive), a copy. */
  public LabeledImages range(int from, int to) {
    Checks.checkArgument(
        from >= 0 && from <= to && to <= count(),
        "range [%s, %s) is not within [0, %s)",
        from,
        to,
        count());
    int size = shape.size();
    return new LabeledImages(
        shape,
        java.util.Arrays.copyOfRange(pixels, from * size, to * size),
        java.util.Arrays.copyOfRange(labels, from, to),
        classes);
  }
}
