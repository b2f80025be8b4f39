package org.snncodesign.flow.report;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writes an XChart chart or an image to a PNG file, creating its folders. */
public final class PngFile {
  private PngFile() {}

  /**
   * Saves {@code chart} as {@code file}; XChart appends ".png" itself, so a given ".png" is not
   * doubled.
   */
  public static void save(Chart<?, ?> chart, Path file) throws IOException {
    createFolders(file);
    String name = file.toString();
    BitmapEncoder.saveBitmap(
        chart,
        name.endsWith(".png") ? name.substring(0, name.length() - 4) : name,
        BitmapEncoder.BitmapFormat.PNG);
  }

  /** Saves {@code image} as {@code file}, named as given. */
  public static void save(RenderedImage image, Path file) throws IOException {
    createFolders(file);
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IllegalStateException("no PNG writer in this JVM");
    }
  }

  /** The PNG beside a data file: {@code curve.csv} -> {@code curve.png} in the same folder. */
  public static Path nextTo(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".png");
  }

  private static void createFolders(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
  }
}
