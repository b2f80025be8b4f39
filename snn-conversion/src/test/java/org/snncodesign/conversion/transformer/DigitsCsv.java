package org.snncodesign.conversion.transformer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.ann.TensorShape;

/**
 * The UCI 8x8 digits from {@code ../../shared/data/digits/digits.csv.gz} (64 values 0..16, then the
 * label).
 */
public final class DigitsCsv {
  public static final Path FILE = Path.of("..", "..", "shared", "data", "digits", "digits.csv.gz");

  private DigitsCsv() {}

  public static boolean present() {
    return Files.exists(FILE);
  }

  /** Samples {@code [from, to)} of the file, pixels / 16. */
  public static LabeledImages load(int from, int to) throws IOException {
    java.util.List<String> lines = new java.util.ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(FILE)), StandardCharsets.US_ASCII))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    }
    int n = Math.min(to, lines.size()) - from;
    float[] pixels = new float[n * 64];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      String[] f = lines.get(from + i).split(",");
      for (int k = 0; k < 64; k++) {
        pixels[i * 64 + k] = Integer.parseInt(f[k].trim()) / 16f;
      }
      labels[i] = Integer.parseInt(f[64].trim());
    }
    return new LabeledImages(new TensorShape(1, 8, 8), pixels, labels, 10);
  }
}
