package org.snncodesign.datasets.audio.frontend;

import org.snncodesign.api.Checks;

/**
 * A time-frequency image: {@code frames x channels} values, row-major (frame-major), e.g. log mel
 * energies in decibels.
 *
 * @param frames time frames
 * @param channels frequency channels
 * @param values row-major values, length {@code frames * channels}
 */
public record Spectrogram(int frames, int channels, float[] values) {
  public Spectrogram {
    Checks.nonNegative(frames, "frames");
    Checks.positive(channels, "channels");
    Checks.checkArgument(
        values.length == (long) frames * channels,
        "spectrogram has %d values, expected %d frames x %d channels",
        values.length,
        frames,
        channels);
  }

  /** Largest value, or negative infinity when empty. */
  public float max() {
    float max = Float.NEGATIVE_INFINITY;
    for (float v : values) {
      max = Math.max(max, v);
    }
    return max;
  }

  /**
   * Drops leading and trailing frames whose loudest channel is more than {@code thresholdDb} below
   * the clip's loudest value (silence before and after the word); keeps at least one frame.
   */
  public Spectrogram trimmed(double thresholdDb) {
    Checks.checkArgument(thresholdDb > 0, "silence threshold must be > 0 dB, got %s", thresholdDb);
    if (frames == 0) {
      return this;
    }
    double floor = max() - thresholdDb;
    int first = 0;
    while (first < frames - 1 && frameMax(first) < floor) {
      first++;
    }
    int last = frames - 1;
    while (last > first && frameMax(last) < floor) {
      last--;
    }
    float[] out = new float[(last - first + 1) * channels];
    System.arraycopy(values, first * channels, out, 0, out.length);
    return new Spectrogram(last - first + 1, channels, out);
  }

  private float frameMax(int frame) {
    float max = Float.NEGATIVE_INFINITY;
    for (int c = 0; c < channels; c++) {
      max = Math.max(max, values[frame * channels + c]);
    }
    return max;
  }

  /**
   * Values mapped to [0, 1]: the loudest value to 1, {@code dynamicRangeDb} below it (and anything
   * quieter) to 0, linearly in decibels. Makes the input independent of recording level, as a
   * cochlea's gain control does.
   */
  public Spectrogram normalized(double dynamicRangeDb) {
    Checks.checkArgument(
        dynamicRangeDb > 0, "dynamic range must be > 0 dB, got %s", dynamicRangeDb);
    float max = max();
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] =
          (float) Math.min(1, Math.max(0, (values[i] - (max - dynamicRangeDb)) / dynamicRangeDb));
    }
    return new Spectrogram(frames, channels, out);
  }

  /**
   * The first {@code count} frames, padded with zero frames when shorter (zero = silence after
   * normalisation).
   */
  public Spectrogram fitted(int count) {
    Checks.nonNegative(count, "frames");
    float[] out = new float[count * channels];
    System.arraycopy(values, 0, out, 0, Math.min(values.length, out.length));
    return new Spectrogram(count, channels, out);
  }
}
