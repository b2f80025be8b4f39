package org.snncodesign.flow.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.datasets.encoding.ValueRange;
import org.snncodesign.flow.lsm.TinyMnist;

class TrainingDataTest {
  private final DatasetLocator locator = new DatasetLocator(PluginRegistry.discover());

  @Test
  @DisplayName(
      "a plugin's file without a test part is split 80/20 per class by the seed and scaled to [0, 1]"
          + " by the training part's range")
  void pluginSplitAndScaled(@TempDir Path dir) throws Exception {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      csv.append(i).append(',').append(-i).append(',').append(i % 2 == 0 ? "even" : "odd");
      csv.append('\n');
    }
    Path file = Files.writeString(dir.resolve("numbers.csv"), csv);
    TrainingData data = TrainingData.plugin(locator, "csv", file, 7);
    assertThat(data.inputs()).isEqualTo(2);
    assertThat(data.classes()).isEqualTo(2);
    assertThat(data.trainLabels()).hasSize(40);
    assertThat(data.testLabels()).hasSize(10);
    assertThat(ValueRange.of(data.trainFeatures())).contains(new ValueRange(0f, 1f));
    assertThat(ValueRange.of(data.testFeatures()).orElseThrow().min()).isGreaterThanOrEqualTo(0f);
    assertThat(ValueRange.of(data.testFeatures()).orElseThrow().max()).isLessThanOrEqualTo(1f);
    assertThat(TrainingData.load("csv", file, 7)).usingRecursiveComparison().isEqualTo(data);
    assertThat(TrainingData.plugin(locator, "csv", file, 8).trainLabels())
        .isNotEqualTo(data.trainLabels());
  }

  @Test
  @DisplayName(
      "an IDX images file read by the idx plugin gives the built-in IDX folder's parts and pixels")
  void idxThroughThePlugin(@TempDir Path dir) throws Exception {
    TinyMnist.write(dir);
    TrainingData builtIn = TrainingData.idx(new IdxDataset("tiny", dir));
    TrainingData plugin =
        TrainingData.plugin(locator, "idx", dir.resolve("train-images-idx3-ubyte"), 1);
    assertThat(plugin.trainLabels()).isEqualTo(builtIn.trainLabels());
    assertThat(plugin.testLabels()).isEqualTo(builtIn.testLabels());
    assertThat(plugin.inputs()).isEqualTo(784);
    for (int i = 0; i < builtIn.trainFeatures().length; i++) {
      assertThat(plugin.trainFeatures()[i]).isCloseTo(builtIn.trainFeatures()[i], within(1e-6f));
    }
  }
}
