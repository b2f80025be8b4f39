package org.snncodesign.datasets.events;

import org.snncodesign.api.Checks;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * Events to dense inputs. Time is cut into {@code bins} equal slices of {@code [t0, t1]}, the first
 * and last timestamps: event time {@code t} falls in bin {@code floor((t - t0) * bins / (t1 - t0 +
 * 1))}, so every event lands in exactly one bin. Each bin holds two channels, polarity 0 then 1, of
 * {@code height x width} pixels; index {@code ((bin * 2 + p) * height + y) * width + x}.
 */
public final class EventBinning {
  private EventBinning() {}

  /** Event counts per bin, channel and pixel: {@code bins * 2 * height * width} values. */
  public static float[] frames(EventStream events, int bins) {
    Checks.positive(bins, "bins");
    int plane = events.width() * events.height();
    long cells = (long) bins * 2 * plane;
    Checks.checkArgument(
        cells <= Integer.MAX_VALUE - 8,
        "%d bins of 2 x %d x %d pixels exceed an array",
        bins,
        events.height(),
        events.width());
    float[] out = new float[(int) cells];
    if (events.size() == 0) {
      return out;
    }
    long t0 = events.firstTimestamp();
    long span = events.lastTimestamp() - t0 + 1;
    short[] x = events.x();
    short[] y = events.y();
    byte[] p = events.polarity();
    long[] t = events.timestamps();
    for (int i = 0; i < x.length; i++) {
      int bin = bin(t[i] - t0, span, bins);
      out[((bin * 2 + p[i]) * events.height() + y[i]) * events.width() + x[i]]++;
    }
    return out;
  }

  /**
   * Events as spikes: one neuron per polarity and pixel (neuron {@code (p * height + y) * width +
   * x}), one step per bin; several events of one neuron in one bin make one spike.
   */
  public static SpikeRaster raster(EventStream events, int timeSteps) {
    Checks.positive(timeSteps, "timeSteps");
    long neurons = 2L * events.width() * events.height();
    Checks.checkArgument(
        neurons <= Integer.MAX_VALUE,
        "2 x %d x %d neurons exceed an int",
        events.height(),
        events.width());
    SpikeRaster raster = new SpikeRaster(timeSteps, (int) neurons);
    if (events.size() == 0) {
      return raster;
    }
    long t0 = events.firstTimestamp();
    long span = events.lastTimestamp() - t0 + 1;
    long[] words = raster.words();
    int perStep = raster.wordsPerStep();
    short[] x = events.x();
    short[] y = events.y();
    byte[] p = events.polarity();
    long[] t = events.timestamps();
    for (int i = 0; i < x.length; i++) {
      int neuron = (p[i] * events.height() + y[i]) * events.width() + x[i];
      words[bin(t[i] - t0, span, timeSteps) * perStep + (neuron >>> 6)] |= 1L << neuron;
    }
    return raster;
  }

  private static int bin(long offset, long span, int bins) {
    // offset * bins may exceed a long for spans of centuries in microseconds; fall back to floating
    // point then.
    if (offset < Long.MAX_VALUE / bins) {
      return (int) (offset * bins / span);
    }
    return (int) Math.min(bins - 1, (double) offset * bins / span);
  }
}
