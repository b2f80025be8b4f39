package org.snncodesign.conversion;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.ann.TensorShape;

/** Minimal gzip IDX reader for the tests and the MNIST run (the CLI uses snn-datasets). */
final class MnistIdx {
  private MnistIdx() {}

  /** Folder with the MNIST files from a module directory, or null when absent. */
  static Path dataDir() {
    Path dir = Path.of("..", "..", "shared", "data", "mnist");
    return Files.exists(dir.resolve("t10k-images-idx3-ubyte.gz")) ? dir : null;
  }

  /**
   * Loads {@code prefix}-images-idx3-ubyte.gz and labels, at most {@code limit} samples, pixels /
   * 255.
   */
  static LabeledImages load(Path dir, String prefix, int limit) throws IOException {
    try (DataInputStream images = open(dir.resolve(prefix + "-images-idx3-ubyte.gz"));
        DataInputStream labels = open(dir.resolve(prefix + "-labels-idx1-ubyte.gz"))) {
      if (images.readInt() != 0x803 || labels.readInt() != 0x801) {
        throw new IOException("bad IDX magic in " + dir + "/" + prefix);
      }
      int n = Math.min(limit, images.readInt());
      labels.readInt();
      int rows = images.readInt();
      int cols = images.readInt();
      byte[] raw = new byte[n * rows * cols];
      images.readFully(raw);
      byte[] rawLabels = new byte[n];
      labels.readFully(rawLabels);
      float[] pixels = new float[raw.length];
      for (int i = 0; i < raw.length; i++) {
        pixels[i] = (raw[i] & 0xff) / 255f;
      }
      int[] y = new int[n];
      for (int i = 0; i < n; i++) {
        y[i] = rawLabels[i];
      }
      return new LabeledImages(new TensorShape(1, rows, cols), pixels, y, 10);
    }
  }

  private static DataInputStream open(Path file) throws IOException {
    InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
    return new DataInputStream(in);
  }
}
