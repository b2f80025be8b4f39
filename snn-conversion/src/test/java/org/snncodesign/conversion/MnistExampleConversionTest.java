package org.snncodesign.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.dataset.InputNormalization;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AnnNetwork;
import org.snncodesign.conversion.ann.InputNormalizationFolding;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.onnx.OnnxImporter;
import org.snncodesign.conversion.snn.AnnToSnnConverter;
import org.snncodesign.conversion.snn.OneSpikeSimulator;
import org.snncodesign.conversion.snn.PhaseCoding;

/**
 * PyTorch's MNIST example network (pytorch/examples mnist/main.py), trained with {@code
 * transforms.Normalize((0.1307,), (0.3081,))} and exported by {@code export_mnist_example.py}: with
 * that normalisation, folded into its first convolution, the imported ANN reproduces PyTorch's
 * accuracy on the 10,000 test images and the one-spike SNN stays within 0.3 points of it.
 */
class MnistExampleConversionTest {
  static final InputNormalization PYTORCH_MNIST = InputNormalization.parse("0.1307,0.3081", 255f);
  static JsonNode expected;
  static AnnModel folded;
  static LabeledImages test;

  @BeforeAll
  static void load() throws Exception {
    Path dir = MnistIdx.dataDir();
    assumeTrue(dir != null, "MNIST not in ../../shared/data/mnist");
    Path onnx =
        Path.of(
            MnistExampleConversionTest.class
                .getResource("/onnx/pytorch/mnist_example.onnx")
                .toURI());
    expected = new ObjectMapper().readTree(onnx.resolveSibling("mnist_example.json").toFile());
    folded =
        InputNormalizationFolding.fold(
            OnnxImporter.read(onnx).withInputNormalization(PYTORCH_MNIST));
    test = MnistIdx.load(dir, "t10k", 10_000);
  }

  @Test
  @DisplayName("The normalisation folds into the first convolution, which has no zero padding")
  void foldsIntoFirstConvolution() {
    assertThat(folded.normalizationFoldedInto()).isEqualTo(folded.layers().get(0).name());
  }

  @Test
  @DisplayName("The ANN reaches PyTorch's test accuracy to 0.01 points")
  void annMatchesPyTorch() {
    double ann = 100 * new AnnNetwork(folded).accuracy(test, 2);

    assertThat(ann).isCloseTo(expected.get("mnist_test_accuracy").asDouble(), within(0.01));
  }

  @Test
  @DisplayName("The ANN predicts PyTorch's class for all but at most one of the 10,000 test images")
  void annPredictionsMatchPyTorch() {
    int[] ours = new AnnNetwork(folded).predictAll(test, 2);
    int differ = 0;
    for (int i = 0; i < ours.length; i++) {
      differ += ours[i] == expected.get("test_predictions").get(i).asInt() ? 0 : 1;
    }

    assertThat(differ).isLessThanOrEqualTo(1);
  }

  @Test
  @DisplayName(
      "The one-spike SNN (max pooling as first-spike relay) stays within 0.3 points of PyTorch's accuracy")
  void oneSpikeWithinPointThree() throws Exception {
    LabeledImages calibration = MnistIdx.load(MnistIdx.dataDir(), "train", 500);
    // The defaults of snn convert: 99.9th-percentile normalisation, phase base 2^(1/2) over 8
    // octaves.
    double snn =
        100
            * new OneSpikeSimulator(
                    new AnnToSnnConverter(99.9).convert(folded, calibration),
                    PhaseCoding.rootOfTwo(2, 8))
                .evaluate(test, 2)
                .accuracy();

    assertThat(snn).isGreaterThanOrEqualTo(expected.get("mnist_test_accuracy").asDouble() - 0.3);
  }
}
