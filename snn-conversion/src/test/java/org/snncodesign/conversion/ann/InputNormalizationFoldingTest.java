package org.snncodesign.conversion.ann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.dataset.InputNormalization;

class InputNormalizationFoldingTest {
  static final InputNormalization TWO_CHANNELS =
      InputNormalization.of(new float[] {0.2f, 0.5f}, new float[] {0.3f, 0.25f});

  /** flatten - dense 32 -> 6 - relu - dense 6 -> 3, on 2x4x4 inputs. */
  static AnnModel denseFirst(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    DenseLayer fc1 = DenseLayer.zeros("fc1", 32, 6);
    TestModels.fill(fc1.weights(), r, 0.5);
    TestModels.fill(fc1.bias(), r, 0.1);
    DenseLayer fc2 = DenseLayer.zeros("fc2", 6, 3);
    TestModels.fill(fc2.weights(), r, 0.5);
    return AnnModel.of(
        "dense",
        new TensorShape(2, 4, 4),
        List.of(new FlattenLayer("flat"), fc1, new ReluLayer("relu"), fc2));
  }

  @Test
  @DisplayName(
      "Folding into an unpadded convolution computes the same logits as normalising the input")
  void convFoldIsExact() {
    AnnModel normalised = TestModels.unpaddedConv(3).withInputNormalization(TWO_CHANNELS);

    AnnModel folded = InputNormalizationFolding.fold(normalised);

    assertThat(folded.normalizationFoldedInto()).isEqualTo("conv");
    assertSameLogits(normalised, folded);
  }

  @Test
  @DisplayName(
      "Folding into a dense first layer after a flatten computes the same logits as normalising the input")
  void denseFoldIsExact() {
    AnnModel normalised = denseFirst(5).withInputNormalization(TWO_CHANNELS);

    AnnModel folded = InputNormalizationFolding.fold(normalised);

    assertThat(folded.normalizationFoldedInto()).isEqualTo("fc1");
    assertSameLogits(normalised, folded);
  }

  @Test
  @DisplayName(
      "A zero-padded first convolution keeps the normalisation on the input, and the report says why")
  void paddedConvIsNotFolded() {
    AnnModel normalised = TestModels.convertible(7).withInputNormalization(TWO_CHANNELS);

    AnnModel result = InputNormalizationFolding.fold(normalised);

    assertThat(result).isSameAs(normalised);
    assertThat(InputNormalizationFolding.describe(result))
        .contains("applied to the input")
        .contains("pads with zeros");
  }

  @Test
  @DisplayName(
      "A folded model still records its normalisation, and the report names the layer it went into")
  void foldedModelRecordsNormalisation() {
    AnnModel folded =
        InputNormalizationFolding.fold(
            TestModels.unpaddedConv(3).withInputNormalization(TWO_CHANNELS));

    assertThat(folded.inputNormalization()).isEqualTo(TWO_CHANNELS);
    assertThat(folded.normalizesInput()).isFalse();
    assertThat(InputNormalizationFolding.describe(folded))
        .contains("folded into")
        .contains("'conv'");
  }

  @Test
  @DisplayName("A model with a normalisation and its fold reloads from JSON with both")
  void jsonKeepsNormalisation() {
    AnnModel folded =
        InputNormalizationFolding.fold(
            TestModels.unpaddedConv(3).withInputNormalization(TWO_CHANNELS));

    AnnModel again = AnnJson.fromJson(AnnJson.toJson(folded));

    assertThat(again.inputNormalization()).isEqualTo(TWO_CHANNELS);
    assertThat(again.normalizationFoldedInto()).isEqualTo("conv");
  }

  @Test
  @DisplayName(
      "A model file written before normalisations were recorded reads as pixels / 255, not normalised")
  void olderJsonReadsAsPixels() {
    String json =
        AnnJson.toJson(TestModels.unpaddedConv(3))
            .replaceAll(",\"input_normalization\":\\{[^}]*\\}", "")
            .replace(",\"normalization_folded_into\":null", "");

    AnnModel model = AnnJson.fromJson(json);

    assertThat(json).doesNotContain("normalization");
    assertThat(model.inputNormalization()).isEqualTo(InputNormalization.PIXELS);
  }

  static void assertSameLogits(AnnModel expected, AnnModel actual) {
    LabeledImages data = TestModels.selfLabelled(expected, 20, 11);
    AnnNetwork a = new AnnNetwork(expected);
    AnnNetwork b = new AnnNetwork(actual);
    AnnWorkspace wa = a.newWorkspace();
    AnnWorkspace wb = b.newWorkspace();
    for (int i = 0; i < data.count(); i++) {
      float[] za = a.forward(wa, data.pixels(), data.offset(i)).clone();
      float[] zb = b.forward(wb, data.pixels(), data.offset(i));
      assertThat(zb).containsExactly(za, within(1e-5f));
    }
  }
}
