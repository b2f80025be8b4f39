package org.snncodesign.flow.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.fpga.search.ReferenceWorkloads;
import org.snncodesign.learning.surrogate.Readout;
import org.snncodesign.learning.surrogate.ResetMode;
import org.snncodesign.learning.surrogate.SpikingNetwork;

class MeasuredWorkloadTest {
  private static final LabeledDataset DATA =
      new LabeledDataset(
          "tiny",
          new int[] {4},
          new float[] {0, 0.5f, 1, 0.25f, 1, 1, 0, 0, 0.75f, 0, 0.5f, 1},
          new int[] {0, 1, 2},
          List.of("a", "b", "c"));

  private static MeasuredWorkload measure(SpikingNetwork network, MeasuredRun.FirstLayer first) {
    return MeasuredWorkload.of(
        network,
        DATA,
        first,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  private static SpikingNetwork network(int... sizes) {
    return SpikingNetwork.initialise(sizes, 4, 0.9f, 1f, ResetMode.SUBTRACT, Readout.MEMBRANE, 1);
  }

  @Test
  @DisplayName(
      "the synthetic workload is the seeded reference MLP, all spikes: nothing to set apart")
  void synthetic() {
    MeasuredWorkload measured = MeasuredWorkload.synthetic(4, 0.15, 3);
    assertThat(measured.priced().name()).isEqualTo(ReferenceWorkloads.mnistMlp(4, 0.15, 3).name());
    assertThat(measured.priced().layers()).hasSize(2);
    assertThat(measured.spikeLayersOnly()).isEmpty();
    assertThat(measured.firstLayerNote()).contains("no analog layer");
  }

  @Test
  @DisplayName(
      "with bit planes the trained network's spike-driven part is kept apart, one layer shorter")
  void bitPlanes() {
    MeasuredWorkload measured = measure(network(4, 6, 3), MeasuredRun.FirstLayer.BIT_PLANES);
    assertThat(measured.priced().layers()).hasSize(2);
    assertThat(measured.spikeLayersOnly()).get().satisfies(w -> assertThat(w.layers()).hasSize(1));
    assertThat(measured.firstLayerNote()).isEqualTo(MeasuredRun.FirstLayer.BIT_PLANES.note());
  }

  @Test
  @DisplayName(
      "with the first layer excluded, or a one-layer network, there is no separate spike-driven part")
  void nothingApart() {
    assertThat(measure(network(4, 6, 3), MeasuredRun.FirstLayer.EXCLUDED).spikeLayersOnly())
        .isEmpty();
    assertThat(measure(network(4, 3), MeasuredRun.FirstLayer.BIT_PLANES).spikeLayersOnly())
        .isEmpty();
  }
}
