package org.snncodesign.datasets.encoding;

import java.util.Arrays;
import org.snncodesign.api.Checks;
import org.snncodesign.api.dataset.LabeledDataset;

/**
 * Min-max normalisation to {@code [0, 1]}, the range every {@link
 * org.snncodesign.api.coding.SpikeEncoder} takes: {@code x' = clamp((x - min) / (max - min), 0,
 * 1)}. The bounds are either global (one pair for all values, e.g. 0..255 for MNIST) or per
 * feature; a constant feature ({@code max == min}) maps to 0. Values of another data set (a test
 * part) that fall outside the fitted bounds are clamped, so encoders never see them out of range.
 *
 * <p>Immutable; fit once on the training part and apply to every part.
 */
public final class MinMaxScaling {
  private final float[] min;
  private final float[] scale;

  private MinMaxScaling(float[] min, float[] max) {
    this.min = min;
    this.scale = new float[min.length];
    for (int f = 0; f < min.length; f++) {
      float range = max[f] - min[f];
      scale[f] = range > 0 ? 1f / range : 0f;
    }
  }

  /** Fixed bounds for every value, e.g. {@code range(0, 255)} for 8-bit images. */
  public static MinMaxScaling range(float min, float max) {
    Checks.checkArgument(
        Float.isFinite(min) && Float.isFinite(max) && min <= max,
        "scaling bounds must be finite with min <= max, got [%s, %s]",
        min,
        max);
    return new MinMaxScaling(new float[] {min}, new float[] {max});
  }

  /** Global bounds: the smallest and largest value anywhere in {@code data}. */
  public static MinMaxScaling fit(LabeledDataset data) {
    ValueRange values =
        ValueRange.of(data.features())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "cannot fit a scaling to the empty data set " + data.name()));
    return range(values.min(), values.max());
  }

  /**
   * Divides by the data set's maximum, keeping 0 as 0: bounds {@code [0, max]}, the usual choice
   * for counts and intensities (0..16 for the UCI digits, 0..255 for MNIST).
   */
  public static MinMaxScaling fitMax(LabeledDataset data) {
    float hi = 0;
    for (float v : data.features()) {
      Checks.checkArgument(
          v >= 0 && Float.isFinite(v),
          "dividing by the maximum needs values >= 0, %s has %s",
          data.name(),
          v);
      hi = Math.max(hi, v);
    }
    return range(0, hi);
  }

  /** Bounds per feature, from the smallest and largest value of each feature over all samples. */
  public static MinMaxScaling fitPerFeature(LabeledDataset data) {
    int size = data.sampleSize();
    Checks.checkArgument(
        data.samples() > 0, "cannot fit a scaling to the empty data set %s", data.name());
    float[] lo = new float[size];
    float[] hi = new float[size];
    Arrays.fill(lo, Float.POSITIVE_INFINITY);
    Arrays.fill(hi, Float.NEGATIVE_INFINITY);
    float[] values = data.features();
    for (int base = 0; base < values.length; base += size) {
      for (int f = 0; f < size; f++) {
        float v = values[base + f];
        lo[f] = Math.min(lo[f], v);
        hi[f] = Math.max(hi[f], v);
      }
    }
    return new MinMaxScaling(lo, hi);
  }

  /** True when the bounds are per feature rather than global. */
  public boolean perFeature() {
    return min.length > 1;
  }

  /** Writes the scaled {@code sample} to {@code out} (which may be {@code sample} itself). */
  public void apply(float[] sample, float[] out) {
    Checks.checkArgument(
        out.length >= sample.length,
        "output holds %d values, the sample %d",
        out.length,
        sample.length);
    Checks.checkArgument(
        min.length == 1 || min.length == sample.length,
        "scaling fitted to %d features, the sample has %d",
        min.length,
        sample.length);
    boolean global = min.length == 1;
    for (int f = 0; f < sample.length; f++) {
      int k = global ? 0 : f;
      float v = (sample[f] - min[k]) * scale[k];
      // NaN fails both comparisons and is mapped to 0 rather than passed to an encoder.
      out[f] = v > 0 ? (v < 1 ? v : 1f) : 0f;
    }
  }

  /** A scaled copy of {@code sample}. */
  public float[] apply(float[] sample) {
    float[] out = new float[sample.length];
    apply(sample, out);
    return out;
  }

  /** A scaled copy of the whole data set, same shape, labels and classes. */
  public LabeledDataset apply(LabeledDataset data) {
    int size = data.sampleSize();
    float[] source = data.features();
    float[] scaled = new float[source.length];
    float[] one = new float[size];
    for (int base = 0; base < source.length; base += size) {
      System.arraycopy(source, base, one, 0, size);
      apply(one, one);
      System.arraycopy(one, 0, scaled, base, size);
    }
    return new LabeledDataset(data.name(), data.shape(), scaled, data.labels(), data.classNames());
  }
}
