package org.snncodesign.learning.lsm;

import java.util.SplittableRandom;
import org.snncodesign.api.Checks;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * Rate coding of a multichannel time series (frames x channels, values in [0, 1], clamped) into
 * input spikes for a liquid: every frame lasts {@code stepsPerFrame} steps, during which channel c
 * fires with probability {@code p = maxProbability * value} per step.
 *
 * <ul>
 *   <li>{@link Mode#REGULAR}: deterministic, an accumulator per channel adds p every step and
 *       spikes (subtracting 1) when it reaches 1 (integrate-and-fire / sigma-delta rate coding).
 *       Carries the rate with no sampling noise, so small liquids see clean input.
 *   <li>{@link Mode#POISSON}: a Bernoulli draw per step (the discrete Poisson process), seeded.
 * </ul>
 */
public final class TimeSeriesEncoder {
  /** How spikes are drawn from the rate. */
  public enum Mode {
    REGULAR,
    POISSON
  }

  private final int stepsPerFrame;
  private final double maxProbability;
  private final Mode mode;

  /**
   * @param stepsPerFrame steps each frame is shown, >= 1
   * @param maxProbability spike probability per step at value 1, in (0, 1]
   */
  public TimeSeriesEncoder(int stepsPerFrame, double maxProbability, Mode mode) {
    this.stepsPerFrame = Checks.positive(stepsPerFrame, "stepsPerFrame");
    Checks.checkArgument(
        maxProbability > 0 && maxProbability <= 1,
        "maximum spike probability per step must be in (0, 1], got %s",
        maxProbability);
    this.maxProbability = maxProbability;
    this.mode = java.util.Objects.requireNonNull(mode, "mode must not be null");
  }

  public int stepsPerFrame() {
    return stepsPerFrame;
  }

  /**
   * Encodes {@code frames x channels} row-major values.
   *
   * @param seed seed of the Poisson draws (ignored by {@link Mode#REGULAR})
   */
  public SpikeRaster encode(float[] values, int frames, int channels, long seed) {
    Checks.positive(channels, "channels");
    Checks.nonNegative(frames, "frames");
    Checks.checkArgument(
        values.length >= (long) frames * channels,
        "%d values cannot hold %d frames x %d channels",
        values.length,
        frames,
        channels);
    SpikeRaster raster = new SpikeRaster(frames * stepsPerFrame, channels);
    long[] words = raster.words();
    int wordsPerStep = raster.wordsPerStep();
    double[] accumulator = new double[channels];
    java.util.Arrays.fill(accumulator, 0.5);
    SplittableRandom random = new SplittableRandom(seed);
    for (int f = 0; f < frames; f++) {
      for (int c = 0; c < channels; c++) {
        float v = values[f * channels + c];
        Checks.checkArgument(!Float.isNaN(v), "value of frame %d channel %d is NaN", f, c);
      }
      for (int s = 0; s < stepsPerFrame; s++) {
        int base = (f * stepsPerFrame + s) * wordsPerStep;
        for (int c = 0; c < channels; c++) {
          double p = maxProbability * Math.min(1, Math.max(0, values[f * channels + c]));
          boolean spike;
          if (mode == Mode.REGULAR) {
            accumulator[c] += p;
            spike = accumulator[c] >= 1;
            if (spike) {
              accumulator[c] -= 1;
            }
          } else {
            spike = random.nextDouble() < p;
          }
          if (spike) {
            words[base + (c >>> 6)] |= 1L << c;
          }
        }
      }
    }
    return raster;
  }
}
