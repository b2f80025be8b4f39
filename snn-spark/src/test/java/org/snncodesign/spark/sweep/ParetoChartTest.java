package org.snncodesign.spark.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ParetoChartTest {
  private static final Objective BYTES = new Objective("bytes", false);
  private static final Objective ACCURACY = new Objective("accuracy", true);

  @Test
  @DisplayName("the front holds the settings no other setting beats in both objectives, by x")
  void front() {
    ParetoChart.Place small = new ParetoChart.Place(100, 0.80, 0);
    ParetoChart.Place big = new ParetoChart.Place(400, 0.95, 0);
    ParetoChart.Place worse = new ParetoChart.Place(300, 0.85, 0);
    ParetoChart.Place middle = new ParetoChart.Place(200, 0.90, 0);

    assertThat(ParetoChart.front(List.of(big, worse, small, middle), BYTES, ACCURACY))
        .containsExactly(small, middle, big);
  }

  @Test
  @DisplayName("with both objectives minimised, the front turns the other way")
  void bothMinimised() {
    Objective error = new Objective("error", false);
    ParetoChart.Place a = new ParetoChart.Place(100, 0.2, 0);
    ParetoChart.Place b = new ParetoChart.Place(200, 0.1, 0);
    ParetoChart.Place c = new ParetoChart.Place(300, 0.15, 0);

    assertThat(ParetoChart.front(List.of(a, b, c), BYTES, error)).containsExactly(a, b);
  }
}
