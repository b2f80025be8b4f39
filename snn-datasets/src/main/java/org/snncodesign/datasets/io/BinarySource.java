package org.snncodesign.datasets.io;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.snncodesign.datasets.DataFormatException;

/**
 * A forward-only, buffered reader of a binary file that knows where it is: every read names what it
 * expects, and running out of bytes becomes a {@link DataFormatException} with the file, the byte
 * offset and that expectation instead of an {@link EOFException} or a garbage value.
 *
 * <p>Gzip files (magic {@code 1f 8b}) are decompressed on the fly; offsets then count decompressed
 * bytes, and {@link #size()} is unknown (-1) while {@link #storedSize()} is the compressed size on
 * disk, which bounds how much a header may claim (deflate expands at most about 1032:1, RFC 1951
 * section 3.2.5).
 */
public final class BinarySource implements Closeable {
  /**
   * Largest expansion of deflate: a 258-byte match coded in about 2 bits; 1032 is the usual bound.
   */
  public static final long MAX_DEFLATE_RATIO = 1032;

  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final String name;
  private final long size;
  private final long storedSize;
  private final boolean compressed;
  private final byte[] buffer = new byte[BUFFER];
  private int position;
  private int limit;
  private long offset;
  private boolean ended;

  private BinarySource(
      InputStream in, String name, long size, long storedSize, boolean compressed) {
    this.in = in;
    this.name = name;
    this.size = size;
    this.storedSize = storedSize;
    this.compressed = compressed;
  }

  /** Opens {@code file}, decompressing it when it starts with the gzip magic number. */
  public static BinarySource open(Path file) throws IOException {
    long stored = Files.size(file);
    InputStream raw = Files.newInputStream(file);
    try {
      byte[] magic = raw.readNBytes(2);
      raw.close();
      raw = Files.newInputStream(file);
      if (magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
        try {
          return new BinarySource(
              new GZIPInputStream(raw, BUFFER), file.toString(), -1, stored, true);
        } catch (ZipException | EOFException e) {
          raw.close();
          throw new DataFormatException(
              file.toString(),
              0,
              "a gzip header, but it is corrupt or truncated: " + e.getMessage(),
              e);
        }
      }
      return new BinarySource(raw, file.toString(), stored, stored, false);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** Reads {@code data} in memory, decompressing it when it starts with the gzip magic number. */
  public static BinarySource decoding(byte[] data, String name) throws IOException {
    if (data.length >= 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b) {
      try {
        return new BinarySource(
            new GZIPInputStream(new ByteArrayInputStream(data), BUFFER),
            name,
            -1,
            data.length,
            true);
      } catch (ZipException | EOFException e) {
        throw new DataFormatException(
            name, 0, "a gzip header, but it is corrupt or truncated: " + e.getMessage(), e);
      }
    }
    return of(data, name);
  }

  /** Reads {@code data} in memory as it is, named {@code name} in messages. */
  public static BinarySource of(byte[] data, String name) {
    return new BinarySource(new ByteArrayInputStream(data), name, data.length, data.length, false);
  }

  /** Reads {@code in}, whose length is {@code size} bytes or unknown (-1). */
  public static BinarySource of(InputStream in, String name, long size) {
    return new BinarySource(in, name, size, size, false);
  }

  /** The file or resource name used in messages. */
  public String name() {
    return name;
  }

  /** Bytes consumed so far (decompressed bytes for gzip). */
  public long offset() {
    return offset;
  }

  /** Total bytes of the (decompressed) content, or -1 when unknown (gzip). */
  public long size() {
    return size;
  }

  /** Bytes on disk, or -1 when unknown. */
  public long storedSize() {
    return storedSize;
  }

  /** True when the file is gzip-compressed. */
  public boolean compressed() {
    return compressed;
  }

  /** Bytes left, or -1 when the size is unknown. */
  public long remaining() {
    return size < 0 ? -1 : size - offset;
  }

  /**
   * The most bytes the rest of the content can hold: exact for plain files, the deflate bound for
   * gzip, or {@link Long#MAX_VALUE} when nothing is known.
   */
  public long remainingBound() {
    if (size >= 0) {
      return size - offset;
    }
    if (storedSize >= 0) {
      return storedSize > Long.MAX_VALUE / MAX_DEFLATE_RATIO
          ? Long.MAX_VALUE
          : storedSize * MAX_DEFLATE_RATIO;
    }
    return Long.MAX_VALUE;
  }

  /** A format error at the current offset. */
  public DataFormatException error(String expectation) {
    return new DataFormatException(name, offset, expectation);
  }

  /** A format error at {@code at}. */
  public DataFormatException error(long at, String expectation) {
    return new DataFormatException(name, at, expectation);
  }

  private boolean fill() throws IOException {
    if (ended) {
      return false;
    }
    int n;
    try {
      n = in.read(buffer, 0, BUFFER);
    } catch (ZipException | EOFException e) {
      // Corrupt or cut-off gzip data is a fault of the file, not of the machine.
      throw new DataFormatException(
          name,
          offset,
          "readable " + (compressed ? "gzip" : "") + " data, but " + e.getMessage(),
          e);
    }
    if (n <= 0) {
      ended = true;
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  /** True when no byte is left. */
  public boolean atEnd() throws IOException {
    return position >= limit && !fill();
  }

  /** One unsigned byte. */
  public int u8(String what) throws IOException {
    if (position >= limit && !fill()) {
      throw truncated(what, 1);
    }
    offset++;
    return buffer[position++] & 0xff;
  }

  private DataFormatException truncated(String what, int bytes) {
    return error(
        what + " (" + bytes + (bytes == 1 ? " byte" : " bytes") + "), but the file ends there");
  }

  private void ensure(int bytes, String what) throws IOException {
    if (limit - position >= bytes) {
      return;
    }
    // Move the tail to the front and top up; bytes is small (<= 8), the buffer large.
    int left = limit - position;
    System.arraycopy(buffer, position, buffer, 0, left);
    position = 0;
    limit = left;
    while (limit < bytes) {
      int n;
      try {
        n = ended ? -1 : in.read(buffer, limit, BUFFER - limit);
      } catch (ZipException | EOFException e) {
        throw new DataFormatException(
            name, offset + limit, "readable data, but " + e.getMessage(), e);
      }
      if (n <= 0) {
        ended = true;
        throw error(offset + left, what + " (" + bytes + " bytes), but only " + left + " remain");
      }
      limit += n;
      left = limit;
    }
  }

  /**
   * Consumes {@code bytes} (after {@link #ensure}) and returns the buffer position of the first.
   */
  private int take(int bytes, String what) throws IOException {
    ensure(bytes, what);
    int p = position;
    position += bytes;
    offset += bytes;
    return p;
  }

  /** A big-endian signed 32-bit integer. */
  public int i32be(String what) throws IOException {
    byte[] b = buffer;
    int p = take(4, what);
    return (b[p] & 0xff) << 24
        | (b[p + 1] & 0xff) << 16
        | (b[p + 2] & 0xff) << 8
        | (b[p + 3] & 0xff);
  }

  /** A little-endian signed 32-bit integer. */
  public int i32le(String what) throws IOException {
    byte[] b = buffer;
    int p = take(4, what);
    return (b[p + 3] & 0xff) << 24
        | (b[p + 2] & 0xff) << 16
        | (b[p + 1] & 0xff) << 8
        | (b[p] & 0xff);
  }

  /** A little-endian unsigned 32-bit integer. */
  public long u32le(String what) throws IOException {
    return i32le(what) & 0xffff_ffffL;
  }

  /** A little-endian unsigned 16-bit integer. */
  public int u16le(String what) throws IOException {
    int p = take(2, what);
    return (buffer[p + 1] & 0xff) << 8 | (buffer[p] & 0xff);
  }

  /** A little-endian signed 16-bit integer. */
  public short s16le(String what) throws IOException {
    return (short) u16le(what);
  }

  /**
   * Reads up to {@code length} bytes into {@code target}; returns how many were read, 0 only at the
   * end. Used by loaders that stream a large payload through a small buffer.
   */
  public int read(byte[] target, int from, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (position >= limit) {
      if (length >= BUFFER && !ended) {
        // Large reads bypass the buffer.
        int n;
        try {
          n = in.read(target, from, length);
        } catch (ZipException | EOFException e) {
          throw new DataFormatException(name, offset, "readable data, but " + e.getMessage(), e);
        }
        if (n <= 0) {
          ended = true;
          return 0;
        }
        offset += n;
        return n;
      }
      if (!fill()) {
        return 0;
      }
    }
    int n = Math.min(length, limit - position);
    System.arraycopy(buffer, position, target, from, n);
    position += n;
    offset += n;
    return n;
  }

  /** Reads exactly {@code length} bytes. */
  public void readFully(byte[] target, int from, int length, String what) throws IOException {
    long start = offset;
    int done = 0;
    while (done < length) {
      int n = read(target, from + done, length - done);
      if (n == 0) {
        throw error(start, what + " (" + length + " bytes), but only " + done + " remain");
      }
      done += n;
    }
  }

  /** Skips exactly {@code bytes} bytes. */
  public void skip(long bytes, String what) throws IOException {
    if (bytes < 0) {
      throw error("a non-negative length of " + what + ", got " + bytes);
    }
    long start = offset;
    long left = bytes;
    while (left > 0) {
      if (position >= limit && !fill()) {
        throw error(start, what + " (" + bytes + " bytes), but only " + (bytes - left) + " remain");
      }
      int n = (int) Math.min(left, limit - position);
      position += n;
      offset += n;
      left -= n;
    }
  }

  /**
   * Reads an ASCII line ending in LF (a preceding CR is dropped), or null at the end of the file.
   *
   * @throws DataFormatException when the line is longer than {@code maxLength}
   */
  public String asciiLine(int maxLength, String what) throws IOException {
    if (atEnd()) {
      return null;
    }
    StringBuilder line = new StringBuilder();
    long start = offset;
    while (true) {
      if (atEnd()) {
        break;
      }
      int c = u8(what);
      if (c == '\n') {
        break;
      }
      if (line.length() >= maxLength) {
        throw error(start, what + " of at most " + maxLength + " characters, but it runs on");
      }
      line.append((char) c);
    }
    int last = line.length() - 1;
    if (last >= 0 && line.charAt(last) == '\r') {
      line.setLength(last);
    }
    return line.toString();
  }

  /** The next byte without consuming it, or -1 at the end. */
  public int peek() throws IOException {
    return atEnd() ? -1 : buffer[position] & 0xff;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
