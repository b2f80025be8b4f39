package org.snncodesign.cli.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.cli.CommandOutput;

@DisplayName("snn data info and snn data show")
class DataCommandTest {
  private static final PluginRegistry REGISTRY = PluginRegistry.discover();

  @Test
  @DisplayName(
      "info on embedded:digits prints format, 1,797 samples, shape [8, 8], 10 classes and the histogram")
  void infoEmbedded() throws Exception {
    CommandOutput run =
        CommandOutput.of(new DataInfoCommand(REGISTRY), "embedded:digits", "--json");
    assertThat(run.exitCode()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.lastLine());
    assertThat(json.get("format").asText()).isEqualTo("uci-digits");
    assertThat(json.get("samples").asInt()).isEqualTo(1797);
    assertThat(json.get("shape").toString()).isEqualTo("[8,8]");
    assertThat(json.get("classes").asInt()).isEqualTo(10);
    assertThat(json.get("label_counts").get("3").asInt()).isEqualTo(183);
    assertThat(json.get("value_max").asDouble()).isEqualTo(16.0);
  }

  @Test
  @DisplayName("info finds the plugin for a file by itself, and --format overrides it")
  void infoFile(@TempDir Path dir) throws Exception {
    Path csv = Files.writeString(dir.resolve("t.csv"), "a,b,y\n1,2,cat\n3,4,dog\n5,6,dog\n");
    JsonNode json =
        new ObjectMapper()
            .readTree(
                CommandOutput.of(new DataInfoCommand(REGISTRY), csv.toString(), "--json")
                    .lastLine());
    assertThat(json.get("format").asText()).isEqualTo("csv");
    assertThat(json.get("label_counts").get("dog").asInt()).isEqualTo(2);
    CommandOutput missing =
        CommandOutput.of(new DataInfoCommand(REGISTRY), dir.resolve("nope.idx").toString());
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.err()).contains("no such file");
  }

  @Test
  @DisplayName("show renders a digit as an 8x-scaled PNG")
  void show(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("d.png");
    CommandOutput run =
        CommandOutput.of(
            new DataShowCommand(REGISTRY),
            "embedded:digits",
            "--index",
            "5",
            "--output",
            png.toString(),
            "--json");
    assertThat(run.exitCode()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.lastLine());
    assertThat(json.get("label").asText()).isEqualTo("5");
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(64);
    assertThat(image.getHeight()).isEqualTo(64);
    boolean[] tones = new boolean[2];
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        int g = image.getRGB(x, y) & 0xff;
        tones[g == 0 ? 0 : 1] = true;
      }
    }
    assertThat(tones).containsOnly(true);
  }

  @Test
  @DisplayName(
      "show --coding draws the spike raster of a coded digit, time across and neurons down")
  void showRaster(@TempDir Path dir) throws Exception {
    var codings = REGISTRY.providers(org.snncodesign.api.coding.SpikeEncoder.class);
    org.junit.jupiter.api.Assumptions.assumeFalse(
        codings.isEmpty(), "skipped: no coding plugin on the class path");
    String coding = codings.get(0).name();
    Path png = dir.resolve("r.png");
    CommandOutput run =
        CommandOutput.of(
            new DataShowCommand(REGISTRY),
            "embedded:digits",
            "--coding",
            coding,
            "--steps",
            "20",
            "--scale",
            "2",
            "-o",
            png.toString(),
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.lastLine());
    assertThat(json.get("coding").asText()).isEqualTo(coding);
    assertThat(json.get("spikes").asLong()).isPositive();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(40);
    assertThat(image.getHeight()).isEqualTo(128);
  }

  @Test
  @DisplayName("show draws a waveform for 1-D samples")
  void showLine(@TempDir Path dir) throws Exception {
    Path csv = Files.writeString(dir.resolve("t.csv"), "1,2,3,4,0\n");
    Path png = dir.resolve("l.png");
    CommandOutput run =
        CommandOutput.of(
            new DataShowCommand(REGISTRY), csv.toString(), "-o", png.toString(), "--json");
    assertThat(run.exitCode()).isZero();
    assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(800);
  }
}
