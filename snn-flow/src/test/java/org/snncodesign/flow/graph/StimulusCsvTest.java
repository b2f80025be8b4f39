package org.snncodesign.flow.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.neurons.graph.Stimulus;

class StimulusCsvTest {

  @Test
  @DisplayName("rows of 0 and 1 are spikes, a header is skipped, picked columns become the inputs")
  void spikes(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(dir.resolve("in.csv"), "spike,v,out\n0,0.3,0\n1,0.2,0\n\n0,0.1,1\n");
    Stimulus stimulus = new StimulusCsv(List.of(0, 2), 100, false).read(file, 2);
    assertThat(stimulus.isSpikes()).isTrue();
    assertThat(stimulus.timeSteps()).isEqualTo(3);
    assertThat(stimulus.spikeRaster().get(1, 0)).isTrue();
    assertThat(stimulus.spikeRaster().get(2, 1)).isTrue();
    assertThat(stimulus.spikeRaster().count()).isEqualTo(2);
  }

  @Test
  @DisplayName("any other value makes the file analog values, read up to the step limit")
  void analog(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("in.csv"), "0.5,1\n-2,0\n3,1\n");
    Stimulus stimulus = new StimulusCsv(null, 2, false).read(file, 2);
    assertThat(stimulus.isSpikes()).isFalse();
    assertThat(stimulus.timeSteps()).isEqualTo(2);
    assertThat(stimulus.valuesAt(1)).containsExactly(-2f, 0f);
  }

  @Test
  @DisplayName("bad cells, widths and short files are refused naming the file, line and column")
  void refusals(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("in.csv"), "1,0\n1,x\n");
    assertThatThrownBy(() -> new StimulusCsv(null, 10, false).read(file, 2))
        .hasMessageContaining("in.csv line 2 column 1: 'x' is not a number");
    assertThatThrownBy(() -> new StimulusCsv(null, 10, false).read(file, 3))
        .hasMessageContaining("line 1 has 2 columns");
    Path nan = Files.writeString(dir.resolve("nan.csv"), "1,NaN\n");
    assertThatThrownBy(() -> new StimulusCsv(null, 10, false).read(nan, 2))
        .hasMessageContaining("not finite");
    Path ok = Files.writeString(dir.resolve("ok.csv"), "1,0\n");
    assertThatThrownBy(() -> new StimulusCsv(null, 5, true).read(ok, 2))
        .hasMessageContaining("has 1 rows");
    assertThatThrownBy(() -> new StimulusCsv(null, 5, false).read(dir.resolve("gone.csv"), 2))
        .hasMessageContaining("no such file");
  }
}
