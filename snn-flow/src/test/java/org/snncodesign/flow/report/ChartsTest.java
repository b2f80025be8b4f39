package org.snncodesign.flow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Report charts")
class ChartsTest {
  private static final List<double[]> ALL =
      List.of(new double[] {1, 30}, new double[] {10, 3}, new double[] {5, 20});
  private static final List<double[]> FRONT = List.of(new double[] {1, 30}, new double[] {10, 3});

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  @DisplayName("a bar chart is a PNG at the given path, not .png.png")
  void bars(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("charts/bars.png");
    BarChart.write(file, "energy", "pJ", List.of("a", "b"), List.of(1.0, 1e5));
    assertThat(image(file).getWidth()).isEqualTo(800);
    assertThat(dir.resolve("charts/bars.png.png")).doesNotExist();
  }

  @Test
  @DisplayName(
      "a chart is moved in whole: it replaces an earlier file and leaves no temporary file, and a "
          + "name without .png is kept as given")
  void writtenWhole(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bars.png");
    Files.writeString(file, "an earlier run's chart");
    BarChart.write(file, "energy", "pJ", List.of("a"), List.of(1.0));
    Path unsuffixed = dir.resolve("bars-chart");
    BarChart.write(unsuffixed, "energy", "pJ", List.of("a"), List.of(1.0));

    assertThat(image(file).getWidth()).isEqualTo(800);
    assertThat(image(unsuffixed).getWidth()).isEqualTo(800);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("bars.png", "bars-chart");
    }
  }

  @Test
  @DisplayName("a Pareto chart and the accuracy-EDP chart are PNG files")
  void pareto(@TempDir Path dir) throws Exception {
    ParetoChart.write(dir.resolve("pareto.png"), "front", ALL, FRONT, new double[] {5, 25});
    AccuracyParetoChart.write(
        dir.resolve("accuracy.png"), "front", ALL, FRONT, new double[] {5, 25}, 10);
    assertThat(image(dir.resolve("pareto.png")).getHeight()).isEqualTo(550);
    assertThat(image(dir.resolve("accuracy.png")).getHeight()).isEqualTo(550);
  }

  @Test
  @DisplayName("a learning curve is a PNG file")
  void learningCurve(@TempDir Path dir) throws Exception {
    LearningCurveChart.write(
        dir.resolve("curve.png"), "train", List.of(0.5, 0.9), List.of(0.4, 0.8), List.of(0.0, 0.8));
    assertThat(image(dir.resolve("curve.png")).getWidth()).isEqualTo(800);
  }

  private static BufferedImage image(Path file) throws Exception {
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image).as(file + " is a PNG").isNotNull();
    return image;
  }
}
