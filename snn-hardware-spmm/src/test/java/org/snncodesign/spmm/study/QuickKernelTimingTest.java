package org.snncodesign.spmm.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;

@DisplayName("The quick kernel timing")
class QuickKernelTimingTest {

  @Test
  @DisplayName(
      "times the three kernels, finds the kernel's product equal to the dense one, and counts its adds")
  void timesAndChecks() {
    SpmmLayer layer = new SpmmLayer(16, 96, 40, 3);
    List<String> announced = new ArrayList<>();

    QuickKernelTiming.Result r = QuickKernelTiming.run(layer, 0.7, 0.2, 0.01, announced::add);

    assertThat(r.resultsEqual()).isTrue();
    assertThat(r.denseSeconds()).isPositive();
    assertThat(r.gustavsonSeconds()).isPositive();
    assertThat(r.gustavsonParallelSeconds()).isPositive();
    assertThat(r.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(announced).hasSize(3);
    // One add per stored weight in the row of each spiking input.
    SpikeRaster spikes = layer.spikes(0.2);
    CsrMatrix weights = layer.weights(0.7);
    long adds = 0;
    for (int t = 0; t < spikes.timeSteps(); t++) {
      for (int n = 0; n < spikes.neurons(); n++) {
        if (spikes.get(t, n)) {
          adds += weights.rowPointers()[n + 1] - weights.rowPointers()[n];
        }
      }
    }
    assertThat(r.adds()).isEqualTo(adds);
    assertThat(r.measuredSpikeRate()).isEqualTo(spikes.density());
    assertThat(r.measuredWeightDensity()).isCloseTo(0.3, within(0.05));
    assertThat(r.speedupVsDense()).isEqualTo(r.denseSeconds() / r.gustavsonSeconds());
  }

  @Test
  @DisplayName("reports the median of the timed runs")
  void median() {
    int[] calls = {0};
    double median = QuickKernelTiming.median(() -> calls[0]++, 0);
    assertThat(calls[0])
        .isEqualTo(6); // 3 warm-up and 3 timed runs when the budget is spent at once
    assertThat(median).isGreaterThanOrEqualTo(0);
  }
}
