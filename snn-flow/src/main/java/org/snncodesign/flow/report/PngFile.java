package org.snncodesign.flow.report;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.snncodesign.api.io.AtomicFile;

/**
 * Writes an XChart chart or an image to a PNG file, creating its folders; the file is written under
 * a temporary name and moved in when complete ({@link AtomicFile}).
 */
public final class PngFile {
  private PngFile() {}

  /** Saves {@code chart} as {@code file}, named as given. */
  public static void save(Chart<?, ?> chart, Path file) throws IOException {
    createFolders(file);
    // XChart's file-name form appends ".png" to whatever it is given and writes in place; through a
    // stream the name stays ours and the file can be moved in whole.
    AtomicFile.write(
        file,
        temporary -> {
          try (OutputStream out = Files.newOutputStream(temporary)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
          }
        });
  }

  /** Saves {@code image} as {@code file}, named as given. */
  public static void save(RenderedImage image, Path file) throws IOException {
    createFolders(file);
    AtomicFile.write(
        file,
        temporary -> {
          if (!ImageIO.write(image, "png", temporary.toFile())) {
            throw new IllegalStateException("no PNG writer in this JVM");
          }
        });
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
