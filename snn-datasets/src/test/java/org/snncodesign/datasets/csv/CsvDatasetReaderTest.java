package org.snncodesign.datasets.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.datasets.DataFormatException;
import org.snncodesign.datasets.SharedData;

class CsvDatasetReaderTest {

  private static LabeledDataset read(CsvDatasetReader reader, String text) throws IOException {
    return reader.read(new StringReader(text), "t.csv");
  }

  @Test
  @DisplayName("a header is detected and text labels become classes in text order")
  void detectsHeader() throws IOException {
    LabeledDataset set =
        read(
            CsvDatasetReader.defaults(), "a,b,species\n1,2,setosa\n3.5,-4,virginica\n0,0,setosa\n");
    assertThat(set.samples()).isEqualTo(3);
    assertThat(set.shape()).containsExactly(2);
    assertThat(set.classNames()).containsExactly("setosa", "virginica");
    assertThat(set.labels()).containsExactly(0, 1, 0);
    assertThat(set.features()).containsExactly(1, 2, 3.5f, -4, 0, 0);
  }

  @Test
  @DisplayName("without a header the first record is data, and integer labels sort numerically")
  void noHeader() throws IOException {
    LabeledDataset set = read(CsvDatasetReader.defaults(), "1,2,10\n3,4,9\n5,6,2\n");
    assertThat(set.samples()).isEqualTo(3);
    assertThat(set.classNames()).containsExactly("2", "9", "10");
    assertThat(set.labels()).containsExactly(2, 1, 0);
  }

  @Test
  @DisplayName("the label column can be chosen by name or by index")
  void labelColumn() throws IOException {
    String text = "y,x1,x2\n1,0.5,0.25\n0,1,2\n";
    LabeledDataset byName = read(CsvDatasetReader.builder().labelColumn("y").build(), text);
    LabeledDataset byIndex =
        read(CsvDatasetReader.builder().labelColumn(0).header(true).build(), text);
    for (LabeledDataset set : new LabeledDataset[] {byName, byIndex}) {
      assertThat(set.labels()).containsExactly(1, 0);
      assertThat(set.features()).containsExactly(0.5f, 0.25f, 1, 2);
    }
  }

  @Test
  @DisplayName("a non-numeric feature is refused with line, column and header name")
  void badNumber() {
    assertThatThrownBy(() -> read(CsvDatasetReader.defaults(), "a,b,y\n1,2,0\n3,oops,1\n"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("line 3, column 2")
        .hasMessageContaining("'b'")
        .hasMessageContaining("'oops'");
  }

  @Test
  @DisplayName("a ragged record and an unknown label column are refused")
  void ragged() {
    assertThatThrownBy(() -> read(CsvDatasetReader.defaults(), "1,2,0\n3,1\n"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("3 columns like the first record, got 2");
    assertThatThrownBy(
            () -> read(CsvDatasetReader.builder().labelColumn("label").build(), "a,b\n1,2\n"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("'label'");
  }

  @Test
  @DisplayName("an unterminated quote is a data-format error, not an unchecked IO error")
  void badQuote() {
    assertThatThrownBy(() -> read(CsvDatasetReader.defaults(), "1,2,0\n3,\"4,1\n"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("t.csv");
  }

  @Test
  @DisplayName(
      "text without line breaks (like /dev/zero) is refused once a line passes the limit, not buffered")
  void endlessLineRefused() {
    Reader zeros =
        new Reader() {
          @Override
          public int read(char[] buffer, int offset, int length) {
            java.util.Arrays.fill(buffer, offset, offset + length, '\0');
            return length;
          }

          @Override
          public void close() {}
        };
    assertThatThrownBy(() -> CsvDatasetReader.defaults().read(zeros, "zero.csv"))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(
            "zero.csv, line 1: lines of at most "
                + CsvDatasetReader.MAX_LINE
                + " characters (a text CSV file), but this line goes on");
  }

  @Test
  @DisplayName("one record of a million columns reads, its memory proportional to the record")
  void wideRecord() throws IOException {
    StringBuilder row = new StringBuilder();
    for (int c = 0; c < 1_000_000; c++) {
      row.append(c % 7).append(',');
    }
    row.append("a\n");
    LabeledDataset data =
        CsvDatasetReader.builder()
            .header(false)
            .build()
            .read(new StringReader(row.toString()), "wide.csv");
    assertThat(data.samples()).isEqualTo(1);
    assertThat(data.sampleSize()).isEqualTo(1_000_000);
  }

  @Test
  @DisplayName("the csv provider reads the real UCI digits file as 64 features and 10 classes")
  void realDigits(@TempDir Path dir) throws IOException {
    Path digits = SharedData.require("digits", "digits.csv.gz");
    LabeledDataset set = new CsvDatasetProvider().load(digits);
    assertThat(set.samples()).isEqualTo(1797);
    assertThat(set.shape()).containsExactly(64);
    assertThat(set.classes()).isEqualTo(10);
    Path plain = Files.writeString(dir.resolve("p.csv"), "x,y\n1,a\n");
    assertThat(new CsvDatasetProvider().accepts(plain)).isTrue();
    assertThat(new CsvDatasetProvider().load(plain).classNames()).containsExactly("a");
  }
}
