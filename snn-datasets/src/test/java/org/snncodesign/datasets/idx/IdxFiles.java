package org.snncodesign.datasets.idx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests. */
final class IdxFiles {
  private IdxFiles() {}

  static byte[] images(int count, int rows, int cols, long seed) {
    ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols);
    b.putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(cols);
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    for (int i = 0; i < count * rows * cols; i++) {
      b.put((byte) random.nextInt(256));
    }
    return b.array();
  }

  static byte[] labels(int[] labels) {
    ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
    b.putInt(IdxReader.LABELS_MAGIC).putInt(labels.length);
    for (int label : labels) {
      b.put((byte) label);
    }
    return b.array();
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  static Path write(Path file, byte[] data) throws IOException {
    Files.write(file, data);
    return file;
  }
}
