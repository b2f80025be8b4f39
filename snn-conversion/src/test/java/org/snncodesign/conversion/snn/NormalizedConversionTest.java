package org.snncodesign.conversion.snn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.dataset.InputNormalization;
import org.snncodesign.api.graph.GraphAnnotations;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AnnNetwork;
import org.snncodesign.conversion.ann.InputNormalizationFolding;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.ann.TestModels;

/**
 * A model's input normalisation in the converted network: composed into the first stage, or folded
 * before.
 */
class NormalizedConversionTest {
  static final InputNormalization NORMALIZATION =
      InputNormalization.of(new float[] {0.2f, 0.5f}, new float[] {0.3f, 0.25f});

  @Test
  @DisplayName(
      "A padded first layer's normalisation, composed into the first stage, converts in agreement with"
          + " the normalising ANN")
  void composedNormalisationAgreesWithAnn() {
    AnnModel model = TestModels.convertible(7).withInputNormalization(NORMALIZATION);
    LabeledImages data = TestModels.selfLabelled(model, 200, 3);

    ConvertedNetwork snn = new AnnToSnnConverter(99.9).convert(model, data);
    SnnEvaluation run = new OneSpikeSimulator(snn, PhaseCoding.rootOfTwo(4, 12)).evaluate(data, 1);

    assertThat(new AnnNetwork(model).accuracy(data, 1)).isEqualTo(1.0);
    assertThat(run.accuracy()).isGreaterThan(0.9);
    assertThat(snn.inputNormalizationNote()).contains("composed into the first spiking stage");
  }

  @Test
  @DisplayName("The input stage is calibrated on the pixels it codes, not on the normalised values")
  void inputScaleIsOfPixels() {
    AnnModel model = TestModels.convertible(7);
    LabeledImages data = TestModels.selfLabelled(model, 100, 3);

    double plain = new AnnToSnnConverter(99.9).convert(model, data).scale(0);
    double normalised =
        new AnnToSnnConverter(99.9)
            .convert(model.withInputNormalization(NORMALIZATION), data)
            .scale(0);

    assertThat(normalised).isEqualTo(plain);
  }

  @Test
  @DisplayName("The NIR graph of a network with a folded normalisation records it in its metadata")
  void graphRecordsFoldedNormalisation() {
    AnnModel folded =
        InputNormalizationFolding.fold(
            TestModels.unpaddedConv(3).withInputNormalization(NORMALIZATION));
    ConvertedNetwork snn =
        new AnnToSnnConverter(99.9).convert(folded, TestModels.selfLabelled(folded, 50, 3));

    NetworkGraph graph = ConvertedNetworkGraphs.rateCoded(snn, 1e-3);

    assertThat(graph.metadata())
        .containsEntry(GraphAnnotations.INPUT_MEAN, "0.2,0.5")
        .containsEntry(GraphAnnotations.INPUT_STD, "0.3,0.25")
        .containsEntry(GraphAnnotations.INPUT_NORMALIZATION_FOLDED_INTO, "conv");
  }

  @Test
  @DisplayName(
      "A NIR export of a network whose normalisation is applied to the input is refused, saying why")
  void graphRefusesUnfoldedNormalisation() {
    AnnModel model =
        withoutMaxPool(TestModels.convertible(7).withInputNormalization(NORMALIZATION));
    ConvertedNetwork snn =
        new AnnToSnnConverter(99.9).convert(model, TestModels.selfLabelled(model, 50, 3));

    assertThatThrownBy(() -> ConvertedNetworkGraphs.rateCoded(snn, 1e-3))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("normalises its input")
        .hasMessageContaining("pads with zeros");
  }

  /**
   * The convertible test model with its max pool (which NIR cannot express) replaced by a 2x2
   * average pool.
   */
  private static AnnModel withoutMaxPool(AnnModel model) {
    java.util.List<org.snncodesign.conversion.ann.AnnLayer> layers =
        new java.util.ArrayList<>(model.layers());
    layers.set(6, new org.snncodesign.conversion.ann.AvgPoolLayer("max", 2, 2));
    return model.withLayers(layers);
  }
}
