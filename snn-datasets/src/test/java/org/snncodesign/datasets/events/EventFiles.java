package org.snncodesign.datasets.events;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Writes small event files for tests: events as {x, y, polarity, timestamp} rows. */
final class EventFiles {
  private EventFiles() {}

  static long[][] random(int n, int width, int height, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[][] events = new long[n][];
    long t = 0;
    for (int i = 0; i < n; i++) {
      t += random.nextInt(50);
      events[i] = new long[] {random.nextInt(width), random.nextInt(height), random.nextInt(2), t};
    }
    return events;
  }

  static byte[] nmnist(long[][] events) {
    ByteBuffer b = ByteBuffer.allocate(events.length * 5);
    for (long[] e : events) {
      b.put((byte) e[0])
          .put((byte) e[1])
          .put((byte) (e[2] << 7 | (e[3] >>> 16 & 0x7f)))
          .put((byte) (e[3] >>> 8))
          .put((byte) e[3]);
    }
    return b.array();
  }

  static byte[] aedat2(long[][] events, boolean withSpecial) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        "#!AER-DAT2.0\r\n# This is a raw AE data file\r\n#Format: RAW\r\n"
            .getBytes(StandardCharsets.US_ASCII));
    ByteBuffer b = ByteBuffer.allocate(events.length * 8 + (withSpecial ? 8 : 0));
    if (withSpecial) {
      b.putInt(0x8000).putInt(0);
    }
    for (long[] e : events) {
      b.putInt((int) (e[1] << 8 | e[0] << 1 | e[2])).putInt((int) e[3]);
    }
    out.writeBytes(b.array());
    return out.toByteArray();
  }

  /**
   * AEDAT 3.1 with one polarity packet per {@code perPacket} events, and a type-2 packet in front.
   */
  static byte[] aedat3(long[][] events, int perPacket, long overflow) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        "#!AER-DAT3.1\r\n#Format: RAW\r\n#Source 1: DVS128\r\n#!END-HEADER\r\n"
            .getBytes(StandardCharsets.US_ASCII));
    ByteBuffer special = ByteBuffer.allocate(28 + 16).order(ByteOrder.LITTLE_ENDIAN);
    special
        .putShort((short) 2)
        .putShort((short) 1)
        .putInt(8)
        .putInt(4)
        .putInt(0)
        .putInt(2)
        .putInt(2)
        .putInt(2)
        .putLong(1)
        .putLong(2);
    out.writeBytes(special.array());
    for (int start = 0; start < events.length; start += perPacket) {
      int n = Math.min(perPacket, events.length - start);
      // One extra slot of unused capacity and one invalid event per packet, both to be ignored.
      ByteBuffer b = ByteBuffer.allocate(28 + (n + 2) * 8).order(ByteOrder.LITTLE_ENDIAN);
      b.putShort((short) 1)
          .putShort((short) 1)
          .putInt(8)
          .putInt(4)
          .putInt((int) overflow)
          .putInt(n + 2)
          .putInt(n + 1)
          .putInt(n);
      for (int i = start; i < start + n; i++) {
        long[] e = events[i];
        b.putInt((int) (e[0] << 17 | e[1] << 2 | e[2] << 1 | 1)).putInt((int) e[3]);
      }
      b.putInt(5 << 17 | 5 << 2).putInt(0); // invalid: valid bit clear
      b.putInt(7 << 17 | 7 << 2 | 1).putInt(0); // beyond eventNumber
      out.writeBytes(b.array());
    }
    return out.toByteArray();
  }
}
