package org.snncodesign.datasets.events;

import java.io.IOException;
import java.nio.file.Path;
import org.snncodesign.datasets.io.BinarySource;

/**
 * Reader of the binary event format of N-MNIST and N-Caltech101 (Orchard et al., "Converting Static
 * Image Datasets to Spiking Neuromorphic Datasets Using Saccades", Front. Neurosci. 2015): 40 bits
 * per event, big-endian — bits 39-32 x, bits 31-24 y, bit 23 polarity, bits 22-0 timestamp in
 * microseconds. A file must hold whole 5-byte events. The sensor is at least 34 x 34 (N-MNIST's),
 * larger if events lie outside.
 */
public final class NmnistReader {
  /** N-MNIST's sensor side (28 px digits plus saccade margin). */
  public static final int NMNIST_SIDE = 34;

  private static final int EVENT_BYTES = 5;

  private NmnistReader() {}

  /** Reads a {@code .bin} event file. */
  public static EventStream read(Path file) throws IOException {
    try (BinarySource in = BinarySource.open(file)) {
      return read(in);
    }
  }

  /** Reads events from {@code in}. */
  public static EventStream read(BinarySource in) throws IOException {
    long size = in.remaining();
    if (size >= 0 && size % EVENT_BYTES != 0) {
      throw in.error(
          size - size % EVENT_BYTES,
          "whole 5-byte events, but the file's "
              + size
              + " bytes leave "
              + size % EVENT_BYTES
              + " over");
    }
    EventBuffer events = new EventBuffer(size >= 0 ? size / EVENT_BYTES : 1024);
    byte[] chunk = new byte[(int) (size >= 0 && size < 65_535 ? size + EVENT_BYTES : 65_535)];
    int held = 0;
    while (true) {
      int n = in.read(chunk, held, chunk.length - held);
      if (n == 0) {
        break;
      }
      held += n;
      int whole = held - held % EVENT_BYTES;
      for (int p = 0; p < whole; p += EVENT_BYTES) {
        int x = chunk[p] & 0xff;
        int y = chunk[p + 1] & 0xff;
        int b2 = chunk[p + 2] & 0xff;
        long t = (long) (b2 & 0x7f) << 16 | (chunk[p + 3] & 0xff) << 8 | (chunk[p + 4] & 0xff);
        events.add(x, y, b2 >>> 7, t);
      }
      System.arraycopy(chunk, whole, chunk, 0, held - whole);
      held -= whole;
    }
    if (held != 0) {
      throw in.error(
          in.offset() - held, "whole 5-byte events, but the data ends " + held + " bytes into one");
    }
    return events.build(NMNIST_SIDE, NMNIST_SIDE);
  }
}
