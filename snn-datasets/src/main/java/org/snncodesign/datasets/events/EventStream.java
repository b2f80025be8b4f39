package org.snncodesign.datasets.events;

import java.util.Arrays;
import org.snncodesign.api.Checks;

/**
 * Address events of a dynamic vision sensor in primitive arrays: event {@code i} is pixel {@code
 * (x[i], y[i])}, polarity {@code polarity[i]} (1 = brightness up, 0 = down) at {@code
 * timestamps[i]} microseconds. The sensor is {@code width x height} pixels; every coordinate lies
 * inside it.
 *
 * @param width sensor columns, > 0
 * @param height sensor rows, > 0
 * @param x column of each event
 * @param y row of each event
 * @param polarity 0 or 1 per event
 * @param timestamps microseconds per event
 */
public record EventStream(
    int width, int height, short[] x, short[] y, byte[] polarity, long[] timestamps) {
  public EventStream {
    Checks.positive(width, "width");
    Checks.positive(height, "height");
    int n = x.length;
    Checks.checkArgument(
        y.length == n && polarity.length == n && timestamps.length == n,
        "event arrays must have equal lengths, got x %d, y %d, polarity %d, timestamps %d",
        n,
        y.length,
        polarity.length,
        timestamps.length);
    for (int i = 0; i < n; i++) {
      if (x[i] < 0 || x[i] >= width || y[i] < 0 || y[i] >= height || (polarity[i] & ~1) != 0) {
        throw new IllegalArgumentException(
            "event "
                + i
                + " (x "
                + x[i]
                + ", y "
                + y[i]
                + ", polarity "
                + polarity[i]
                + ") outside a "
                + width
                + " x "
                + height
                + " sensor with polarity 0 or 1");
      }
    }
  }

  /** Number of events. */
  public int size() {
    return x.length;
  }

  /** Smallest timestamp, or 0 when empty. */
  public long firstTimestamp() {
    long first = Long.MAX_VALUE;
    for (long t : timestamps) {
      first = Math.min(first, t);
    }
    return x.length == 0 ? 0 : first;
  }

  /** Largest timestamp, or 0 when empty. */
  public long lastTimestamp() {
    long last = Long.MIN_VALUE;
    for (long t : timestamps) {
      last = Math.max(last, t);
    }
    return x.length == 0 ? 0 : last;
  }

  /** The events with {@code from <= timestamp < to}, same sensor size. */
  public EventStream window(long from, long to) {
    int n = 0;
    for (long t : timestamps) {
      if (t >= from && t < to) {
        n++;
      }
    }
    short[] wx = new short[n];
    short[] wy = new short[n];
    byte[] wp = new byte[n];
    long[] wt = new long[n];
    int k = 0;
    for (int i = 0; i < x.length; i++) {
      if (timestamps[i] >= from && timestamps[i] < to) {
        wx[k] = x[i];
        wy[k] = y[i];
        wp[k] = polarity[i];
        wt[k++] = timestamps[i];
      }
    }
    return new EventStream(width, height, wx, wy, wp, wt);
  }

  /** The same events on a sensor of another size, which must still hold every event. */
  public EventStream onSensor(int newWidth, int newHeight) {
    return new EventStream(newWidth, newHeight, x, y, polarity, timestamps);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EventStream e
        && e.width == width
        && e.height == height
        && Arrays.equals(e.x, x)
        && Arrays.equals(e.y, y)
        && Arrays.equals(e.polarity, polarity)
        && Arrays.equals(e.timestamps, timestamps);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(timestamps) * 31 + Arrays.hashCode(x);
  }

  @Override
  public String toString() {
    return "EventStream[" + width + "x" + height + ", " + size() + " events]";
  }
}
