package org.snncodesign.flow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.learning.lsm.pruning.LiquidSize;
import org.snncodesign.learning.lsm.pruning.NeuronRanking;
import org.snncodesign.learning.lsm.pruning.PruningPoint;

class PruningCurveCsvTest {

  private static final PruningPoint FULL =
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
  private static final PruningPoint HALF =
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

  @Test
  @DisplayName(
      "the curve CSV is the header and one row per point, lines ended by \\n, its folders created")
  void writesHeaderAndRows(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("out/curve.csv");
    PruningCurveCsv.write(file, List.of(FULL, HALF));
    assertThat(Files.readString(file))
        .isEqualTo(
            "keep_fraction,ranking,rewired,neurons,synapses,input_synapses,readout_parameters,"
                + "bytes,cv_accuracy,test_accuracy,lambda,mean_rate_hz,rounds,bins\n"
                + "1.0000,activity,false,100,900,50,4010,9000,0.90000,0.88000,100.000,20.000,0,4\n"
                + "0.5000,activity,true,50,300,25,2010,4000,0.85000,0.84000,1000.00,25.000,1,4\n");
    assertThat(Files.list(file.getParent())).containsExactly(file);
  }

  @Test
  @DisplayName(
      "the curve CSV is moved over an earlier file instead of rewriting it, leaving no temporary "
          + "file")
  void replacesWhole(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("curve.csv"), "an earlier curve");
    // A file rewritten in place would change under this second name too.
    Path earlier = Files.createLink(dir.resolve("earlier"), file);

    PruningCurveCsv.write(file, List.of(FULL));

    assertThat(Files.readString(file)).startsWith("keep_fraction,");
    assertThat(earlier).hasContent("an earlier curve");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactlyInAnyOrder(file, earlier);
    }
  }

  @Test
  @DisplayName("the chart of a data file is the PNG of the same name beside it")
  void pngNextTo() {
    assertThat(PngFile.nextTo(Path.of("a", "b.csv"))).isEqualTo(Path.of("a", "b.png"));
    assertThat(PngFile.nextTo(Path.of("curve"))).isEqualTo(Path.of("curve.png"));
  }
}
