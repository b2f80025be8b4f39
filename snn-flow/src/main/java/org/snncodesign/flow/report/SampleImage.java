package org.snncodesign.flow.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.datasets.encoding.ValueRange;

/**
 * Pictures of one sample: grey images for {@code [h, w]} samples, red (polarity 0) / green
 * (polarity 1) frames for {@code [2, h, w]} event counts, the first channel for other {@code [c, h,
 * w]}, a line plot for 1-D samples (waveforms, feature vectors), and a raster plot (time across,
 * neurons down) for spikes. Grey levels and the line plot span the sample's own value range; write
 * the pictures with {@link PngFile#save(java.awt.image.RenderedImage, java.nio.file.Path)}.
 */
public final class SampleImage {
  private SampleImage() {}

  /**
   * The picture of one sample of shape {@code shape}: each data pixel as a {@code scale x scale}
   * square, or an 800 x 240 line plot for a sample of one dimension (or more than three).
   */
  public static BufferedImage render(float[] values, int[] shape, int scale) {
    if (shape.length == 2) {
      return grey(values, 0, shape[0], shape[1], scale);
    }
    if (shape.length == 3 && shape[0] == 2) {
      return polarity(values, shape[1], shape[2], scale);
    }
    if (shape.length == 3) {
      return grey(values, 0, shape[1], shape[2], scale);
    }
    return line(values, 800, 240);
  }

  /** The range grey levels span: the values' own, one wide when they are all equal. */
  private static ValueRange levels(float[] values, int from, int to) {
    ValueRange r = ValueRange.of(values, from, to).orElse(new ValueRange(0, 0));
    return new ValueRange(r.min(), r.max() > r.min() ? r.max() : r.min() + 1);
  }

  private static BufferedImage grey(float[] values, int offset, int rows, int cols, int scale) {
    ValueRange r = levels(values, offset, offset + rows * cols);
    BufferedImage image = new BufferedImage(cols * scale, rows * scale, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) {
        int g = Math.round(255 * (values[offset + y * cols + x] - r.min()) / (r.max() - r.min()));
        fill(image, x, y, scale, g << 16 | g << 8 | g);
      }
    }
    return image;
  }

  private static BufferedImage polarity(float[] values, int rows, int cols, int scale) {
    int plane = rows * cols;
    float peak = Math.max(levels(values, 0, 2 * plane).max(), 1e-9f);
    BufferedImage image = new BufferedImage(cols * scale, rows * scale, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) {
        int off = Math.round(255 * Math.max(0, values[y * cols + x]) / peak);
        int on = Math.round(255 * Math.max(0, values[plane + y * cols + x]) / peak);
        fill(image, x, y, scale, off << 16 | on << 8);
      }
    }
    return image;
  }

  private static void fill(BufferedImage image, int x, int y, int scale, int rgb) {
    for (int dy = 0; dy < scale; dy++) {
      for (int dx = 0; dx < scale; dx++) {
        image.setRGB(x * scale + dx, y * scale + dy, rgb);
      }
    }
  }

  private static BufferedImage line(float[] values, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.LIGHT_GRAY);
    ValueRange r = levels(values, 0, values.length);
    int zero = (int) Math.round((height - 1) * (1 - (0 - r.min()) / (r.max() - r.min())));
    if (zero >= 0 && zero < height) {
      g.drawLine(0, zero, width, zero);
    }
    g.setColor(new Color(0x1f77b4));
    int prevX = 0;
    int prevY = 0;
    for (int i = 0; i < values.length; i++) {
      int x = values.length == 1 ? 0 : (int) ((long) i * (width - 1) / (values.length - 1));
      int y = (int) Math.round((height - 1) * (1 - (values[i] - r.min()) / (r.max() - r.min())));
      if (i > 0) {
        g.drawLine(prevX, prevY, x, y);
      }
      prevX = x;
      prevY = y;
    }
    g.dispose();
    return image;
  }

  /**
   * A raster plot of {@code spikes}: time across, neurons down, each spike a black {@code scale x
   * scale} square.
   */
  public static BufferedImage raster(SpikeRaster spikes, int scale) {
    int width = Math.max(1, spikes.timeSteps() * scale);
    int height = Math.max(1, spikes.neurons() * scale);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.dispose();
    for (int t = 0; t < spikes.timeSteps(); t++) {
      for (int n = 0; n < spikes.neurons(); n++) {
        if (spikes.get(t, n)) {
          fill(image, t, n, scale, 0);
        }
      }
    }
    return image;
  }
}
