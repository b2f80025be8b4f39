package org.snncodesign.datasets.events;

import java.util.Arrays;

/**
 * Growable primitive event arrays; capacity grows only with events actually read, never from a
 * header claim.
 */
final class EventBuffer {
  private short[] x;
  private short[] y;
  private byte[] polarity;
  private long[] timestamps;
  private int size;
  private int maxX = -1;
  private int maxY = -1;

  EventBuffer(long expected) {
    int capacity = (int) Math.max(16, Math.min(expected, 1 << 20));
    x = new short[capacity];
    y = new short[capacity];
    polarity = new byte[capacity];
    timestamps = new long[capacity];
  }

  void add(int ex, int ey, int p, long t) {
    if (size == x.length) {
      int grown = (int) Math.min(Integer.MAX_VALUE - 8L, 2L * size);
      if (grown == size) {
        throw new IllegalStateException("more than " + size + " events");
      }
      x = Arrays.copyOf(x, grown);
      y = Arrays.copyOf(y, grown);
      polarity = Arrays.copyOf(polarity, grown);
      timestamps = Arrays.copyOf(timestamps, grown);
    }
    x[size] = (short) ex;
    y[size] = (short) ey;
    polarity[size] = (byte) p;
    timestamps[size] = t;
    size++;
    maxX = Math.max(maxX, ex);
    maxY = Math.max(maxY, ey);
  }

  /**
   * The events on a sensor of at least {@code minWidth x minHeight}, larger when an event lies
   * outside.
   */
  EventStream build(int minWidth, int minHeight) {
    return new EventStream(
        Math.max(minWidth, maxX + 1),
        Math.max(minHeight, maxY + 1),
        Arrays.copyOf(x, size),
        Arrays.copyOf(y, size),
        Arrays.copyOf(polarity, size),
        Arrays.copyOf(timestamps, size));
  }
}
