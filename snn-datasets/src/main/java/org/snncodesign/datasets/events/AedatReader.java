package org.snncodesign.datasets.events;

import java.io.IOException;
import java.nio.file.Path;
import org.snncodesign.datasets.io.BinarySource;

/**
 * Reader of jAER / iniVation AEDAT files as used by DVS128 Gesture (Amir et al., CVPR 2017),
 * versions 2.0 and 3.1 (inivation.gitlab.io/dv/dv-docs/docs/aedat-formats). Both start with ASCII
 * header lines beginning {@code #}, the first of which names the version ({@code #!AER-DAT2.0} or
 * {@code #!AER-DAT3.1}).
 *
 * <ul>
 *   <li><b>2.0</b>: 8-byte big-endian events, a 32-bit address then a 32-bit microsecond timestamp.
 *       Addresses are decoded with the DVS128 layout: bit 0 polarity, bits 1-7 x, bits 8-14 y, bit
 *       15 marks an external (special) event, which is skipped. Coordinates are kept as the sensor
 *       reports them (jAER mirrors x for display). The sensor is 128 x 128.
 *   <li><b>3.1</b>: after {@code #!END-HEADER}, packets of a 28-byte little-endian header (type,
 *       source, event size, timestamp offset, timestamp overflow, capacity, number, valid) and
 *       {@code capacity x size} bytes of events. Polarity events (type 1, 8 bytes) hold a 32-bit
 *       word — bit 0 valid, bit 1 polarity, bits 2-16 y, bits 17-31 x — and a 31-bit timestamp
 *       extended by the packet's overflow count ({@code overflow << 31}). Other packet types are
 *       skipped; invalid events are dropped.
 * </ul>
 *
 * <p>Every declared size is checked against the bytes that remain, and {@code capacity x size} is
 * computed in {@code long} so it cannot overflow.
 */
public final class AedatReader {
  /** DVS128's side in pixels. */
  public static final int DVS128_SIDE = 128;

  /**
   * Largest AEDAT 3.1 coordinate accepted. The format allows 15 bits, but real sensors (DVS128,
   * DAVIS240/346, DVXplorer 640 x 480) stay far below; the cap keeps a forged file from sizing
   * frames of gigabytes.
   */
  public static final int MAX_SENSOR_SIDE = 1024;

  private static final int MAX_HEADER_LINE = 1 << 16;
  private static final int POLARITY_EVENT = 1;

  private AedatReader() {}

  /** Reads an AEDAT 2.0 or 3.1 file. */
  public static EventStream read(Path file) throws IOException {
    try (BinarySource in = BinarySource.open(file)) {
      return read(in);
    }
  }

  /** Reads an AEDAT 2.0 or 3.1 stream. */
  public static EventStream read(BinarySource in) throws IOException {
    String first = in.asciiLine(MAX_HEADER_LINE, "the AEDAT version line");
    if (first == null || !first.startsWith("#!AER-DAT")) {
      throw in.error(
          0,
          "an AEDAT version line '#!AER-DAT2.0' or '#!AER-DAT3.1', got "
              + (first == null ? "an empty file" : "'" + abbreviate(first) + "'"));
    }
    String version = first.substring("#!AER-DAT".length()).trim();
    if (version.equals("2.0")) {
      return readVersion2(in);
    }
    if (version.equals("3.1") || version.equals("3.0")) {
      return readVersion3(in);
    }
    throw in.error(0, "AEDAT version 2.0 or 3.1, got '" + abbreviate(version) + "'");
  }

  private static String abbreviate(String text) {
    String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
  }

  private static EventStream readVersion2(BinarySource in) throws IOException {
    while (in.peek() == '#') {
      in.asciiLine(MAX_HEADER_LINE, "an AEDAT 2.0 header line");
    }
    long dataStart = in.offset();
    long size = in.remaining();
    if (size >= 0 && size % 8 != 0) {
      throw in.error(
          dataStart + size - size % 8,
          "whole 8-byte events after the header, but " + size % 8 + " bytes are left over");
    }
    EventBuffer events = new EventBuffer(size >= 0 ? size / 8 : 1024);
    while (!in.atEnd()) {
      long at = in.offset();
      int address = in.i32be("an event address");
      long timestamp = in.i32be("an event timestamp") & 0xffff_ffffL;
      if ((address & 0xffff_0000) != 0) {
        throw in.error(
            at, String.format("a DVS128 address (bits 16-31 zero), got 0x%08x", address));
      }
      if ((address & 0x8000) != 0) {
        continue; // external event (e.g. a synchronisation pulse), not a pixel
      }
      events.add((address >>> 1) & 0x7f, (address >>> 8) & 0x7f, address & 1, timestamp);
    }
    return events.build(DVS128_SIDE, DVS128_SIDE);
  }

  private static EventStream readVersion3(BinarySource in) throws IOException {
    while (true) {
      long at = in.offset();
      String line = in.asciiLine(MAX_HEADER_LINE, "an AEDAT 3 header line");
      if (line == null) {
        throw in.error(at, "the header end '#!END-HEADER', but the file ends");
      }
      if (!line.startsWith("#")) {
        throw in.error(
            at,
            "a header line starting with '#' or '#!END-HEADER', got '" + abbreviate(line) + "'");
      }
      if (line.startsWith("#!END-HEADER")) {
        break;
      }
    }
    long remaining = in.remaining();
    EventBuffer events = new EventBuffer(remaining >= 0 ? remaining / 8 : 1024);
    while (!in.atEnd()) {
      long packet = in.offset();
      int type = in.s16le("the packet's event type");
      in.s16le("the packet's event source");
      int eventSize = in.i32le("the packet's event size");
      in.i32le("the packet's timestamp offset");
      int overflow = in.i32le("the packet's timestamp overflow");
      int capacity = in.i32le("the packet's event capacity");
      int number = in.i32le("the packet's event number");
      int valid = in.i32le("the packet's valid event count");
      if (eventSize < 1
          || capacity < 0
          || number < 0
          || number > capacity
          || valid < 0
          || valid > number
          || overflow < 0) {
        throw in.error(
            packet,
            "a packet header with event size >= 1, 0 <= valid <= number <= capacity and "
                + "overflow >= 0, got size "
                + eventSize
                + ", capacity "
                + capacity
                + ", number "
                + number
                + ", valid "
                + valid
                + ", overflow "
                + overflow);
      }
      long payload = (long) capacity * eventSize; // both < 2^31: the product fits in a long
      long bound = in.remainingBound();
      if (payload > bound) {
        throw in.error(
            packet + 16,
            "a packet payload (capacity "
                + capacity
                + " x size "
                + eventSize
                + " = "
                + payload
                + " bytes) within the "
                + bound
                + " bytes left, but it is larger");
      }
      if (type != POLARITY_EVENT) {
        in.skip(payload, "the payload of a type-" + type + " packet");
        continue;
      }
      if (eventSize != 8) {
        throw in.error(packet + 4, "polarity events of 8 bytes, got " + eventSize);
      }
      long base = (long) overflow << 31;
      for (int e = 0; e < capacity; e++) {
        int data = in.i32le("a polarity event's data");
        int timestamp = in.i32le("a polarity event's timestamp");
        // Events past eventNumber are unused capacity; the valid bit marks events the camera kept.
        if (e < number && (data & 1) != 0) {
          if (timestamp < 0) {
            throw in.error(
                in.offset() - 4,
                "a 31-bit event timestamp, got " + Integer.toUnsignedString(timestamp));
          }
          int x = data >>> 17;
          int y = (data >>> 2) & 0x7fff;
          if (x >= MAX_SENSOR_SIDE || y >= MAX_SENSOR_SIDE) {
            throw in.error(
                in.offset() - 8,
                "event coordinates below "
                    + MAX_SENSOR_SIDE
                    + " (a real sensor), got x "
                    + x
                    + ", y "
                    + y);
          }
          events.add(x, y, (data >>> 1) & 1, base | timestamp);
        }
      }
    }
    return events.build(1, 1);
  }
}
