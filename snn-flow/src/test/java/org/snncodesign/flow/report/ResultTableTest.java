package org.snncodesign.flow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A result table")
class ResultTableTest {

  @Test
  @DisplayName("shows 4 significant digits on the terminal, aligned under its header")
  void render() {
    ResultTable table =
        new ResultTable(List.of("accelerator", "energy_pj"))
            .add("dense", 12345.678)
            .add("spiked-gustavson", 0.0);
    assertThat(table.render())
        .isEqualTo(
            """
        accelerator       energy_pj
        dense             1.235e+04
        spiked-gustavson          0
        """);
  }

  @Test
  @DisplayName("keeps numbers whole in its CSV, with a header and folders created")
  void csv(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("a/b/hardware.csv");
    new ResultTable(List.of("name", "cycles", "energy"))
        .add("dense, 8 bit", 42L, 12345.678)
        .writeCsv(file);
    assertThat(file).hasContent("name,cycles,energy\r\n\"dense, 8 bit\",42,12345.678\r\n");
  }

  @Test
  @DisplayName("refuses a row whose length differs from the columns, naming both")
  void wrongRow() {
    assertThatThrownBy(() -> new ResultTable(List.of("a", "b")).add(1))
        .hasMessageContaining("row has 1 values " + "for 2 columns [a, b]");
  }
}
