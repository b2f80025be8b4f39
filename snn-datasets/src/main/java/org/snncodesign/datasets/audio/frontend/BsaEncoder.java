package org.snncodesign.datasets.audio.frontend;

import java.util.Arrays;
import org.snncodesign.api.Checks;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * Ben's Spiker Algorithm (BSA; Schrauwen and Van Campenhout, "BSA, a fast and accurate spike train
 * encoding scheme", IJCNN 2003): encodes a non-negative analog signal into a spike train such that
 * convolving the spikes with a finite impulse response filter {@code h} reconstructs the signal,
 * {@code s^(t) = sum_k spike(t - k) h(k)}.
 *
 * <p>Greedy rule, at every step {@code t} with the residual {@code r} (initially the signal): with
 * {@code e1 = sum_k |r(t + k) - h(k)|} (error if a spike is placed at {@code t}) and {@code e2 =
 * sum_k |r(t + k)|} (error without), a spike is emitted when {@code e1 <= e2 - threshold}, and then
 * {@code h} is subtracted from the residual from {@code t} on. The sums run over the filter's
 * length, cut at the end of the signal.
 *
 * <p>Unlike rate coding, the spike times follow the signal's rises (a spike is placed where the
 * filter fits the residual), so a band envelope is carried with a delay of about half the filter
 * and without the rate coder's per-frame steps. The filter's sum sets the signal level of one spike
 * per step: a constant signal {@code v} is coded at about {@code v / sum(h)} spikes per step.
 * {@link #hann(int, double)} builds the usual raised-cosine filter.
 *
 * <p>The threshold matters for dense signals (measured in {@code BsaEncoderTest}): with threshold 0
 * the greedy L1 rule keeps firing while the residual exceeds the filter anywhere in the window and
 * overshoots (about twice the ideal rate for a constant 0.5 with a 12-tap Hann filter of sum 2). A
 * threshold of about 0.6-0.7 {@code sum(h)} removes the bias for levels from 0.3 to 1 (envelope
 * RMSE below 0.08) at the price of a dead band: levels up to about 0.2 produce no spikes.
 */
public final class BsaEncoder {
  private final double[] filter;
  private final double threshold;

  /**
   * @param filter FIR filter {@code h(0 .. L-1)}, non-negative, not all zero
   * @param threshold margin by which placing a spike must reduce the error, >= 0, in signal units
   *     summed over the filter's length
   */
  public BsaEncoder(double[] filter, double threshold) {
    Checks.checkArgument(filter.length > 0, "BSA filter must have at least one tap");
    double sum = 0;
    for (int k = 0; k < filter.length; k++) {
      Checks.checkArgument(
          filter[k] >= 0 && Double.isFinite(filter[k]),
          "BSA filter tap %d must be finite and >= 0, got %s",
          k,
          filter[k]);
      sum += filter[k];
    }
    Checks.checkArgument(sum > 0, "BSA filter must not be all zero");
    Checks.checkArgument(
        threshold >= 0 && Double.isFinite(threshold),
        "BSA threshold must be >= 0, got %s",
        threshold);
    this.filter = filter.clone();
    this.threshold = threshold;
  }

  /**
   * A Hann (raised-cosine) filter {@code h(k) ~ sin^2(pi (k + 1) / (L + 1))} scaled to sum to
   * {@code gain}: a signal at level {@code v} is then coded at about {@code v / gain} spikes per
   * step.
   *
   * @param length taps, >= 1
   * @param gain sum of the taps, > 0
   */
  public static double[] hann(int length, double gain) {
    Checks.positive(length, "length");
    Checks.checkArgument(
        gain > 0 && Double.isFinite(gain), "filter gain must be > 0, got %s", gain);
    double[] h = new double[length];
    double sum = 0;
    for (int k = 0; k < length; k++) {
      double s = Math.sin(Math.PI * (k + 1) / (length + 1));
      h[k] = s * s;
      sum += h[k];
    }
    for (int k = 0; k < length; k++) {
      h[k] *= gain / sum;
    }
    return h;
  }

  /** The filter, a copy. */
  public double[] filter() {
    return filter.clone();
  }

  public double threshold() {
    return threshold;
  }

  /**
   * Encodes one signal.
   *
   * @param signal samples, finite and >= 0 (negative values cannot be coded by a spike train: clamp
   *     first)
   * @return whether a spike is emitted at each sample
   */
  public boolean[] encode(double[] signal) {
    double[] residual = signal.clone();
    for (int t = 0; t < residual.length; t++) {
      Checks.checkArgument(
          residual[t] >= 0 && Double.isFinite(residual[t]),
          "BSA codes finite non-negative signals, sample %d is %s",
          t,
          residual[t]);
    }
    boolean[] spikes = new boolean[residual.length];
    encodeInPlace(residual, 0, 1, residual.length, spikes, 0, 1);
    return spikes;
  }

  /**
   * The greedy BSA loop over a strided signal {@code residual[offset + t * stride]}, {@code t <
   * length}, which it overwrites with the residual; spikes go to {@code spikes[spikeOffset + t *
   * spikeStride]}.
   */
  private void encodeInPlace(
      double[] residual,
      int offset,
      int stride,
      int length,
      boolean[] spikes,
      int spikeOffset,
      int spikeStride) {
    int taps = filter.length;
    for (int t = 0; t < length; t++) {
      int end = Math.min(taps, length - t);
      double withSpike = 0;
      double without = 0;
      for (int k = 0; k < end; k++) {
        double r = residual[offset + (t + k) * stride];
        withSpike += Math.abs(r - filter[k]);
        without += Math.abs(r);
      }
      if (withSpike <= without - threshold) {
        spikes[spikeOffset + t * spikeStride] = true;
        for (int k = 0; k < end; k++) {
          residual[offset + (t + k) * stride] -= filter[k];
        }
      }
    }
  }

  /** Reconstructs a signal from spikes: {@code s^(t) = sum_{k < L, k <= t} spike(t - k) h(k)}. */
  public double[] decode(boolean[] spikes) {
    double[] out = new double[spikes.length];
    for (int t = 0; t < spikes.length; t++) {
      if (spikes[t]) {
        int end = Math.min(filter.length, spikes.length - t);
        for (int k = 0; k < end; k++) {
          out[t + k] += filter[k];
        }
      }
    }
    return out;
  }

  /**
   * Encodes every channel of a spectrogram whose values are in [0, 1] (e.g. {@link
   * Spectrogram#normalized}): each channel's envelope is resampled to {@code stepsPerFrame} steps
   * per frame by linear interpolation between frame centres (held flat before the first and after
   * the last centre), values are clamped to [0, 1], and BSA codes each channel into its own input
   * neuron.
   *
   * @return {@code frames * stepsPerFrame} steps x {@code channels} neurons
   */
  public SpikeRaster encode(Spectrogram spectrogram, int stepsPerFrame) {
    Checks.positive(stepsPerFrame, "stepsPerFrame");
    int frames = spectrogram.frames();
    int channels = spectrogram.channels();
    int steps = Math.multiplyExact(frames, stepsPerFrame);
    float[] values = spectrogram.values();
    for (int i = 0; i < values.length; i++) {
      Checks.checkArgument(!Float.isNaN(values[i]), "spectrogram value %d is NaN", i);
    }
    // Step-major like the raster, so each channel is a strided signal.
    double[] signal = new double[Math.multiplyExact(steps, channels)];
    for (int t = 0; t < steps; t++) {
      // Position in frames, frame f's centre at f + 0.5.
      double x = (t + 0.5) / stepsPerFrame - 0.5;
      int f0 = (int) Math.floor(x);
      double frac = x - f0;
      int a = Math.max(0, Math.min(frames - 1, f0));
      int b = Math.max(0, Math.min(frames - 1, f0 + 1));
      for (int c = 0; c < channels; c++) {
        double v = (1 - frac) * values[a * channels + c] + frac * values[b * channels + c];
        signal[t * channels + c] = Math.min(1, Math.max(0, v));
      }
    }
    boolean[] spikes = new boolean[signal.length];
    for (int c = 0; c < channels; c++) {
      encodeInPlace(signal, c, channels, steps, spikes, c, channels);
    }
    SpikeRaster raster = new SpikeRaster(steps, channels);
    long[] words = raster.words();
    int wordsPerStep = raster.wordsPerStep();
    for (int t = 0; t < steps; t++) {
      for (int c = 0; c < channels; c++) {
        if (spikes[t * channels + c]) {
          words[t * wordsPerStep + (c >>> 6)] |= 1L << c;
        }
      }
    }
    return raster;
  }

  @Override
  public String toString() {
    return "BsaEncoder["
        + filter.length
        + " taps, sum "
        + Arrays.stream(filter).sum()
        + ", threshold "
        + threshold
        + "]";
  }
}
