package org.snncodesign.flow.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.ann.TensorShape;
import org.snncodesign.flow.lsm.TinyMnist;

class PluginImagesTest {
  private final DatasetLocator locator = new DatasetLocator(PluginRegistry.discover());

  @Test
  @DisplayName("IDX files read by the idx plugin are the IDX folder's images, parts and labels")
  void idxThroughThePlugin(@TempDir Path dir) throws Exception {
    TinyMnist.write(dir);
    IdxDataset folder = new IdxDataset("tiny", dir);
    PluginImages plugin =
        PluginImages.load(locator, "idx", dir.resolve("train-images-idx3-ubyte"), 1);
    LabeledImages expected = folder.test(3);
    LabeledImages actual = plugin.test(3);
    assertThat(actual.shape()).isEqualTo(new TensorShape(1, 28, 28));
    assertThat(actual.labels()).isEqualTo(expected.labels());
    for (int i = 0; i < expected.pixels().length; i++) {
      assertThat(actual.pixels()[i]).isCloseTo(expected.pixels()[i], within(1e-6f));
    }
    assertThat(plugin.train(100).count()).isEqualTo(12);
    assertThat(plugin.sha256()).matches("[0-9a-f]{64}").isNotEqualTo(folder.sha256());
  }

  @Test
  @DisplayName("a flat CSV sample is a 1 x 1 x n image, and an unknown plugin is refused by name")
  void flatSamples(@TempDir Path dir) throws Exception {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      csv.append(i).append(',').append(2 * i).append(',').append(i % 2).append('\n');
    }
    Path file = Files.writeString(dir.resolve("flat.csv"), csv);
    PluginImages images = PluginImages.load(locator, "csv", file, 3);
    assertThat(images.train(100).shape()).isEqualTo(new TensorShape(1, 1, 2));
    assertThat(images.train(100).count() + images.test(100).count()).isEqualTo(10);
    assertThat(ImageSet.of("csv", file, 3, PluginRegistry.discover()).name())
        .isEqualTo(images.name());
    assertThatThrownBy(() -> ImageSet.of("no-such", file, 3, PluginRegistry.discover()))
        .hasMessageStartingWith("unknown data set 'no-such'");
  }
}
