package org.snncodesign.flow.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.flow.data.TrainingData;
import org.snncodesign.flow.measure.MeasuredRun;
import org.snncodesign.fpga.search.NetworkVariant;
import org.snncodesign.learning.surrogate.DenseLayer;
import org.snncodesign.learning.surrogate.Readout;
import org.snncodesign.learning.surrogate.ResetMode;
import org.snncodesign.learning.surrogate.SpikingNetwork;

class CompressedNetworkSpaceTest {
  private static final SpikingNetwork NET =
      SpikingNetwork.initialise(
          new int[] {16, 24, 12, 4}, 4, 0.9f, 0.5f, ResetMode.SUBTRACT, Readout.MEMBRANE, 11);

  private static LabeledDataset data() {
    Random random = new Random(2);
    int n = 40;
    float[] x = new float[n * 16];
    int[] y = new int[n];
    for (int i = 0; i < x.length; i++) {
      x[i] = 2 * random.nextFloat();
    }
    for (int k = 0; k < n; k++) {
      y[k] = k % 4;
    }
    return new LabeledDataset("toy", new int[] {16}, x, y, List.of("0", "1", "2", "3"));
  }

  private static int index(List<String> values, String value) {
    return values.indexOf(value);
  }

  @Test
  @DisplayName(
      "genes are a sparsity and a width per spike-driven layer; all-keep is the unmodified network")
  void genes() {
    CompressedNetworkSpace space =
        new CompressedNetworkSpace("toy", NET, data(), MeasuredRun.FirstLayer.EXCLUDED);
    assertThat(space.parameters())
        .extracting(p -> p.name())
        .containsExactly("fc2_sparsity", "fc2_bits", "fc3_sparsity", "fc3_bits");
    NetworkVariant reference = space.reference();
    assertThat(reference.workload().layers()).hasSize(2);
    assertThat(reference.workload().layers())
        .allMatch(l -> l.weightBits() == 32 && l.weightDensity() == 1.0);
    assertThat(space.network(new int[4])).isEqualTo(NET);
    assertThat(space.variant(new int[4])).isEqualTo(reference);
  }

  @Test
  @DisplayName(
      "a 0.95-sparse 2-bit fc2 shows in the workload (density at most 5 %, 2 bits) and leaves fc3 and the "
          + "trained network alone")
  void variantShowsInWorkload() {
    SpikingNetwork before = NET.copy();
    CompressedNetworkSpace space =
        new CompressedNetworkSpace("toy", NET, data(), MeasuredRun.FirstLayer.EXCLUDED);
    int[] genes = {
      index(CompressedNetworkSpace.SPARSITIES, "0.95"),
      index(CompressedNetworkSpace.WIDTHS, "2"),
      0,
      0
    };
    NetworkVariant v = space.variant(genes);
    LayerWorkload fc2 = v.workload().layers().get(0);
    LayerWorkload fc3 = v.workload().layers().get(1);
    assertThat(fc2.weightDensity()).isLessThanOrEqualTo(0.05);
    assertThat(fc2.weightBits()).isEqualTo(2);
    assertThat(fc3.weightDensity()).isEqualTo(1.0);
    assertThat(fc3.weightBits()).isEqualTo(32);
    assertThat(Double.parseDouble(v.configuration().get("fc2_sparsity")))
        .isGreaterThanOrEqualTo(0.95);
    assertThat(v.configuration()).containsEntry("fc2_bits", "2").containsEntry("fc3_bits", "32");
    assertThat(v.accuracy()).isBetween(0.0, 1.0);
    assertThat(NET).isEqualTo(before);
    assertThat(space.variant(genes)).isEqualTo(v);
  }

  @Test
  @DisplayName(
      "when the first layer is priced as bit planes it has genes too, and its compression shows in the "
          + "first layer of the workload")
  void firstLayerPriced() {
    CompressedNetworkSpace space =
        new CompressedNetworkSpace("toy", NET, data(), MeasuredRun.FirstLayer.BIT_PLANES);
    assertThat(space.parameters())
        .extracting(p -> p.name())
        .containsExactly(
            "fc1_sparsity", "fc1_bits", "fc2_sparsity", "fc2_bits", "fc3_sparsity", "fc3_bits");
    assertThat(space.reference().workload().layers()).hasSize(3);
    int[] genes = {
      index(CompressedNetworkSpace.SPARSITIES, "0.9"),
      index(CompressedNetworkSpace.WIDTHS, "3"),
      0,
      0,
      0,
      0
    };
    LayerWorkload fc1 = space.variant(genes).workload().layers().get(0);
    assertThat(fc1.weightDensity()).isLessThanOrEqualTo(0.1);
    assertThat(fc1.weightBits()).isEqualTo(3);
    assertThat(fc1.name()).contains("bit planes");
  }

  @Test
  @DisplayName(
      "fine-tuning changes a compressed variant's weights but keeps its sparsity and 3-bit grid, is "
          + "deterministic, and leaves the unmodified genome alone")
  void fineTuningKeepsCompression() {
    LabeledDataset d = data();
    TrainingData train =
        new TrainingData("toy", 16, 4, d.features(), d.labels(), d.features(), d.labels());
    CompressedNetworkSpace plain =
        new CompressedNetworkSpace("toy", NET, d, MeasuredRun.FirstLayer.EXCLUDED);
    CompressedNetworkSpace tuned =
        new CompressedNetworkSpace("toy", NET, d, MeasuredRun.FirstLayer.EXCLUDED, train, 2, 5);
    int[] genes = {
      index(CompressedNetworkSpace.SPARSITIES, "0.9"),
      index(CompressedNetworkSpace.WIDTHS, "3"),
      0,
      0
    };
    DenseLayer compressed = plain.network(genes).denseLayer(1);
    DenseLayer fine = tuned.network(genes).denseLayer(1);
    assertThat(fine.weights()).isNotEqualTo(compressed.weights());
    // round(0.1 * 288) = 29 weights survive the pruning; fine-tuning may not regrow any.
    assertThat(compressed.weights().length - compressed.zeroWeights()).isLessThanOrEqualTo(29);
    assertThat(fine.zeroWeights()).isGreaterThanOrEqualTo(compressed.zeroWeights());
    assertThat(fine.bits()).isEqualTo(3);
    for (float w : fine.weights()) {
      float level = w / fine.scale();
      assertThat(Math.abs(level - Math.round(level))).isLessThan(1e-3f);
      assertThat(Math.round(level)).isBetween(-4, 3);
    }
    assertThat(tuned.network(genes)).isEqualTo(tuned.network(genes));
    assertThat(tuned.network(new int[4])).isEqualTo(NET);
    assertThat(tuned.reference()).isEqualTo(plain.reference());
  }
}
