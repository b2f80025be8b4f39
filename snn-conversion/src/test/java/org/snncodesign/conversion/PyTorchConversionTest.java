package org.snncodesign.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AnnNetwork;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.onnx.OnnxImporter;
import org.snncodesign.conversion.snn.AnnToSnnConverter;
import org.snncodesign.conversion.snn.ConvertedNetwork;
import org.snncodesign.conversion.snn.OneSpikeSimulator;
import org.snncodesign.conversion.snn.PhaseCoding;
import org.snncodesign.conversion.snn.SnnEvaluation;

/**
 * The branching PyTorch exports trained on MNIST ({@code export_models.py}): a ResNet with
 * projection shortcuts and a depthwise-separable CNN with ReLU6 convert to one-spike SNNs within
 * one point of their ANN.
 */
class PyTorchConversionTest {
  /**
   * Test images evaluated: enough for a one-point margin to mean something, few enough for a unit
   * test.
   */
  static final int SAMPLES = 2000;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"resnet", "depthwise"})
  @DisplayName(
      "A branching PyTorch CNN converts to a one-spike SNN within one point of the ANN on MNIST")
  void oneSpikeWithinOnePoint(String name) throws Exception {
    Path dir = MnistIdx.dataDir();
    assumeTrue(dir != null, "MNIST not in ../../shared/data/mnist");
    AnnModel model =
        OnnxImporter.read(
            Path.of(getClass().getResource("/onnx/pytorch/" + name + ".onnx").toURI()));
    LabeledImages test = MnistIdx.load(dir, "t10k", SAMPLES);
    LabeledImages calibration = MnistIdx.load(dir, "train", 500);
    double ann = new AnnNetwork(model).accuracy(test, 2);
    // The defaults of snn convert: 99.9th-percentile normalisation, phase base 2^(1/2) over 8
    // octaves.
    ConvertedNetwork snn = new AnnToSnnConverter(99.9).convert(model, calibration);
    SnnEvaluation oneSpike =
        new OneSpikeSimulator(snn, PhaseCoding.rootOfTwo(2, 8)).evaluate(test, 2);
    System.out.printf(
        "%s: ANN %.2f %%, one-spike SNN %.2f %% on %d MNIST test images, %d windows%n",
        name, 100 * ann, 100 * oneSpike.accuracy(), test.count(), snn.windows());
    assertThat(ann).as("ANN accuracy").isGreaterThan(0.95);
    assertThat(oneSpike.accuracy())
        .as("one-spike accuracy of %s", name)
        .isGreaterThanOrEqualTo(ann - 0.01);
  }
}
