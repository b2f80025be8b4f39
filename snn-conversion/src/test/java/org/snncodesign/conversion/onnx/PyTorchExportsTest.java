package org.snncodesign.conversion.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AnnNetwork;
import org.snncodesign.conversion.ann.AnnWorkspace;
import org.snncodesign.conversion.ann.TensorShape;

/**
 * The matrix of real PyTorch exports (torch 1.13, {@code export_models.py}): every model imports
 * and reproduces PyTorch's logits within 1e-4.
 */
class PyTorchExportsTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "lenet_opset11",
        "lenet_opset13",
        "lenet_opset17",
        "bn_padded_pool",
        "resnet",
        "depthwise",
        "mlp",
        "no_bias_inplace",
        "branches"
      })
  @DisplayName("A PyTorch export imports and computes PyTorch's logits within 1e-4")
  void matchesPyTorch(String name) throws Exception {
    PyTorchFixture fixture = PyTorchFixture.load(name);
    AnnModel model = OnnxImporter.read(fixture.onnx());
    assertThat(model.inputShape()).isEqualTo(new TensorShape(1, 28, 28));
    AnnNetwork net = new AnnNetwork(model);
    AnnWorkspace ws = net.newWorkspace();
    for (int s = 0; s < fixture.inputs().length; s++) {
      float[] logits = net.forward(ws, fixture.inputs()[s], 0);
      double[] expected = fixture.logits()[s];
      assertThat(logits).hasSize(expected.length);
      for (int k = 0; k < logits.length; k++) {
        assertThat((double) logits[k])
            .as("%s: logit %d of sample %d", name, k, s)
            .isCloseTo(expected[k], within(1e-4));
      }
    }
  }
}
