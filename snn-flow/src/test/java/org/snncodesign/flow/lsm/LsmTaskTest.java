package org.snncodesign.flow.lsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.flow.data.DatasetLocator;

class LsmTaskTest {

  private static int spikesAt(SpikeRaster raster, int t0, int t1) {
    int n = 0;
    for (int t = t0; t < t1; t++) {
      for (int c = 0; c < raster.neurons(); c++) {
        n += raster.get(t, c) ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  @DisplayName(
      "MNIST is presented row by row: 28 channels, 5 steps per row, spikes only while the lit row is shown")
  void mnistRowByRow(@TempDir Path dir) throws IOException {
    LsmTask task = LsmTask.mnist(TinyMnist.write(dir), 0, line -> {});
    assertThat(task.name()).isEqualTo("mnist");
    assertThat(task.inputs()).hasSize(16);
    assertThat(task.channels()).isEqualTo(28);
    assertThat(task.classes()).isEqualTo(10);
    SpikeRaster third = task.inputs().get(3);
    assertThat(third.timeSteps()).isEqualTo(28 * LsmTask.MNIST_STEPS_PER_ROW);
    // Image 3 lights row 3 (value 1): 0.5 spikes per step on all 28 channels during steps 15..19
    // only.
    assertThat(spikesAt(third, 15, 20)).isBetween(2 * 28, 3 * 28);
    assertThat(spikesAt(third, 0, 15) + spikesAt(third, 20, third.timeSteps())).isZero();
    assertThat(task.labels()[13]).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "an IDX file read by the idx data-set plugin is presented as the built-in MNIST task, with its"
          + " t10k file as the test part")
  void pluginDataAsMnist(@TempDir Path dir) throws IOException {
    LsmTask builtIn = LsmTask.mnist(TinyMnist.write(dir), 0, line -> {});
    LsmTask plugin =
        LsmTask.plugin(
            new DatasetLocator(PluginRegistry.discover()),
            "idx",
            dir.resolve("train-images-idx3-ubyte"),
            0,
            line -> {});
    assertThat(plugin.inputs()).isEqualTo(builtIn.inputs());
    assertThat(plugin.labels()).isEqualTo(builtIn.labels());
    assertThat(plugin.officialTest()).isEqualTo(builtIn.officialTest());
    assertThat(plugin.channels()).isEqualTo(28);
    assertThat(plugin.officialSplit()).isEqualTo("official (the data set's own test file)");
    assertThat(LsmTask.digits(null, 40).officialSplit()).startsWith("every 4th sample");
  }

  @Test
  @DisplayName(
      "MNIST keeps the official split: training-file samples first, then the test file's, 5:1 in a subset")
  void mnistSplit(@TempDir Path dir) throws IOException {
    LsmTask all = LsmTask.mnist(TinyMnist.write(dir), 0, line -> {});
    assertThat(all.select(all.officialTest(), true)).containsExactly(12, 13, 14, 15);
    LsmTask subset = LsmTask.mnist(dir, 6, line -> {});
    assertThat(subset.select(subset.officialTest(), false)).hasSize(5);
    assertThat(subset.select(subset.officialTest(), true)).containsExactly(5);
    assertThatThrownBy(() -> LsmTask.mnist(dir.resolve("absent"), 0, line -> {}))
        .hasMessageContaining("absent");
  }

  @Test
  @DisplayName(
      "FSDD with BSA gives 32-channel trains of 5 steps per frame that differ from the rate code (skipped "
          + "without the data)")
  void fsddBsa() throws IOException {
    Path folder = Path.of("..", "..", "shared", "data", "fsdd", "recordings");
    assumeTrue(Files.isDirectory(folder), "FSDD not found at " + folder.toAbsolutePath());
    LsmTask rate = LsmTask.fsdd(folder, 12, "rate", line -> {});
    LsmTask bsa = LsmTask.fsdd(folder, 12, "bsa", line -> {});
    assertThat(bsa.labels()).containsExactly(rate.labels());
    int differing = 0;
    for (int i = 0; i < 12; i++) {
      SpikeRaster r = rate.inputs().get(i);
      SpikeRaster b = bsa.inputs().get(i);
      assertThat(b.neurons()).isEqualTo(LsmTask.FSDD_CHANNELS);
      assertThat(b.timeSteps()).isEqualTo(r.timeSteps());
      assertThat(b.timeSteps() % LsmTask.FSDD_STEPS_PER_FRAME).isZero();
      assertThat(b.count()).isPositive();
      differing += java.util.Arrays.equals(r.words(), b.words()) ? 0 : 1;
    }
    assertThat(differing).isEqualTo(12);
    assertThatThrownBy(() -> LsmTask.fsdd(folder, 12, "latency", line -> {}))
        .hasMessageContaining("latency");
  }
}
