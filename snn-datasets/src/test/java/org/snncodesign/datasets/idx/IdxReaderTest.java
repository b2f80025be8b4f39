package org.snncodesign.datasets.idx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.datasets.DataFormatException;
import org.snncodesign.datasets.SharedData;
import org.snncodesign.datasets.io.BinarySource;

class IdxReaderTest {

  @Test
  @DisplayName(
      "a generated image/label pair loads with the written pixels and labels, plain and gzip alike")
  void roundTrip(@TempDir Path dir) throws IOException {
    byte[] images = IdxFiles.images(5, 3, 4, 7);
    int[] labels = {0, 3, 1, 3, 2};
    IdxFiles.write(dir.resolve("toy-images-idx3-ubyte"), images);
    IdxFiles.write(dir.resolve("toy-labels-idx1-ubyte"), IdxFiles.labels(labels));
    IdxFiles.write(dir.resolve("zip-images-idx3-ubyte.gz"), IdxFiles.gzip(images));
    IdxFiles.write(dir.resolve("zip-labels-idx1-ubyte.gz"), IdxFiles.gzip(IdxFiles.labels(labels)));
    for (String name : new String[] {"toy-images-idx3-ubyte", "zip-images-idx3-ubyte.gz"}) {
      LabeledDataset set = new IdxDatasetProvider().load(dir.resolve(name));
      assertThat(set.shape()).containsExactly(3, 4);
      assertThat(set.labels()).containsExactly(labels);
      assertThat(set.classes()).isEqualTo(4);
      for (int i = 0; i < 60; i++) {
        assertThat(set.features()[i]).isEqualTo(images[16 + i] & 0xff);
      }
    }
  }

  @Test
  @DisplayName("the labels file is found by the usual names, with or without .gz")
  void labelsNaming(@TempDir Path dir) throws IOException {
    IdxFiles.write(dir.resolve("train-labels-idx1-ubyte"), IdxFiles.labels(new int[] {1}));
    IdxFiles.write(dir.resolve("t10k-labels.idx1-ubyte"), IdxFiles.labels(new int[] {1}));
    assertThat(IdxReader.labelsFileFor(dir.resolve("train-images-idx3-ubyte.gz")).getFileName())
        .hasToString("train-labels-idx1-ubyte");
    assertThat(IdxReader.labelsFileFor(dir.resolve("t10k-images.idx3-ubyte")).getFileName())
        .hasToString("t10k-labels.idx1-ubyte");
    assertThatThrownBy(() -> IdxReader.labelsFileFor(dir.resolve("other-images-idx3-ubyte")))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("other-labels-idx1-ubyte");
  }

  @Test
  @DisplayName("the real MNIST training and test sets load with 60,000 and 10,000 28x28 images")
  void realMnist() throws IOException {
    Path train = SharedData.require("mnist", "train-images-idx3-ubyte.gz");
    LabeledDataset set = IdxReader.load(train);
    assertThat(set.samples()).isEqualTo(60_000);
    assertThat(set.shape()).containsExactly(28, 28);
    assertThat(set.classes()).isEqualTo(10);
    // Known MNIST facts: the first training labels are 5, 0, 4, 1, 9 and class 1 is the most
    // frequent (6,742).
    assertThat(Arrays.copyOf(set.labels(), 5)).containsExactly(5, 0, 4, 1, 9);
    assertThat(set.labelCounts()[1]).isEqualTo(6742);
    LabeledDataset test = IdxReader.load(SharedData.require("mnist", "t10k-images-idx3-ubyte.gz"));
    assertThat(test.samples()).isEqualTo(10_000);
    assertThat(test.labels()[0]).isEqualTo(7);
  }

  @Test
  @DisplayName("the real Fashion-MNIST test set loads with 10,000 images over 10 balanced classes")
  void realFashion() throws IOException {
    LabeledDataset set =
        IdxReader.load(SharedData.require("fashion-mnist", "t10k-images-idx3-ubyte.gz"));
    assertThat(set.samples()).isEqualTo(10_000);
    assertThat(set.labelCounts()).containsOnly(1000);
  }

  @Test
  @DisplayName("a wrong magic number is refused at offset 0 naming both numbers")
  void wrongMagic() {
    byte[] data = IdxFiles.labels(new int[] {1, 2});
    assertThatThrownBy(() -> IdxReader.readImages(BinarySource.of(data, "f")))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("f, byte offset 0")
        .hasMessageContaining("0x00000803")
        .hasMessageContaining("0x00000801");
    data[2] = 0x0D;
    assertThatThrownBy(() -> IdxReader.readLabels(BinarySource.of(data, "f")))
        .hasMessageContaining("data type 0x0d");
  }

  @Test
  @DisplayName(
      "a truncated plain file is refused before any large allocation, naming declared and real sizes")
  void truncated() {
    byte[] data = Arrays.copyOf(IdxFiles.images(4, 2, 2, 1), 16 + 10);
    assertThatThrownBy(() -> IdxReader.readImages(BinarySource.of(data, "t")))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("byte offset 16")
        .hasMessageContaining("16 value bytes")
        .hasMessageContaining("holds 10 (truncated)");
  }

  @Test
  @DisplayName("trailing bytes after the declared data are refused")
  void trailing() {
    byte[] data = Arrays.copyOf(IdxFiles.labels(new int[] {1, 2}), 12);
    assertThatThrownBy(() -> IdxReader.readLabels(BinarySource.of(data, "t")))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("2 trailing bytes");
  }

  @Test
  @DisplayName("dimensions whose product overflows an array are refused as overflow")
  void overflow() {
    byte[] data =
        ByteBuffer.allocate(16)
            .putInt(IdxReader.IMAGES_MAGIC)
            .putInt(70_000)
            .putInt(70_000)
            .putInt(28)
            .array();
    assertThatThrownBy(() -> IdxReader.readImages(BinarySource.of(data, "o")))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("overflows");
    byte[] negative = ByteBuffer.allocate(8).putInt(IdxReader.LABELS_MAGIC).putInt(-5).array();
    assertThatThrownBy(() -> IdxReader.readLabels(BinarySource.of(negative, "n")))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("byte offset 4");
  }

  @Test
  @DisplayName(
      "a gzip file whose header claims a billion pixels fails at the end of its data, not with OutOfMemory")
  void forgedGzipHeader(@TempDir Path dir) throws IOException {
    byte[] data =
        ByteBuffer.allocate(16 + 100)
            .putInt(IdxReader.IMAGES_MAGIC)
            .putInt(1_000_000)
            .putInt(40)
            .putInt(40)
            .array();
    Path file = IdxFiles.write(dir.resolve("big-images-idx3-ubyte.gz"), IdxFiles.gzip(data));
    assertThatThrownBy(() -> IdxReader.readImages(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("gzip bytes can expand to");
    // Within the deflate bound but still more than the stream holds: fails when the data runs out.
    byte[] modest = IdxFiles.images(2, 28, 28, 5);
    ByteBuffer.wrap(modest).putInt(4, 100);
    Path small = IdxFiles.write(dir.resolve("small-images-idx3-ubyte.gz"), IdxFiles.gzip(modest));
    assertThatThrownBy(() -> IdxReader.readImages(small))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("the 78400 pixel bytes")
        .hasMessageContaining("ends after 1568");
  }

  @Test
  @DisplayName("a cut-off gzip stream is a data-format error, not an EOFException")
  void truncatedGzip(@TempDir Path dir) throws IOException {
    byte[] gz = IdxFiles.gzip(IdxFiles.images(20, 10, 10, 3));
    Path file =
        IdxFiles.write(dir.resolve("cut-images-idx3-ubyte.gz"), Arrays.copyOf(gz, gz.length / 2));
    assertThatThrownBy(() -> IdxReader.readImages(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("cut-images-idx3-ubyte.gz");
  }

  @Test
  @DisplayName("image and label counts that differ are refused naming both files")
  void countMismatch(@TempDir Path dir) throws IOException {
    IdxFiles.write(dir.resolve("a-images-idx3-ubyte"), IdxFiles.images(3, 2, 2, 1));
    IdxFiles.write(dir.resolve("a-labels-idx1-ubyte"), IdxFiles.labels(new int[] {1, 2}));
    assertThatThrownBy(() -> IdxReader.load(dir.resolve("a-images-idx3-ubyte")))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("a-labels-idx1-ubyte")
        .hasMessageContaining("(3), got 2");
  }
}
