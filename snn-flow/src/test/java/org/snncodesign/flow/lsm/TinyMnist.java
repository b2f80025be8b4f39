package org.snncodesign.flow.lsm;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny MNIST folder for tests: 12 training and 4 test images where image i lights row {@code i %
 * 28}.
 */
public final class TinyMnist {
  private TinyMnist() {}

  /**
   * Writes an IDX images file of {@code count} 28 x 28 images where image i lights row {@code i %
   * 28}.
   */
  private static void writeImages(Path file, int count) throws IOException {
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
      out.writeInt(0x0803);
      out.writeInt(count);
      out.writeInt(28);
      out.writeInt(28);
      for (int i = 0; i < count; i++) {
        for (int r = 0; r < 28; r++) {
          for (int c = 0; c < 28; c++) {
            out.writeByte(r == i % 28 ? 255 : 0);
          }
        }
      }
    }
  }

  private static void writeLabels(Path file, int count) throws IOException {
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
      out.writeInt(0x0801);
      out.writeInt(count);
      for (int i = 0; i < count; i++) {
        out.writeByte(i % 10);
      }
    }
  }

  /** Writes the four IDX files into {@code dir} and returns it. */
  public static Path write(Path dir) throws IOException {
    writeImages(dir.resolve("train-images-idx3-ubyte"), 12);
    writeLabels(dir.resolve("train-labels-idx1-ubyte"), 12);
    writeImages(dir.resolve("t10k-images-idx3-ubyte"), 4);
    writeLabels(dir.resolve("t10k-labels-idx1-ubyte"), 4);
    return dir;
  }
}
