package org.snncodesign.datasets.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.datasets.DataFormatException;
import org.snncodesign.datasets.audio.WavFile;
import org.snncodesign.datasets.events.AedatReader;
import org.snncodesign.datasets.events.NmnistReader;
import org.snncodesign.datasets.idx.IdxReader;
import org.snncodesign.datasets.io.BinarySource;

/**
 * At least 10,000 mutated inputs per binary format: each parser either returns or throws {@link
 * DataFormatException}; any other exception or error (including OutOfMemoryError from a forged
 * size) fails the test with the iteration and seed to replay it, and a hang fails the time limit.
 */
class ParserFuzzTest {
  private static final int INPUTS = 10_000;
  private static final Duration LIMIT = Duration.ofSeconds(20);

  @FunctionalInterface
  private interface Parser {
    Object parse(BinarySource in) throws IOException;
  }

  private static void fuzz(
      String format, byte[] valid, long seed, boolean unknownSize, Parser parser) {
    fuzz(format, valid, seed, unknownSize, parser, false);
  }

  /**
   * As above; with {@code gzip} the inputs are compressed files, decoded as {@link
   * BinarySource#open} would.
   */
  private static void fuzz(
      String format, byte[] valid, long seed, boolean unknownSize, Parser parser, boolean gzip) {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          // The unmutated file must parse, or the loop would only test the first check.
          assertThat(
                  parser.parse(
                      gzip ? BinarySource.decoding(valid, format) : BinarySource.of(valid, format)))
              .isNotNull();
          Mutator mutator = new Mutator(seed);
          int accepted = 0;
          int refused = 0;
          for (int i = 0; i < INPUTS; i++) {
            byte[] input = mutator.mutate(valid);
            try {
              BinarySource in =
                  gzip
                      ? BinarySource.decoding(input, format)
                      : unknownSize && i % 2 == 1
                          ? BinarySource.of(new ByteArrayInputStream(input), format, -1)
                          : BinarySource.of(input, format);
              parser.parse(in);
              accepted++;
            } catch (DataFormatException expected) {
              refused++;
              assertThat(expected.getMessage()).startsWith(format);
            } catch (Throwable other) {
              fail(
                  format
                      + " input "
                      + i
                      + " (mutator seed "
                      + seed
                      + ", "
                      + input.length
                      + " bytes) threw "
                      + other,
                  other);
            }
          }
          assertThat(accepted + refused).isEqualTo(INPUTS);
          // Mutations must reach past the first check: some inputs fail, and some still parse.
          assertThat(refused).isPositive();
        },
        () -> format + " fuzzing exceeded " + LIMIT + " (a hang?)");
  }

  private static byte[] idxImages() {
    ByteBuffer b = ByteBuffer.allocate(16 + 3 * 4 * 5);
    b.putInt(IdxReader.IMAGES_MAGIC).putInt(3).putInt(4).putInt(5);
    for (int i = 0; i < 60; i++) {
      b.put((byte) (i * 7));
    }
    return b.array();
  }

  private static byte[] wav() {
    int frames = 40;
    ByteBuffer b = ByteBuffer.allocate(44 + 14 + frames * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + 14 + frames * 2).put("WAVE".getBytes());
    b.put("fmt ".getBytes())
        .putInt(16)
        .putShort((short) 1)
        .putShort((short) 1)
        .putInt(8000)
        .putInt(16000)
        .putShort((short) 2)
        .putShort((short) 16);
    b.put("LIST".getBytes()).putInt(5).put("abcde".getBytes()).put((byte) 0);
    b.put("data".getBytes()).putInt(frames * 2);
    for (int i = 0; i < frames; i++) {
      b.putShort((short) (i * 800 - 16000));
    }
    return b.array();
  }

  private static long[][] events(int n, int side, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[][] events = new long[n][];
    for (int i = 0; i < n; i++) {
      events[i] =
          new long[] {random.nextInt(side), random.nextInt(side), random.nextInt(2), i * 10L};
    }
    return events;
  }

  private static byte[] nmnist() {
    ByteBuffer b = ByteBuffer.allocate(30 * 5);
    for (long[] e : events(30, 34, 1)) {
      b.put((byte) e[0])
          .put((byte) e[1])
          .put((byte) (e[2] << 7))
          .put((byte) (e[3] >>> 8))
          .put((byte) e[3]);
    }
    return b.array();
  }

  private static byte[] aedat2() {
    byte[] header = "#!AER-DAT2.0\r\n# raw\r\n".getBytes();
    ByteBuffer b = ByteBuffer.allocate(header.length + 20 * 8);
    b.put(header);
    for (long[] e : events(20, 128, 2)) {
      b.putInt((int) (e[1] << 8 | e[0] << 1 | e[2])).putInt((int) e[3]);
    }
    return b.array();
  }

  private static byte[] aedat3() {
    byte[] header = "#!AER-DAT3.1\r\n#Format: RAW\r\n#!END-HEADER\r\n".getBytes();
    ByteBuffer b =
        ByteBuffer.allocate(header.length + 28 + 16 + 28 + 12 * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.put(header);
    b.putShort((short) 2)
        .putShort((short) 1)
        .putInt(8)
        .putInt(4)
        .putInt(0)
        .putInt(2)
        .putInt(2)
        .putInt(2)
        .putLong(1)
        .putLong(2);
    b.putShort((short) 1)
        .putShort((short) 1)
        .putInt(8)
        .putInt(4)
        .putInt(0)
        .putInt(12)
        .putInt(12)
        .putInt(12);
    for (long[] e : events(12, 128, 3)) {
      b.putInt((int) (e[0] << 17 | e[1] << 2 | e[2] << 1 | 1)).putInt((int) e[3]);
    }
    return b.array();
  }

  @Test
  @DisplayName("10,000 mutated IDX image files give results or DataFormatException only")
  void idxImagesFuzz() {
    fuzz("images.idx", idxImages(), 101, true, IdxReader::readImages);
  }

  @Test
  @DisplayName("10,000 mutated IDX label files give results or DataFormatException only")
  void idxLabelsFuzz() {
    ByteBuffer b = ByteBuffer.allocate(8 + 50).putInt(IdxReader.LABELS_MAGIC).putInt(50);
    for (int i = 0; i < 50; i++) {
      b.put((byte) (i % 10));
    }
    fuzz("labels.idx", b.array(), 102, true, IdxReader::readLabels);
  }

  @Test
  @DisplayName(
      "10,000 mutated gzip-compressed IDX image files give results or DataFormatException only")
  void idxGzipFuzz() throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
      out.write(idxImages());
    }
    byte[] gz = bytes.toByteArray();
    assertThat(IdxReader.readImages(BinarySource.decoding(gz, "images.idx.gz")).count())
        .isEqualTo(3);
    fuzz("images.idx.gz", gz, 107, false, IdxReader::readImages, true);
  }

  @Test
  @DisplayName("10,000 mutated WAV files give results or DataFormatException only")
  void wavFuzz() {
    fuzz("clip.wav", wav(), 103, true, WavFile::read);
  }

  @Test
  @DisplayName("10,000 mutated N-MNIST event files give results or DataFormatException only")
  void nmnistFuzz() {
    fuzz("events.bin", nmnist(), 104, true, NmnistReader::read);
  }

  @Test
  @DisplayName("10,000 mutated AEDAT 2.0 files give results or DataFormatException only")
  void aedat2Fuzz() {
    fuzz("rec2.aedat", aedat2(), 105, true, AedatReader::read);
  }

  @Test
  @DisplayName("10,000 mutated AEDAT 3.1 files give results or DataFormatException only")
  void aedat3Fuzz() {
    fuzz("rec3.aedat", aedat3(), 106, true, AedatReader::read);
  }
}
