package org.snncodesign.flow.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.dataset.DatasetProvider;

class IdxDatasetTest {
  private static final Path FASHION = Path.of("..", "..", "shared", "data", "fashion-mnist");

  @Test
  @DisplayName(
      "fashion-mnist is a data set of its own name, read from the same IDX file names as MNIST")
  void fashionMnistKeepsItsName() throws IOException {
    assumeTrue(Files.isDirectory(FASHION), "Fashion-MNIST not in ../../shared/data/fashion-mnist");

    TrainingData data = TrainingData.load("fashion-mnist", FASHION, 1);

    assertThat(data.name()).isEqualTo("fashion-mnist");
    assertThat(data.trainLabels()).hasSize(60_000);
    assertThat(data.testLabels()).hasSize(10_000);
  }

  @Test
  @DisplayName("idx:NAME names any IDX folder NAME")
  void userNamedFolder() {
    IdxDataset data = IdxDataset.of("idx:kmnist", Path.of("anywhere"));

    assertThat(data.name()).isEqualTo("kmnist");
    assertThat(IdxDataset.names("idx:kmnist")).isTrue();
    assertThat(IdxDataset.names("cifar")).isFalse();
  }

  @Test
  @DisplayName("An unknown data set name is refused naming the choices")
  void unknownName() {
    assertThatThrownBy(() -> TrainingData.load("fashion", Path.of("."), 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'fashion'")
        .hasMessageContaining("fashion-mnist")
        .hasMessageContaining("idx:NAME");
  }

  @Test
  @DisplayName(
      "The checksum is the SHA-256 of the four files' bytes in the order train images, train labels,"
          + " t10k images, t10k labels")
  void checksumOverFilesInFixedOrder(@TempDir Path dir) throws Exception {
    String[] files = {
      "train-images-idx3-ubyte",
      "train-labels-idx1-ubyte",
      "t10k-images-idx3-ubyte",
      "t10k-labels-idx1-ubyte"
    };
    StringBuilder all = new StringBuilder();
    for (String file : files) {
      Files.writeString(dir.resolve(file), file);
      all.append(file);
    }
    String expected =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(all.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

    assertThat(IdxDataset.of("idx:toy", dir).sha256()).isEqualTo(expected);
  }

  @Test
  @DisplayName("A missing IDX file is refused naming the file and the data set")
  void missingFile(@TempDir Path dir) {
    assertThatThrownBy(() -> IdxDataset.of("fashion-mnist", dir).images("t10k"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("t10k-images-idx3-ubyte")
        .hasMessageContaining("fashion-mnist");
  }

  @Test
  @DisplayName(
      "every data-set name the flow reads itself is one a data-set plugin may not take, so none is"
          + " hidden behind a built-in set")
  void builtInNamesAreReserved() {
    List<String> flowNames = new ArrayList<>(IdxDataset.KNOWN);
    flowNames.addAll(List.of("digits", "fsdd", IdxDataset.USER_NAMED + "kmnist"));
    assertThat(flowNames).allMatch(DatasetProvider::builtInName);
    assertThat(DatasetProvider.builtInName("uci-digits")).isFalse();
  }
}
