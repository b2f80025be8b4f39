package org.snncodesign.conversion.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.dataset.InputNormalization;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AnnNetwork;
import org.snncodesign.conversion.ann.AnnWorkspace;
import org.snncodesign.conversion.ann.InputNormalizationFolding;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.ann.TestModels;
import org.snncodesign.conversion.onnx.proto.OnnxProto.ModelProto;
import org.snncodesign.conversion.onnx.proto.OnnxProto.NodeProto;

/** An input normalisation survives ONNX export and import, folded or applied to the input. */
class NormalizedOnnxTest {
  static final InputNormalization NORMALIZATION =
      InputNormalization.of(new float[] {0.2f, 0.5f}, new float[] {0.3f, 0.25f});

  @Test
  @DisplayName(
      "A normalisation applied to the input is written as Sub and Div and imports back as the"
          + " model's normalisation with the same logits")
  void unfoldedRoundTrip() {
    AnnModel model = TestModels.unpaddedConv(3).withInputNormalization(NORMALIZATION);

    ModelProto proto = OnnxExporter.toModel(model);
    AnnModel again = OnnxImporter.fromBytes(proto.toByteArray(), "m", null);

    assertThat(proto.getGraph().getNodeList())
        .extracting(NodeProto::getOpType)
        .startsWith("Sub", "Div");
    assertThat(again.inputNormalization()).isEqualTo(NORMALIZATION);
    assertThat(again.normalizesInput()).isTrue();
    assertSameLogits(model, again);
  }

  @Test
  @DisplayName(
      "A folded normalisation is recorded in metadata_props and imports back folded into its layer")
  void foldedRoundTrip() {
    AnnModel folded =
        InputNormalizationFolding.fold(
            TestModels.unpaddedConv(3).withInputNormalization(NORMALIZATION));

    AnnModel again = OnnxImporter.fromBytes(OnnxExporter.toModel(folded).toByteArray(), "m", null);

    assertThat(again.inputNormalization()).isEqualTo(NORMALIZATION);
    assertThat(again.normalizationFoldedInto()).isEqualTo("conv");
    assertSameLogits(folded, again);
  }

  private static void assertSameLogits(AnnModel expected, AnnModel actual) {
    LabeledImages data = TestModels.selfLabelled(expected, 10, 5);
    AnnNetwork a = new AnnNetwork(expected);
    AnnNetwork b = new AnnNetwork(actual);
    AnnWorkspace wa = a.newWorkspace();
    AnnWorkspace wb = b.newWorkspace();
    for (int i = 0; i < data.count(); i++) {
      float[] za = a.forward(wa, data.pixels(), data.offset(i)).clone();
      assertThat(b.forward(wb, data.pixels(), data.offset(i))).containsExactly(za, within(1e-5f));
    }
  }
}
