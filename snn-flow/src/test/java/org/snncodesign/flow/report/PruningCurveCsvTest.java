package org.snncodesign.flow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.learning.lsm.pruning.LiquidSize;
import org.snncodesign.learning.lsm.pruning.NeuronRanking;
import org.snncodesign.learning.lsm.pruning.PruningPoint;

class PruningCurveCsvTest {

  @Test
  @DisplayName(
      "the curve CSV is the header and one row per point, lines ended by \\n, its folders created")
  void writesHeaderAndRows(@TempDir Path dir) throws Exception {
    PruningPoint full =
        new PruningPoint(
            1,
            NeuronRanking.ACTIVITY,
            false,
            new LiquidSize(100, 900, 50, 4010, 9000),
            0.9,
            0.88,
            100,
            20,
            0,
            4);
    PruningPoint half =
        new PruningPoint(
            0.5,
            NeuronRanking.ACTIVITY,
            true,
            new LiquidSize(50, 300, 25, 2010, 4000),
            0.85,
            0.84,
            1000,
            25,
            1,
            4);
    Path file = dir.resolve("out/curve.csv");
    PruningCurveCsv.write(file, List.of(full, half));
    assertThat(Files.readString(file))
        .isEqualTo(PruningPoint.CSV_HEADER + "\n" + full.csvRow() + "\n" + half.csvRow() + "\n");
    assertThat(Files.list(file.getParent())).containsExactly(file);
  }

  @Test
  @DisplayName("the chart of a data file is the PNG of the same name beside it")
  void pngNextTo() {
    assertThat(PngFile.nextTo(Path.of("a", "b.csv"))).isEqualTo(Path.of("a", "b.png"));
    assertThat(PngFile.nextTo(Path.of("curve"))).isEqualTo(Path.of("curve.png"));
  }
}
