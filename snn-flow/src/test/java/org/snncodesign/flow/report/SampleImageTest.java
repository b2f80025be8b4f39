package org.snncodesign.flow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.spike.SpikeRaster;

@DisplayName("A sample's picture")
class SampleImageTest {

  private static int rgb(BufferedImage image, int x, int y) {
    return image.getRGB(x, y) & 0xffffff;
  }

  @Test
  @DisplayName(
      "of an image spans black to white over the sample's range, each pixel a scale x scale square")
  void grey() {
    BufferedImage image = SampleImage.render(new float[] {2, 4, 6, 3}, new int[] {2, 2}, 3);
    assertThat(image.getWidth()).isEqualTo(6);
    assertThat(image.getHeight()).isEqualTo(6);
    assertThat(rgb(image, 0, 0)).isEqualTo(0x000000);
    assertThat(rgb(image, 2, 2)).isEqualTo(0x000000);
    assertThat(rgb(image, 0, 3)).isEqualTo(0xffffff);
    assertThat(rgb(image, 3, 0)).isEqualTo(0x808080);
  }

  @Test
  @DisplayName("of event counts shows off events red and on events green")
  void polarity() {
    BufferedImage image = SampleImage.render(new float[] {4, 0, 0, 4}, new int[] {2, 1, 2}, 1);
    assertThat(rgb(image, 0, 0)).isEqualTo(0xff0000);
    assertThat(rgb(image, 1, 0)).isEqualTo(0x00ff00);
  }

  @Test
  @DisplayName("of a 1-D sample is an 800 x 240 line plot")
  void line() {
    BufferedImage image = SampleImage.render(new float[] {0, 1, -1, 0.5f}, new int[] {4}, 8);
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(240);
  }

  @Test
  @DisplayName(
      "of spikes marks each spike black on white, time across and neurons down, and saves as PNG")
  void raster(@TempDir Path dir) throws Exception {
    SpikeRaster spikes = new SpikeRaster(3, 2);
    spikes.set(2, 1);
    BufferedImage image = SampleImage.raster(spikes, 2);
    assertThat(image.getWidth()).isEqualTo(6);
    assertThat(image.getHeight()).isEqualTo(4);
    assertThat(rgb(image, 4, 2)).isEqualTo(0x000000);
    assertThat(rgb(image, 0, 0)).isEqualTo(0xffffff);
    Path file = dir.resolve("pics/raster.png");
    PngFile.save(image, file);
    assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(6);
  }
}
