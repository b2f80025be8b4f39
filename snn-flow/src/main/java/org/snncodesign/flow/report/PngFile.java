package org.snncodesign.flow.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writes an XChart chart to a PNG file, creating its folders. */
public final class PngFile {
  private PngFile() {}

  /** Saves {@code chart} as {@code file}; XChart appends ".png" itself, so a given ".png" is not doubled. */
  public static void save(Chart<?, ?> chart, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    String name = file.toString();
    BitmapEncoder.saveBitmap(chart, name.endsWith(".png") ? name.substring(0, name.length() - 4) : name,
        BitmapEncoder.BitmapFormat.PNG);
  }
}
