package org.snncodesign.datasets.digits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.dataset.DatasetProvider;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.datasets.DataFormatException;

class EmbeddedDigitsTest {

  @Test
  @DisplayName("the embedded digits hold 1,797 samples of 8x8 values in 0..16 over 10 classes")
  void embeddedShape() {
    LabeledDataset digits = EmbeddedDigits.load();
    assertThat(digits.samples()).isEqualTo(1797);
    assertThat(digits.shape()).containsExactly(8, 8);
    assertThat(digits.classes()).isEqualTo(10);
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float v : digits.features()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertThat(min).isEqualTo(0f);
    assertThat(max).isEqualTo(16f);
    assertThat(digits.labelCounts())
        .containsExactly(178, 182, 177, 183, 181, 182, 181, 179, 174, 180);
  }

  @Test
  @DisplayName("the first embedded sample is the scikit-learn digit 0, pixel for pixel")
  void firstSample() {
    LabeledDataset digits = EmbeddedDigits.load();
    assertThat(digits.labels()[0]).isZero();
    assertThat(digits.sample(0)).startsWith(0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0);
  }

  @Test
  @DisplayName("the citation names the authors, the repository and the CC BY 4.0 licence")
  void citation() {
    assertThat(EmbeddedDigits.citation())
        .contains("Alpaydin", "Kaynak", "1998", "UCI", "CC BY 4.0");
  }

  @Test
  @DisplayName("the uci-digits provider is found by ServiceLoader and returns the embedded set")
  void provider() throws IOException {
    DatasetProvider provider =
        ServiceLoader.load(DatasetProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.name().equals("uci-digits"))
            .findFirst()
            .orElseThrow();
    assertThat(provider.embedded()).containsSame(EmbeddedDigits.load());
  }

  @Test
  @DisplayName("the provider reads a user's file in the same layout, plain or gzip")
  void loadsUserFile(@TempDir Path dir) throws IOException {
    String text = "0,".repeat(64) + "3\n\n" + "16,".repeat(64) + "9\n";
    Path plain = dir.resolve("digits-mine.csv");
    Files.writeString(plain, text);
    Path gz = dir.resolve("digits-mine.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
    UciDigitsProvider provider = new UciDigitsProvider();
    assertThat(provider.accepts(plain)).isTrue();
    for (Path file : new Path[] {plain, gz}) {
      LabeledDataset set = provider.load(file);
      assertThat(set.samples()).isEqualTo(2);
      assertThat(set.labels()).containsExactly(3, 9);
      assertThat(set.sample(1)).containsOnly(16f);
    }
  }

  @Test
  @DisplayName("a pixel above 16 is refused with the file, line and column")
  void rejectsOutOfRange(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("digits.csv");
    Files.writeString(file, "0,".repeat(64) + "3\n" + "0,17," + "0,".repeat(62) + "1\n");
    assertThatThrownBy(() -> new UciDigitsProvider().load(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("digits.csv, line 2, column 3")
        .hasMessageContaining("got 17");
  }

  @Test
  @DisplayName("a line with the wrong number of fields is refused")
  void rejectsShortLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("digits.csv");
    Files.writeString(file, "0,".repeat(10) + "3\n");
    assertThatThrownBy(() -> new UciDigitsProvider().load(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("got 11");
  }

  @Test
  @DisplayName("a non-numeric field is refused with its text")
  void rejectsText(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("digits.csv");
    Files.writeString(file, "0,x," + "0,".repeat(62) + "3\n");
    assertThatThrownBy(() -> new UciDigitsProvider().load(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("'x'");
  }
}
