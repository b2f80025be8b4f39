package org.snncodesign.conversion.snn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AnnNetwork;
import org.snncodesign.conversion.ann.Conv2dLayer;
import org.snncodesign.conversion.ann.DenseLayer;
import org.snncodesign.conversion.ann.FlattenLayer;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.ann.MaxPoolLayer;
import org.snncodesign.conversion.ann.ReluLayer;
import org.snncodesign.conversion.ann.ResidualAddLayer;
import org.snncodesign.conversion.ann.RouteLayer;
import org.snncodesign.conversion.ann.TensorShape;
import org.snncodesign.conversion.ann.TestModels;

class AnnToSnnConverterTest {

  @Test
  @DisplayName(
      "each ReLU becomes a spiking stage, pools relay spikes, and the residual adds a second input")
  void stagesFollowTheAnn() {
    AnnModel model = TestModels.convertible(3);
    ConvertedNetwork snn =
        new AnnToSnnConverter(99.9).convert(model, TestModels.selfLabelled(model, 50, 1));
    assertThat(snn.stageCount()).isEqualTo(6);
    assertThat(
            List.of(snn.kind(0), snn.kind(1), snn.kind(2), snn.kind(3), snn.kind(4), snn.kind(5)))
        .containsExactly(
            StageKind.INPUT,
            StageKind.SPIKING,
            StageKind.SPIKING,
            StageKind.MAX_POOL,
            StageKind.SPIKING,
            StageKind.OUTPUT);
    assertThat(snn.sources(2)).containsExactly(1);
    assertThat(snn.fanouts(2)).hasSize(1);
    assertThat(snn.windows()).isEqualTo(4);
    assertThat(snn.annMacs()).isEqualTo(model.macs());
  }

  @Test
  @DisplayName(
      "normalised fan-outs times the source activations reproduce the ANN pre-activation / lambda")
  void normalisedWeightsReproduceAnn() {
    AnnModel model = TestModels.convertible(4);
    LabeledImages data = TestModels.selfLabelled(model, 40, 2);
    ConvertedNetwork snn = new AnnToSnnConverter(100).convert(model, data);
    AnnModel prepared =
        AnnToSnnConverter.reorderPoolAndRelu(
            org.snncodesign.conversion.ann.BatchNormFolding.fold(model));
    AnnNetwork ann = new AnnNetwork(prepared);
    var ws = ann.newWorkspace();
    ann.forward(ws, data.pixels(), data.offset(0));
    // Stage 1 (relu1) from the input: V = b + W^T (x / lambda_in) must equal relu1's pre-activation
    // / lambda_1.
    float[] x = ws.activation(-1);
    float[] relu1 = ws.activation(prepared.indexOf("relu1"));
    CsrMatrix w = snn.fanouts(1).get(0);
    float[] dense = w.toDense();
    for (int n = 0; n < snn.neurons(1); n++) {
      double v = 0;
      for (int j = 0; j < w.rows(); j++) {
        v += dense[j * w.cols() + n] * x[j] / snn.scale(0);
      }
      double expected = relu1[n] / snn.scale(1);
      if (expected > 0) {
        assertThat(v + biasOf(snn, 1, n))
            .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-4));
      }
    }
  }

  private static double biasOf(ConvertedNetwork snn, int stage, int n) {
    return snn.stageList().get(stage).bias()[n];
  }

  @Test
  @DisplayName("the percentile is the nearest-rank percentile, and max for 100")
  void percentile() {
    float[] values = new float[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = 1000 - i;
    }
    assertThat(AnnToSnnConverter.percentileOf(values.clone(), 1000, 99.9)).isEqualTo(999.0);
    assertThat(AnnToSnnConverter.percentileOf(values.clone(), 1000, 100)).isEqualTo(1000.0);
    assertThat(AnnToSnnConverter.percentileOf(values.clone(), 1000, 50)).isEqualTo(500.0);
    assertThat(AnnToSnnConverter.percentileOf(values, 0, 50)).isEqualTo(1.0);
  }

  @Test
  @DisplayName("max pooling on a linear output is refused naming the layer")
  void unconvertibleStructuresRefused() {
    TensorShape in = new TensorShape(1, 4, 4);
    Conv2dLayer conv = Conv2dLayer.zeros("c", 1, 1, 1, 1, 0);
    AnnModel poolAfterConv =
        AnnModel.of(
            "m",
            in,
            List.of(
                conv,
                new MaxPoolLayer("mp", 2, 2),
                new FlattenLayer("f"),
                DenseLayer.zeros("d", 4, 2)));
    LabeledImages data = new LabeledImages(in, new float[16], new int[1], 2);
    // max pool followed by relu is reordered and accepted
    AnnModel poolThenRelu =
        AnnModel.of(
            "m",
            in,
            List.of(
                conv,
                new MaxPoolLayer("mp", 2, 2),
                new ReluLayer("r"),
                new FlattenLayer("f"),
                DenseLayer.zeros("d", 4, 2)));
    assertThat(new AnnToSnnConverter(99).convert(poolThenRelu, data).kind(2))
        .isEqualTo(StageKind.MAX_POOL);
    assertThatThrownBy(() -> new AnnToSnnConverter(99).convert(poolAfterConv, data))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'mp'");
  }

  @Test
  @DisplayName("the percentile must lie in (0, 100]")
  void badPercentile() {
    assertThatThrownBy(() -> new AnnToSnnConverter(0)).hasMessageContaining("percentile");
    assertThatThrownBy(() -> new AnnToSnnConverter(100.5)).hasMessageContaining("100.5");
  }

  @Test
  @DisplayName(
      "a projection shortcut converts: the joining stage reads both branches, one window after the longer")
  void projectionShortcutJoinsBranches() {
    TensorShape in = new TensorShape(1, 4, 4);
    AnnModel model =
        AnnModel.of(
            "block",
            in,
            List.of(
                ones("c1", 1, 2),
                new ReluLayer("r1"),
                ones("c2", 2, 2),
                new ReluLayer("r2"),
                ones("c3", 2, 2),
                new RouteLayer("back", List.of("r1")),
                ones("down", 2, 2),
                new ResidualAddLayer("add", "c3"),
                new ReluLayer("r3"),
                new FlattenLayer("f"),
                DenseLayer.zeros("d", 32, 2)));
    LabeledImages data =
        new LabeledImages(
            in,
            new float[] {
              0.1f, 0.5f, 0.9f, 0.3f, 0.2f, 0.8f, 0.4f, 0.6f, 0.7f, 0.1f, 0.3f, 0.5f, 0.9f, 0.2f,
              0.4f, 0.6f
            },
            new int[1],
            2);
    ConvertedNetwork snn = new AnnToSnnConverter(100).convert(model, data);
    int r3 = stageNamed(snn, "r3");
    assertThat(snn.sources(r3))
        .containsExactlyInAnyOrder(stageNamed(snn, "r1"), stageNamed(snn, "r2"));
    assertThat(snn.window(stageNamed(snn, "r1"))).isEqualTo(1);
    assertThat(snn.window(r3)).isEqualTo(3);
    assertThat(snn.windows()).isEqualTo(4);
  }

  /** A 1x1 convolution with all weights 0.5. */
  private static Conv2dLayer ones(String name, int in, int out) {
    Conv2dLayer c = Conv2dLayer.zeros(name, in, out, 1, 1, 0);
    java.util.Arrays.fill(c.weights(), 0.5f);
    return c;
  }

  private static int stageNamed(ConvertedNetwork snn, String name) {
    for (int s = 0; s < snn.stageCount(); s++) {
      if (snn.stageName(s).equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no stage " + name + " in " + snn);
  }
}
