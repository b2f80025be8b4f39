package org.snncodesign.flow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.dataset.LabeledDataset;

class LabelHistogramTest {
  @Test
  @DisplayName("the most frequent class gets the full width, the others in proportion, rounded")
  void proportionalBars() {
    LabeledDataset data =
        new LabeledDataset(
            "d",
            new int[] {1},
            new float[7],
            new int[] {0, 0, 0, 0, 1, 1, 1},
            List.of("zero", "one", "none"));
    assertThat(LabelHistogram.of(data, 40))
        .containsExactly(
            new LabelHistogram.Bar("zero", 4, 40),
            new LabelHistogram.Bar("one", 3, 30),
            new LabelHistogram.Bar("none", 0, 0));
  }
}
